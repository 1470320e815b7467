import type { Caller, Provenance, RequestContext, Transaction } from '@kesos/infra';
import {
  assertCanRead,
  assertCanWrite,
  BadInputError,
  forUpdate,
  pageWindow,
  toConnection,
  updateIfStill,
} from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { In, MoreThan } from 'typeorm';
import { parseId } from '../common/common.helpers';
import { EnrollmentEntity } from '../enrollment/enrollment.entity';
import { ProgrammeEntity } from '../programme/programme.entity';
import { WorkAreaProvinceEntity } from '../unit/unit.entity';
import { TrainingClassEntity } from './class.entity';
import { classClosedEvent } from './class.events';
import type { CreateTrainingClassInput, ValidClassInput } from './class.input';
import { validateCreateClass } from './class.input';
import { classById } from './class.loader';
import { toTrainingClass } from './class.mapper';
import type { ClassStatus, TrainingClass, TrainingClassPage } from './class.type';
import { writtenProvenance } from '../common/common.provenance';

/** One class by id, for a caller who may read its unit; null when there is none. */
export async function findTrainingClass(ctx: RequestContext, id: string): Promise<TrainingClass | null> {
  const cls = await classById(ctx).load(parseId('id', id));
  if (!cls) return null;
  assertCanRead(ctx.caller, cls.unitCode);
  return toTrainingClass(cls);
}

export interface ClassFilter {
  year: number | null;
  programmeId: string | null;
  status: ClassStatus | null;
}

/** The classes of a unit, oldest first (keyset paging over ids). */
export async function listTrainingClasses(
  ctx: RequestContext,
  unit: string,
  filter: ClassFilter,
  first: number,
  after: string | null,
): Promise<TrainingClassPage> {
  assertCanRead(ctx.caller, unit);
  const window = pageWindow(first, after);
  const repo = ctx.db.dataSource.getRepository(TrainingClassEntity);
  const where = {
    unitCode: unit,
    ...(filter.year !== null && filter.year !== undefined ? { year: filter.year } : {}),
    ...(filter.programmeId ? { programmeId: parseId('programmeId', filter.programmeId) } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const rows = await repo.find({
    where: { ...where, id: MoreThan(window.afterId) },
    order: { id: 'ASC' },
    take: window.take + 1,
  });
  return toConnection(rows, window, () => repo.countBy(where), toTrainingClass);
}

export async function createTrainingClass(
  ctx: RequestContext,
  input: CreateTrainingClassInput,
): Promise<TrainingClass> {
  const valid = validateCreateClass(input, parseId('programmeId', input.programmeId));
  const provenance = writtenProvenance(ctx.caller, input.provenance);
  return toTrainingClass(await ctx.db.transaction((tx) => createClass(tx, ctx.caller, valid, provenance)));
}

export async function startTrainingClass(ctx: RequestContext, classId: string): Promise<TrainingClass> {
  const id = parseId('classId', classId);
  return toTrainingClass(await ctx.db.transaction((tx) => startClass(tx, ctx.caller, id)));
}

export async function closeTrainingClass(ctx: RequestContext, classId: string): Promise<TrainingClass> {
  const id = parseId('classId', classId);
  return toTrainingClass(await ctx.db.transaction((tx) => closeClass(tx, ctx.caller, id)));
}

/**
 * Reads a class and, on MariaDB, holds its row until commit, so that two clerks filling the last
 * seat or closing the class at once are serialized. SQLite runs one transaction at a time anyway.
 */
export function lockClass(manager: EntityManager, id: number): Promise<TrainingClassEntity | null> {
  return manager.findOne(TrainingClassEntity, { where: { id }, ...forUpdate(manager) });
}

async function createClass(
  tx: Transaction,
  caller: Caller,
  input: ValidClassInput,
  provenance: Provenance,
): Promise<TrainingClassEntity> {
  // The programme row is locked first, so two classes created at once get consecutive batch numbers.
  const programme = await tx.manager.findOne(ProgrammeEntity, {
    where: { id: input.programmeId },
    ...forUpdate(tx.manager),
  });
  if (!programme) throw new BadInputError('programmeId', `there is no programme ${input.programmeId}`);
  assertCanWrite(caller, programme.unitCode);
  const workArea = await tx.manager.findBy(WorkAreaProvinceEntity, { unitCode: programme.unitCode });
  if (workArea.length && !workArea.some((w) => w.province === input.province)) {
    throw new BadInputError(
      'province',
      `${input.province} is not in the work area of ${programme.unitCode} (${workArea.map((w) => w.province).join(', ')})`,
    );
  }
  const year = Number(input.startDate.slice(0, 4));
  let batch = input.batch;
  if (batch === null) {
    const last = await tx.manager.findOne(TrainingClassEntity, {
      where: { programmeId: programme.id, year },
      order: { batch: 'DESC' },
    });
    batch = (last?.batch ?? 0) + 1;
  } else if (await tx.manager.existsBy(TrainingClassEntity, { programmeId: programme.id, year, batch })) {
    throw new BadInputError('batch', `${programme.code} already has an angkatan ${batch} in ${year}`);
  }
  const row = tx.manager.create(TrainingClassEntity, {
    unitCode: programme.unitCode,
    programmeId: programme.id,
    year,
    batch,
    name: input.name ?? `${programme.code} Angkatan ${batch} Tahun ${year}`,
    province: input.province,
    regency: input.regency,
    startDate: input.startDate,
    endDate: input.endDate,
    capacity: input.capacity,
    targetParticipants: input.targetParticipants,
    status: 'PLANNED',
    satkerCode: input.satkerCode,
    graduates: 0,
    provenance,
  });
  await tx.manager.insert(TrainingClassEntity, row);
  return row;
}

async function classForChange(tx: Transaction, caller: Caller, id: number): Promise<TrainingClassEntity> {
  const cls = await lockClass(tx.manager, id);
  if (!cls) throw new BadInputError('classId', `there is no class ${id}`);
  assertCanWrite(caller, cls.unitCode);
  return cls;
}

async function startClass(tx: Transaction, caller: Caller, id: number): Promise<TrainingClassEntity> {
  const cls = await classForChange(tx, caller, id);
  if (cls.status !== 'PLANNED')
    throw new BadInputError('classId', `class ${id} is ${cls.status}; only a PLANNED class can start`);
  cls.status = 'RUNNING';
  await updateIfStill(
    tx.manager,
    TrainingClassEntity,
    { id, status: 'PLANNED' },
    { status: cls.status },
    `class ${id} was changed by another request at the same moment; nothing was written, look at it again`,
  );
  return cls;
}

/** Closing needs every enrollment settled, so that the published counts are final. */
async function closeClass(tx: Transaction, caller: Caller, id: number): Promise<TrainingClassEntity> {
  const cls = await classForChange(tx, caller, id);
  if (cls.status !== 'RUNNING')
    throw new BadInputError('classId', `class ${id} is ${cls.status}; only a RUNNING class can close`);
  const open = await tx.manager.countBy(EnrollmentEntity, { classId: id, status: In(['REGISTERED', 'ATTENDING']) });
  if (open)
    throw new BadInputError(
      'classId',
      `class ${id} still has ${open} enrollment(s) REGISTERED or ATTENDING; graduate, fail or drop them out first`,
    );
  const participants = await tx.manager.countBy(EnrollmentEntity, { classId: id });
  const graduates = await tx.manager.countBy(EnrollmentEntity, { classId: id, status: 'GRADUATED' });
  const programme = await tx.manager.findOneByOrFail(ProgrammeEntity, { id: cls.programmeId });
  cls.status = 'CLOSED';
  await updateIfStill(
    tx.manager,
    TrainingClassEntity,
    { id, status: 'RUNNING' },
    { status: cls.status },
    `class ${id} was changed by another request at the same moment; nothing was written, look at it again`,
  );
  await tx.emit(classClosedEvent(cls, programme, participants, graduates));
  return cls;
}
