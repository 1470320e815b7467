import { assertCanRead, assertCanWrite, BadInputError, forUpdate, RequestContext } from '@kesos/infra';
import { MoreThan } from 'typeorm';
import { pageWindow, toPage } from '../common/common.helpers';
import {
  CertificationAssessmentEntity,
  CertificationCandidateEntity,
  CertificationSessionEntity,
} from './certification.entity';
import { certificationAssessedEvent } from './certification.events';
import {
  RecordCertificationAssessmentInput,
  RegisterCertificationCandidateInput,
  ScheduleCertificationSessionInput,
  validateAssessment,
  validateCandidate,
  validateSession,
} from './certification.input';
import { CertificationResult } from './certification.type';
import { existingUnit, validYear, workAreaPlace, yearOfDate } from '../common/common.validation';

export async function registerCandidate(
  ctx: RequestContext,
  input: RegisterCertificationCandidateInput,
): Promise<CertificationCandidateEntity> {
  const valid = validateCandidate(input);
  assertCanWrite(ctx.caller, valid.unit);
  return ctx.db.transaction(async ({ manager }) => {
    const unitCode = await existingUnit(manager, 'unit', valid.unit);
    const place = await workAreaPlace(
      manager,
      unitCode,
      { province: 'originProvince', regency: 'originRegency' },
      input.originProvince,
      input.originRegency,
    );
    const row = manager.create(CertificationCandidateEntity, {
      unitCode,
      year: valid.year,
      name: valid.name,
      category: valid.category,
      originProvince: place.province,
      originRegency: place.regency,
    });
    const { identifiers } = await manager.insert(CertificationCandidateEntity, row);
    return { ...row, id: Number(identifiers[0]?.id) };
  });
}

export async function scheduleSession(
  ctx: RequestContext,
  input: ScheduleCertificationSessionInput,
): Promise<CertificationSessionEntity> {
  const valid = validateSession(input);
  assertCanWrite(ctx.caller, valid.unit);
  return ctx.db.transaction(async ({ manager }) => {
    const unitCode = await existingUnit(manager, 'unit', valid.unit);
    const place = await workAreaPlace(
      manager,
      unitCode,
      { province: 'province', regency: 'regency' },
      input.province,
      input.regency,
    );
    const row = manager.create(CertificationSessionEntity, {
      unitCode,
      year: yearOfDate(valid.startDate),
      name: valid.name,
      ...place,
      startDate: valid.startDate,
      endDate: valid.endDate,
    });
    const { identifiers } = await manager.insert(CertificationSessionEntity, row);
    return { ...row, id: Number(identifiers[0]?.id) };
  });
}

/** Records one result and its event together; the candidate must belong to the session's unit and year. */
export async function recordAssessment(
  ctx: RequestContext,
  input: RecordCertificationAssessmentInput,
): Promise<CertificationAssessmentEntity> {
  const valid = validateAssessment(input);
  return ctx.db.transaction(async (tx) => {
    const { manager } = tx;
    // The candidate is locked first: two results for one person recorded at once (in two sessions)
    // are then checked one after the other, and none lands after the person was found competent.
    const candidate = await manager.findOne(CertificationCandidateEntity, {
      where: { id: valid.candidateId },
      ...forUpdate(manager),
    });
    const session = await manager.findOneBy(CertificationSessionEntity, { id: valid.sessionId });
    if (!session) throw new BadInputError('sessionId', `session ${valid.sessionId} does not exist`);
    assertCanWrite(ctx.caller, session.unitCode);
    if (!candidate || candidate.unitCode !== session.unitCode)
      throw new BadInputError('candidateId', `candidate ${valid.candidateId} is not planned by ${session.unitCode}`);
    if (candidate.year !== session.year)
      throw new BadInputError(
        'candidateId',
        `candidate ${candidate.id} is planned for ${candidate.year}, but the session counts towards ${session.year}`,
      );
    if (valid.assessedOn < session.startDate || valid.assessedOn > session.endDate)
      throw new BadInputError(
        'assessedOn',
        `assessedOn must fall within the session, ${session.startDate} to ${session.endDate}`,
      );
    const earlier = await manager.find(CertificationAssessmentEntity, {
      where: { candidateId: candidate.id, year: session.year },
    });
    if (earlier.some((a) => a.sessionId === session.id))
      throw new BadInputError('candidateId', `candidate ${candidate.id} already has a result in session ${session.id}`);
    const competent = earlier.find((a) => a.result === CertificationResult.KOMPETEN);
    if (competent)
      throw new BadInputError(
        'candidateId',
        `candidate ${candidate.id} was already found competent in ${session.year} (assessment ${competent.id})`,
      );
    const row = manager.create(CertificationAssessmentEntity, {
      unitCode: session.unitCode,
      year: session.year,
      sessionId: session.id,
      candidateId: candidate.id,
      result: valid.result,
      assessedOn: valid.assessedOn,
    });
    const { identifiers } = await manager.insert(CertificationAssessmentEntity, row);
    const saved = { ...row, id: Number(identifiers[0]?.id) };
    await tx.emit(certificationAssessedEvent(saved));
    return saved;
  });
}

export interface ListFilter {
  unit: string;
  year?: number | null;
  first: number;
  after?: string | null;
}

export async function listAssessments(
  ctx: RequestContext,
  filter: ListFilter & { result?: CertificationResult | null },
) {
  assertCanRead(ctx.caller, filter.unit);
  const window = pageWindow(filter.first, filter.after);
  const where = {
    unitCode: filter.unit,
    ...(filter.year != null ? { year: validYear('year', filter.year) } : {}),
    ...(filter.result ? { result: filter.result } : {}),
  };
  const repo = ctx.db.dataSource.getRepository(CertificationAssessmentEntity);
  const rows = await repo.find({
    where: { ...where, id: MoreThan(window.afterId) },
    order: { id: 'ASC' },
    take: window.take + 1,
  });
  return toPage(rows, window);
}

export async function listCandidates(ctx: RequestContext, filter: ListFilter) {
  assertCanRead(ctx.caller, filter.unit);
  const window = pageWindow(filter.first, filter.after);
  const where = { unitCode: filter.unit, ...(filter.year != null ? { year: validYear('year', filter.year) } : {}) };
  const repo = ctx.db.dataSource.getRepository(CertificationCandidateEntity);
  const rows = await repo.find({
    where: { ...where, id: MoreThan(window.afterId) },
    order: { id: 'ASC' },
    take: window.take + 1,
  });
  return toPage(rows, window);
}

export async function listSessions(
  ctx: RequestContext,
  unit: string,
  year: number,
): Promise<CertificationSessionEntity[]> {
  assertCanRead(ctx.caller, unit);
  return ctx.db.dataSource
    .getRepository(CertificationSessionEntity)
    .find({ where: { unitCode: unit, year: validYear('year', year) }, order: { startDate: 'ASC', id: 'ASC' } });
}
