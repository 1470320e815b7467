import type { Caller, Provenance, RequestContext, Transaction } from '@kesos/infra';
import { assertCanRead, assertCanWrite, BadInputError, forUpdate, pageWindow, toConnection } from '@kesos/infra';
import { MoreThan } from 'typeorm';
import { TrainingClassEntity } from '../class/class.entity';
import { parseId } from '../common/common.helpers';
import { EnrollmentEntity } from '../enrollment/enrollment.entity';
import { ProgrammeEntity } from '../programme/programme.entity';
import { AlumniMonitoringEntity } from './monitoring.entity';
import { monitoringAssessedEvent } from './monitoring.events';
import type { AssessAlumniInput } from './monitoring.input';
import { showsLifeSkills, validateAssessAlumni } from './monitoring.input';
import { toAlumniMonitoring } from './monitoring.mapper';
import type { AlumniMonitoring, AlumniMonitoringPage } from './monitoring.type';
import { writtenProvenance } from '../common/common.provenance';

/** The assessments of a unit, oldest first (keyset paging over ids). */
export async function listAlumniMonitorings(
  ctx: RequestContext,
  unit: string,
  year: number | null,
  first: number,
  after: string | null,
): Promise<AlumniMonitoringPage> {
  assertCanRead(ctx.caller, unit);
  const window = pageWindow(first, after);
  const repo = ctx.db.dataSource.getRepository(AlumniMonitoringEntity);
  const where = { unitCode: unit, ...(year !== null && year !== undefined ? { year } : {}) };
  const rows = await repo.find({
    where: { ...where, id: MoreThan(window.afterId) },
    order: { id: 'ASC' },
    take: window.take + 1,
  });
  return toConnection(rows, window, () => repo.countBy(where), toAlumniMonitoring);
}

export async function recordAlumniAssessment(ctx: RequestContext, input: AssessAlumniInput): Promise<AlumniMonitoring> {
  const enrollmentId = parseId('enrollmentId', input.enrollmentId);
  const valid = validateAssessAlumni(input);
  const provenance = writtenProvenance(ctx.caller, input.provenance);
  return toAlumniMonitoring(
    await ctx.db.transaction((tx) => assessAlumni(tx, ctx.caller, enrollmentId, input, { ...valid, provenance })),
  );
}

async function assessAlumni(
  tx: Transaction,
  caller: Caller,
  enrollmentId: number,
  input: AssessAlumniInput,
  valid: { assessedOn: string; notes: string | null; provenance: Provenance },
): Promise<AlumniMonitoringEntity> {
  // Locked first, so a second assessment of the same graduate waits and is then refused as a repeat.
  const enrollment = await tx.manager.findOne(EnrollmentEntity, {
    where: { id: enrollmentId },
    ...forUpdate(tx.manager),
  });
  if (!enrollment) throw new BadInputError('enrollmentId', `there is no enrollment ${enrollmentId}`);
  assertCanWrite(caller, enrollment.unitCode);
  if (enrollment.status !== 'GRADUATED')
    throw new BadInputError(
      'enrollmentId',
      `enrollment ${enrollmentId} is ${enrollment.status}; only graduates are monitored`,
    );
  if (await tx.manager.existsBy(AlumniMonitoringEntity, { enrollmentId }))
    throw new BadInputError('enrollmentId', `enrollment ${enrollmentId} has already been assessed`);
  const cls = await tx.manager.findOneByOrFail(TrainingClassEntity, { id: enrollment.classId });
  if (valid.assessedOn < cls.endDate)
    throw new BadInputError('assessedOn', `the class ended on ${cls.endDate}; monitoring comes after it`);
  const programme = await tx.manager.findOneByOrFail(ProgrammeEntity, { id: cls.programmeId });
  const row = tx.manager.create(AlumniMonitoringEntity, {
    unitCode: enrollment.unitCode,
    enrollmentId,
    year: cls.year,
    assessedOn: valid.assessedOn,
    marketingImproved: input.marketingImproved,
    permitsObtained: input.permitsObtained,
    quantityImproved: input.quantityImproved,
    qualityImproved: input.qualityImproved,
    hasLifeSkills: showsLifeSkills(input),
    notes: valid.notes,
    provenance: valid.provenance,
  });
  await tx.manager.insert(AlumniMonitoringEntity, row);
  await tx.emit(monitoringAssessedEvent(row, programme.code));
  return row;
}
