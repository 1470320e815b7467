import type { Caller, Provenance, RequestContext, Transaction } from '@kesos/infra';
import { assertCanRead, assertCanWrite, BadInputError, canRead, pageWindow, toConnection } from '@kesos/infra';
import { parseId } from '../common/common.helpers';
import { enrollmentsByParticipant } from '../enrollment/enrollment.loader';
import { toEnrollment } from '../enrollment/enrollment.mapper';
import type { Enrollment } from '../enrollment/enrollment.type';
import { UnitEntity } from '../unit/unit.entity';
import { encryptNik, hashNik, maskNik } from './participant.crypto';
import { ParticipantEntity } from './participant.entity';
import type { RegisterParticipantInput } from './participant.input';
import { type ParticipantDraft, validateRegisterParticipant } from './participant.input';
import { participantById } from './participant.loader';
import { toParticipant } from './participant.mapper';
import { nikProblem } from './participant.nik';
import type { Participant, ParticipantPage } from './participant.type';
import { writtenProvenance } from '../common/common.provenance';

/** One participant by id, for a caller who may read the registering unit; null when there is none. */
export async function findParticipant(ctx: RequestContext, id: string): Promise<Participant | null> {
  const p = await participantById(ctx).load(parseId('id', id));
  if (!p) return null;
  assertCanRead(ctx.caller, p.unitCode);
  return toParticipant(p);
}

/** A participant's enrollments in units the caller may read, oldest first. */
export async function participantEnrollments(ctx: RequestContext, participantId: number): Promise<Enrollment[]> {
  // A participant is reachable from any unit that enrolled them; their other units' records are not.
  return (await enrollmentsByParticipant(ctx).load(participantId))
    .filter((e) => canRead(ctx.caller, e.unitCode))
    .map(toEnrollment);
}

export async function addParticipant(ctx: RequestContext, input: RegisterParticipantInput): Promise<Participant> {
  assertCanWrite(ctx.caller, input.unit);
  const draft = validateRegisterParticipant(input);
  const provenance = writtenProvenance(ctx.caller, input.provenance);
  return toParticipant(
    await ctx.db.transaction((tx) => registerParticipant(tx, ctx.caller, input.unit, draft, provenance)),
  );
}

/** The NIK's keyed hash, for other features (the import) that look participants up by NIK. */
export { hashNik };

export type ParticipantRow = Omit<ParticipantEntity, 'id'>;

/** A validated draft's gender as its column stores it; the draft's rules admit nothing else. */
function storedGender(gender: string): ParticipantEntity['gender'] {
  if (gender === 'FEMALE' || gender === 'MALE') return gender;
  throw new Error(`gender "${gender}" passed validation but is neither FEMALE nor MALE`);
}

/** The stored form of a validated participant: the NIK only as cipher, keyed hash and mask. */
export function participantRow(unitCode: string, d: ParticipantDraft, provenance: Provenance): ParticipantRow {
  return {
    unitCode,
    nikHash: hashNik(d.nik),
    nikCipher: encryptNik(d.nik),
    nikMasked: maskNik(d.nik),
    name: d.name,
    gender: storedGender(d.gender),
    birthDate: d.birthDate,
    education: d.education,
    category: d.category,
    originProvince: d.originProvince,
    originRegency: d.originRegency,
    provenance,
  };
}

/**
 * The registry is national, so a NIK registered by any unit is refused; the refusal names the
 * holder's unit and id only to a caller who may read them (see duplicateNikReason).
 * The caller's right to write to the unit is checked before the input is even validated.
 */
async function registerParticipant(
  tx: Transaction,
  caller: Caller,
  unitCode: string,
  draft: ParticipantDraft,
  provenance: Provenance,
): Promise<ParticipantEntity> {
  if (!(await tx.manager.existsBy(UnitEntity, { code: unitCode })))
    throw new BadInputError('unit', `unit ${unitCode} is not registered`);
  const row = participantRow(unitCode, draft, provenance);
  const holder = await tx.manager.findOne(ParticipantEntity, {
    select: { id: true, unitCode: true },
    where: { nikHash: row.nikHash },
  });
  if (holder) throw new BadInputError('nik', duplicateNikReason(caller, unitCode, holder));
  const entity = tx.manager.create(ParticipantEntity, row);
  await tx.manager.insert(ParticipantEntity, entity);
  return entity;
}

/**
 * What a caller is told about a NIK that is already in the registry. Staff of another unit learn
 * only that the person exists (a single registry cannot hide that and still refuse the duplicate),
 * never which unit holds them or under which id.
 */
export function duplicateNikReason(caller: Caller, unitCode: string, holder: { id: number; unitCode: string }): string {
  if (holder.unitCode === unitCode)
    return `this NIK is already registered by ${unitCode} as participant ${holder.id}; search for them instead`;
  if (canRead(caller, holder.unitCode))
    return `this NIK is already registered by ${holder.unitCode} as participant ${holder.id}`;
  return `this NIK is already in the national registry, registered by another unit; an admin can enroll that person in a class of ${unitCode}`;
}

/** `%` and `_` typed by a clerk are literal; `!` is the escape character on both backends. */
const likePattern = (text: string): string => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/**
 * Participants of a unit, by part of the name or a whole NIK, in registration order (keyset
 * paging over ids); the count runs the same filter.
 */
export async function listParticipants(
  ctx: RequestContext,
  unitCode: string,
  search: string | null,
  first: number,
  after: string | null,
): Promise<ParticipantPage> {
  const window = pageWindow(first, after);
  assertCanRead(ctx.caller, unitCode);
  const q = ctx.db.dataSource
    .getRepository(ParticipantEntity)
    .createQueryBuilder('p')
    .where('p.unitCode = :unitCode', { unitCode });
  const text = search?.trim();
  if (text) {
    const digits = text.replace(/\s/g, '');
    if (/^\d+$/.test(digits)) {
      // Only a whole NIK can be searched: the stored hash matches exact values, never prefixes.
      const problem = nikProblem(digits);
      if (problem) throw new BadInputError('search', `a number searches by NIK; ${problem}`);
      q.andWhere('p.nikHash = :hash', { hash: hashNik(digits) });
    } else {
      if (text.length < 2) throw new BadInputError('search', 'type at least 2 letters of the name');
      q.andWhere("p.name LIKE :pattern ESCAPE '!'", { pattern: likePattern(text) });
    }
  }
  const rows = await q
    .clone()
    .andWhere('p.id > :afterId', { afterId: window.afterId })
    .orderBy('p.id', 'ASC')
    .take(window.take + 1)
    .getMany();
  return toConnection(rows, window, () => q.getCount(), toParticipant);
}
