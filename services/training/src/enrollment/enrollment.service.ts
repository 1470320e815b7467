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
import { randomInt } from 'node:crypto';
import { In, MoreThan, Not } from 'typeorm';
import { TrainingClassEntity } from '../class/class.entity';
import { classById } from '../class/class.loader';
import { lockClass } from '../class/class.service';
import { parseId, todayIso } from '../common/common.helpers';
import { ParticipantEntity } from '../participant/participant.entity';
import { ProgrammeEntity } from '../programme/programme.entity';
import { countNewEnrollments, countStatusChange } from '../stats/stats.service';
import type { EnrollmentStatusValue } from './enrollment.entity';
import { EnrollmentEntity } from './enrollment.entity';
import { graduatedEvent } from './enrollment.events';
import type {
  DropOutEnrollmentInput,
  EnrollParticipantInput,
  GraduateEnrollmentInput,
  RecordTestScoresInput,
} from './enrollment.input';
import { validReason, validScore } from './enrollment.input';
import { enrollmentById } from './enrollment.loader';
import { toEnrollment } from './enrollment.mapper';
import type { Enrollment, EnrollmentPage, EnrollmentStatus } from './enrollment.type';
import { Predicate } from './enrollment.type';
import { writtenProvenance } from '../common/common.provenance';

/** One enrollment by id, for a caller who may read its unit; null when there is none. */
export async function findEnrollment(ctx: RequestContext, id: string): Promise<Enrollment | null> {
  const e = await enrollmentById(ctx).load(parseId('id', id));
  if (!e) return null;
  assertCanRead(ctx.caller, e.unitCode);
  return toEnrollment(e);
}

/** The enrollments of a class, in registration order (keyset paging over ids). */
export async function listEnrollments(
  ctx: RequestContext,
  classId: string,
  status: EnrollmentStatus | null,
  first: number,
  after: string | null,
): Promise<EnrollmentPage> {
  const id = parseId('classId', classId);
  const window = pageWindow(first, after);
  const cls = await classById(ctx).load(id);
  if (!cls) throw new BadInputError('classId', `there is no class ${id}`);
  assertCanRead(ctx.caller, cls.unitCode);
  const repo = ctx.db.dataSource.getRepository(EnrollmentEntity);
  const filter = { classId: id, ...(status ? { status } : {}) };
  const rows = await repo.find({
    where: { ...filter, id: MoreThan(window.afterId) },
    order: { id: 'ASC' },
    take: window.take + 1,
  });
  return toConnection(rows, window, () => repo.countBy(filter), toEnrollment);
}

export async function enrollParticipant(ctx: RequestContext, input: EnrollParticipantInput): Promise<Enrollment> {
  const classId = parseId('classId', input.classId);
  const participantId = parseId('participantId', input.participantId);
  const provenance = writtenProvenance(ctx.caller, input.provenance);
  return toEnrollment(await ctx.db.transaction((tx) => enroll(tx, ctx.caller, classId, participantId, provenance)));
}

export async function markAttendance(ctx: RequestContext, enrollmentId: string): Promise<Enrollment> {
  const id = parseId('enrollmentId', enrollmentId);
  return toEnrollment(await ctx.db.transaction((tx) => markAttending(tx, ctx.caller, id)));
}

export async function recordEnrollmentScores(ctx: RequestContext, input: RecordTestScoresInput): Promise<Enrollment> {
  const id = parseId('enrollmentId', input.enrollmentId);
  const pre = validScore('preTestScore', input.preTestScore);
  const post = validScore('postTestScore', input.postTestScore);
  return toEnrollment(await ctx.db.transaction((tx) => recordTestScores(tx, ctx.caller, id, pre, post)));
}

export async function graduateEnrollment(ctx: RequestContext, input: GraduateEnrollmentInput): Promise<Enrollment> {
  const id = parseId('enrollmentId', input.enrollmentId);
  return toEnrollment(await ctx.db.transaction((tx) => graduate(tx, ctx.caller, id, input.predicate ?? null)));
}

export async function failEnrollment(ctx: RequestContext, enrollmentId: string): Promise<Enrollment> {
  const id = parseId('enrollmentId', enrollmentId);
  return toEnrollment(await ctx.db.transaction((tx) => fail(tx, ctx.caller, id)));
}

export async function dropOutEnrollment(ctx: RequestContext, input: DropOutEnrollmentInput): Promise<Enrollment> {
  const id = parseId('enrollmentId', input.enrollmentId);
  const reason = validReason(input.reason);
  return toEnrollment(await ctx.db.transaction((tx) => dropOut(tx, ctx.caller, id, reason)));
}

async function enroll(
  tx: Transaction,
  caller: Caller,
  classId: number,
  participantId: number,
  provenance: Provenance,
): Promise<EnrollmentEntity> {
  const cls = await lockClass(tx.manager, classId);
  if (!cls) throw new BadInputError('classId', `there is no class ${classId}`);
  assertCanWrite(caller, cls.unitCode);
  if (cls.status === 'CLOSED')
    throw new BadInputError(
      'classId',
      `class ${classId} is CLOSED; participants register while it is PLANNED or RUNNING`,
    );
  const participant = await tx.manager.findOneBy(ParticipantEntity, { id: participantId });
  // Staff of one unit must not learn which ids exist in another unit's registry, so both answers read alike.
  if (!participant || (participant.unitCode !== cls.unitCode && caller.role !== 'admin'))
    throw new BadInputError(
      'participantId',
      `${cls.unitCode} has no participant ${participantId}; only an admin enrolls a person another unit registered`,
    );
  if (await tx.manager.existsBy(EnrollmentEntity, { classId, participantId }))
    throw new BadInputError('participantId', `participant ${participantId} is already enrolled in class ${classId}`);
  const seated = await tx.manager.countBy(EnrollmentEntity, { classId, status: Not('DROPPED_OUT') });
  if (seated >= cls.capacity)
    throw new BadInputError('classId', `class ${classId} is full: all ${cls.capacity} seats are taken`);
  const row = tx.manager.create(EnrollmentEntity, {
    unitCode: cls.unitCode,
    classId,
    participantId,
    status: 'REGISTERED',
    registeredOn: todayIso(),
    provenance,
  });
  await tx.manager.insert(EnrollmentEntity, row);
  await countNewEnrollments(tx.manager, [row.id]);
  return row;
}

interface Change {
  enrollment: EnrollmentEntity;
  cls: TrainingClassEntity;
}

/**
 * The enrollment row is locked by the transaction's first read, then its class (always in this
 * order; nothing locks a class and then an enrollment that already exists), so a transition sees
 * every change committed before it and holds both until it commits.
 */
async function forChange(
  tx: Transaction,
  caller: Caller,
  enrollmentId: number,
  action: string,
  allowed: EnrollmentStatusValue[],
): Promise<Change> {
  const enrollment = await tx.manager.findOne(EnrollmentEntity, {
    where: { id: enrollmentId },
    ...forUpdate(tx.manager),
  });
  if (!enrollment) throw new BadInputError('enrollmentId', `there is no enrollment ${enrollmentId}`);
  assertCanWrite(caller, enrollment.unitCode);
  const cls = (await lockClass(tx.manager, enrollment.classId))!;
  if (!allowed.includes(enrollment.status))
    throw new BadInputError(
      'enrollmentId',
      `enrollment ${enrollmentId} is ${enrollment.status}; ${action} needs an enrollment that is ${allowed.join(' or ')}`,
    );
  return { enrollment, cls };
}

/** Writes a transition only if the enrollment is still in a status it may leave from. */
function transition(
  tx: Transaction,
  enrollmentId: number,
  from: EnrollmentStatusValue[],
  set: Partial<EnrollmentEntity>,
): Promise<void> {
  return updateIfStill(
    tx.manager,
    EnrollmentEntity,
    { id: enrollmentId, status: In(from) },
    set,
    `enrollment ${enrollmentId} was changed by another request at the same moment; nothing was written, look at it again`,
  );
}

function requireRunning(cls: TrainingClassEntity, action: string): void {
  if (cls.status !== 'RUNNING')
    throw new BadInputError(
      'enrollmentId',
      `class ${cls.id} is ${cls.status}; ${action} only while the class is RUNNING`,
    );
}

async function markAttending(tx: Transaction, caller: Caller, enrollmentId: number): Promise<EnrollmentEntity> {
  const { enrollment, cls } = await forChange(tx, caller, enrollmentId, 'attendance', ['REGISTERED']);
  requireRunning(cls, 'attendance is recorded');
  Object.assign(enrollment, { status: 'ATTENDING', attendedOn: todayIso() });
  await transition(tx, enrollmentId, ['REGISTERED'], { status: enrollment.status, attendedOn: enrollment.attendedOn });
  await countStatusChange(tx.manager, enrollmentId, 'REGISTERED');
  return enrollment;
}

async function recordTestScores(
  tx: Transaction,
  caller: Caller,
  enrollmentId: number,
  pre: number | null,
  post: number | null,
): Promise<EnrollmentEntity> {
  if (pre === null && post === null)
    throw new BadInputError('preTestScore', 'give a pre-test score, a post-test score or both');
  const { enrollment, cls } = await forChange(tx, caller, enrollmentId, 'recording test scores', ['ATTENDING']);
  requireRunning(cls, 'test scores are recorded');
  if (pre !== null) enrollment.preTestScore = pre;
  if (post !== null) enrollment.postTestScore = post;
  await transition(tx, enrollmentId, ['ATTENDING'], {
    preTestScore: enrollment.preTestScore,
    postTestScore: enrollment.postTestScore,
  });
  return enrollment;
}

export function predicateFor(postTestScore: number): Predicate {
  if (postTestScore >= 90) return Predicate.SANGAT_BAIK;
  if (postTestScore >= 80) return Predicate.BAIK;
  if (postTestScore >= 70) return Predicate.CUKUP;
  return Predicate.KURANG;
}

/** Capital letters and digits without the look-alikes I, O, 0 and 1: 32 characters, 5 bits each. */
const CHECK_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CHECK_GROUPS = 4;
const CHECK_GROUP_LENGTH = 4;

/**
 * `<unit>/<programme>/<year>/<enrollment id>/XXXX-XXXX-XXXX-XXXX`: the id makes it unique, the
 * 16 random characters (80 bits) keep the public verification from being walked through by
 * counting or guessing; groups of four keep it readable off a printed certificate.
 */
export function certificateNumber(
  unitCode: string,
  programmeCode: string,
  year: number,
  enrollmentId: number,
  pick: (n: number) => number = randomInt,
): string {
  const group = () =>
    Array.from({ length: CHECK_GROUP_LENGTH }, () => CHECK_ALPHABET[pick(CHECK_ALPHABET.length)]).join('');
  const check = Array.from({ length: CHECK_GROUPS }, group).join('-');
  return `${unitCode}/${programmeCode}/${year}/${String(enrollmentId).padStart(6, '0')}/${check}`;
}

async function graduate(
  tx: Transaction,
  caller: Caller,
  enrollmentId: number,
  predicate: Predicate | null,
): Promise<EnrollmentEntity> {
  const { enrollment, cls } = await forChange(tx, caller, enrollmentId, 'graduation', ['ATTENDING']);
  requireRunning(cls, 'graduation is recorded');
  if (enrollment.preTestScore === null)
    throw new BadInputError(
      'preTestScore',
      `record the pre-test score of enrollment ${enrollmentId} before graduating it`,
    );
  if (enrollment.postTestScore === null)
    throw new BadInputError(
      'postTestScore',
      `record the post-test score of enrollment ${enrollmentId} before graduating it`,
    );
  const programme = await tx.manager.findOneByOrFail(ProgrammeEntity, { id: cls.programmeId });
  const participant = await tx.manager.findOneByOrFail(ParticipantEntity, { id: enrollment.participantId });
  const today = todayIso();
  Object.assign(enrollment, {
    status: 'GRADUATED',
    predicate: predicate ?? predicateFor(enrollment.postTestScore),
    certificateNumber: certificateNumber(cls.unitCode, programme.code, cls.year, enrollment.id),
    certificateIssuedOn: today,
    endedOn: today,
  });
  await transition(tx, enrollmentId, ['ATTENDING'], {
    status: enrollment.status,
    predicate: enrollment.predicate,
    certificateNumber: enrollment.certificateNumber,
    certificateIssuedOn: today,
    endedOn: today,
  });
  // The class is locked (forChange), so the counter moves exactly once per graduation.
  await tx.manager.increment(TrainingClassEntity, { id: cls.id }, 'graduates', 1);
  cls.graduates += 1;
  await countStatusChange(tx.manager, enrollmentId, 'ATTENDING');
  await tx.emit(graduatedEvent(enrollment, cls, programme, participant.category));
  return enrollment;
}

async function fail(tx: Transaction, caller: Caller, enrollmentId: number): Promise<EnrollmentEntity> {
  const { enrollment, cls } = await forChange(tx, caller, enrollmentId, 'failing', ['ATTENDING']);
  requireRunning(cls, 'a failure is recorded');
  Object.assign(enrollment, { status: 'FAILED', endedOn: todayIso() });
  await transition(tx, enrollmentId, ['ATTENDING'], { status: enrollment.status, endedOn: enrollment.endedOn });
  await countStatusChange(tx.manager, enrollmentId, 'ATTENDING');
  return enrollment;
}

async function dropOut(
  tx: Transaction,
  caller: Caller,
  enrollmentId: number,
  reason: string,
): Promise<EnrollmentEntity> {
  const { enrollment } = await forChange(tx, caller, enrollmentId, 'dropping out', ['REGISTERED', 'ATTENDING']);
  const from = enrollment.status;
  Object.assign(enrollment, { status: 'DROPPED_OUT', endedOn: todayIso(), dropOutReason: reason });
  await transition(tx, enrollmentId, ['REGISTERED', 'ATTENDING'], {
    status: enrollment.status,
    endedOn: enrollment.endedOn,
    dropOutReason: reason,
  });
  await countStatusChange(tx.manager, enrollmentId, from);
  return enrollment;
}
