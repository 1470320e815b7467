import type { ContractEvent, RequestContext } from '@kesos/infra';
import {
  assertCanRead,
  assertCanWrite,
  assertWriterRole,
  BadInputError,
  forUpdate,
  NotFoundError,
  Provenance,
  PROVENANCE_ORDER,
} from '@kesos/infra';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { performanceByUnitYear, ikpaComponentsByYear, ikpaScoresByUnitYear } from '../budget-score/budget-score.loader';
import { ikpaFromComponents } from '../budget-score/budget-score.service';
import { satkersOfUnitBudget } from '../budget/budget.service';
import type { UnitBudget } from '../budget/budget.type';
import { DipaEntity } from '../dipa/dipa.entity';
import { lockDipa } from '../dipa/dipa.service';
import { OutputEntity } from '../line/line.entity';
import { OutputVolumeEntryEntity } from '../output/output.entity';
import { SatkerEntity } from '../satker/satker.entity';
import type { RecordOutputVolumeInput, ReverseOutputVolumeInput } from './volume.input';
import { validateOutputVolume, validateReversal } from './volume.input';
import { OutputVolumeRecordEntity, VolumeSource } from './volume.entity';
import { toOutputVolumeEntry, type VolumeRecordRow } from './volume.mapper';
import type { OutputAchievement, OutputVolumeEntry } from './volume.type';

/**
 * The ROs the training records count towards (codes as in docs/events.md, "RO codes"): the RKT's
 * "Lembaga Kesejahteraan Sosial yang telah mengikuti proses akreditasi" (LKS), "SDM Kesos yang telah
 * mengikuti proses sertifikasi" (orang) and "SDM Kesos yang melaksanakan pelayanan sosial" (orang).
 */
export const COUNTED_OUTPUTS: Record<Exclude<VolumeSource, 'ENTERED' | 'REVERSAL'>, string> = {
  [VolumeSource.ACCREDITATION]: '6392.SCA.001',
  [VolumeSource.CERTIFICATION]: '6392.SCH.001',
  [VolumeSource.ATENSI]: '6392.QAH.001',
};

/**
 * The ROs training events name as budgetOutputCode for graduates (PPM, PKH; docs/events.md). Any
 * other RO that already counts graduates is recognised by its entries.
 */
export const GRADUATE_OUTPUTS: readonly string[] = ['6391.SCM.001', '6393.SCM.001'];

/**
 * The RO of that code the unit holds in the year: where several satkers hold it (a reorganisation
 * year), the open satker's, else the latest DIPA's, as graduations choose. Null when none holds it.
 */
export async function outputOfUnitYear(
  m: EntityManager,
  unitCode: string,
  year: number,
  outputCode: string,
): Promise<number | null> {
  const outputs: { id: number | string; closedOn: string | null; dipaId: number | string }[] = await m
    .createQueryBuilder(OutputEntity, 'o')
    .innerJoin(DipaEntity, 'd', 'd.id = o.dipaId')
    .innerJoin(SatkerEntity, 's', 's.code = d.satkerCode')
    .select(['o.id AS id', 's.closedOn AS closedOn', 'd.id AS dipaId'])
    .where('o.code = :code AND d.year = :year AND s.unitCode = :unit', { code: outputCode, year, unit: unitCode })
    .getRawMany();
  if (!outputs.length) return null;
  const [target] = [...outputs].sort(
    (a, b) => Number(a.closedOn !== null) - Number(b.closedOn !== null) || Number(b.dipaId) - Number(a.dipaId),
  );
  return Number(target.id);
}

/** The provenance an event states for its record; absent means OPERATIONAL (docs/events.md). */
export function eventProvenance(value: string | null | undefined): Provenance {
  const p = value ?? Provenance.OPERATIONAL;
  if (!(PROVENANCE_ORDER as readonly string[]).includes(p))
    throw new Error(`provenance "${p}" is not one of ${PROVENANCE_ORDER.join(', ')}`);
  return p as Provenance;
}

/**
 * Counts one training record towards the RO of its unit and year, once: a record already counted
 * for the RO (the same event redelivered, another event about the same LKS, person or case, or a
 * concurrent consumer inserting it first) is left as it is. INSERT IGNORE rather than read-then-
 * insert, because two transactions reading at once would both see nothing.
 */
export async function countTrainingRecord(
  m: EntityManager,
  event: ContractEvent<{ year: number; date?: string | null; provenance?: string | null }>,
  source: keyof typeof COUNTED_OUTPUTS,
  sourceKey: string,
  quantity: number,
): Promise<void> {
  const outputId = await outputOfUnitYear(m, event.unit, event.data.year, COUNTED_OUTPUTS[source]);
  if (outputId === null) return;
  await m
    .createQueryBuilder()
    .insert()
    .into(OutputVolumeRecordEntity)
    .values({
      outputId,
      source,
      sourceKey,
      sourceEventId: event.id,
      quantity,
      date: event.data.date ?? null,
      note: null,
      recordedBy: `event:${event.type}`,
      reversesId: null,
      provenance: eventProvenance(event.data.provenance),
    })
    .orIgnore()
    .execute();
}

const ENTRY_COLUMNS = [
  'r.id AS id',
  'r.source AS source',
  'r.quantity AS quantity',
  'r.date AS date',
  'r.note AS note',
  'r.recordedBy AS recordedBy',
  'r.recordedAt AS recordedAt',
  'r.reversesId AS reversesId',
  'r.provenance AS provenance',
  'o.code AS outputCode',
  'd.satkerCode AS satkerCode',
  'd.year AS year',
];

async function entryById(m: EntityManager, id: number): Promise<OutputVolumeEntry> {
  const row: VolumeRecordRow | undefined = await m
    .createQueryBuilder(OutputVolumeRecordEntity, 'r')
    .innerJoin(OutputEntity, 'o', 'o.id = r.outputId')
    .innerJoin(DipaEntity, 'd', 'd.id = o.dipaId')
    .select(ENTRY_COLUMNS)
    .where('r.id = :id', { id })
    .getRawOne();
  if (!row) throw new Error(`volume record ${id} vanished inside its own transaction`);
  return toOutputVolumeEntry(row);
}

/**
 * Enters realised volume of an RO that no service records (management outputs such as Layanan
 * Perkantoran), by an operator of the satker's unit or an admin. ROs counted from training records
 * are refused: an entry there would count the same output twice.
 */
export async function recordOutputVolume(
  ctx: RequestContext,
  raw: RecordOutputVolumeInput,
): Promise<OutputVolumeEntry> {
  const input = validateOutputVolume(raw);
  return ctx.db.transaction(async (tx) => {
    const m = tx.manager;
    // The DIPA row is the lock every write to the satker's year takes first (realisations, revisions).
    const { dipa, satker } = await lockDipa(m, input.satkerCode, input.year);
    assertCanWrite(ctx.caller, satker.unitCode);
    const output = await m.findOneBy(OutputEntity, { dipaId: dipa.id, code: input.outputCode });
    if (!output)
      throw new BadInputError(
        'outputCode',
        `output ${input.outputCode} is not in satker ${satker.code}'s ${input.year} DIPA`,
      );
    const counted =
      Object.entries(COUNTED_OUTPUTS)
        .find(([, code]) => code === output.code)?.[0]
        .toLowerCase() ??
      (GRADUATE_OUTPUTS.includes(output.code) || (await m.existsBy(OutputVolumeEntryEntity, { outputId: output.id }))
        ? 'graduates'
        : null);
    if (counted)
      throw new BadInputError(
        'outputCode',
        `the volume of ${output.code} is counted from the training service's records (${counted}); it cannot be entered by hand`,
      );
    const inserted = await m.insert(OutputVolumeRecordEntity, {
      outputId: output.id,
      source: VolumeSource.ENTERED,
      sourceKey: `entry:${randomUUID()}`,
      sourceEventId: null,
      quantity: input.quantity,
      date: input.date,
      note: input.note,
      recordedBy: ctx.caller.subject,
      reversesId: null,
      provenance: Provenance.OPERATIONAL,
    });
    return entryById(m, Number(inserted.identifiers[0].id));
  });
}

/**
 * Cancels a volume record in full with a reversing record (negative quantity) dated and explained
 * by the caller. A record is reversed at most once and a reversal is not reversed: enter the
 * volume again instead.
 */
export async function reverseOutputVolume(
  ctx: RequestContext,
  raw: ReverseOutputVolumeInput,
): Promise<OutputVolumeEntry> {
  // A viewer learns nothing, not even whether the entry exists.
  assertWriterRole(ctx.caller);
  const input = validateReversal(raw);
  return ctx.db.transaction(async (tx) => {
    const m = tx.manager;
    // Locked first, so two reversals of the same record queue and the second sees the first.
    const original = await m.findOne(OutputVolumeRecordEntity, { where: { id: input.entryId }, ...forUpdate(m) });
    if (!original) throw new NotFoundError(`output volume entry ${input.entryId} does not exist`);
    const entry = await entryById(m, original.id);
    const satker = await m.findOneByOrFail(SatkerEntity, { code: entry.satkerCode });
    assertCanWrite(ctx.caller, satker.unitCode);
    if (original.reversesId !== null)
      throw new BadInputError('entryId', `entry ${original.id} is itself a reversal; enter the volume again instead`);
    if (await m.existsBy(OutputVolumeRecordEntity, { reversesId: original.id }))
      throw new BadInputError('entryId', `entry ${original.id} has already been reversed`);
    if (!input.date.startsWith(`${entry.year}-`))
      throw new BadInputError('date', `${input.date} is outside fiscal year ${entry.year} of the entry`);
    if (original.date && input.date < original.date)
      throw new BadInputError('date', `the reversal cannot be dated before the entry (${original.date})`);
    const inserted = await m.insert(OutputVolumeRecordEntity, {
      outputId: original.outputId,
      source: VolumeSource.REVERSAL,
      sourceKey: `reversal:${original.id}`,
      sourceEventId: null,
      quantity: -original.quantity,
      date: input.date,
      note: input.reason,
      recordedBy: ctx.caller.subject,
      reversesId: original.id,
      provenance: Provenance.OPERATIONAL,
    });
    return entryById(m, Number(inserted.identifiers[0].id));
  });
}

/**
 * The entries made through the API for the ROs (or one RO) of a satker's year and their reversals, in id order,
 * with who made them and when. Records counted from training events are not listed: each stands for
 * a training record (LKS, person, case) the training subgraph lists.
 */
export async function listOutputVolumeEntries(
  ctx: RequestContext,
  satkerCode: string,
  year: number,
  outputCode: string | null,
): Promise<OutputVolumeEntry[]> {
  const satker = await ctx.db.dataSource.getRepository(SatkerEntity).findOneBy({ code: satkerCode });
  if (!satker) throw new BadInputError('satkerCode', `satker ${satkerCode} is not recorded`);
  assertCanRead(ctx.caller, satker.unitCode);
  const rows: VolumeRecordRow[] = await ctx.db.dataSource
    .createQueryBuilder(OutputVolumeRecordEntity, 'r')
    .innerJoin(OutputEntity, 'o', 'o.id = r.outputId')
    .innerJoin(DipaEntity, 'd', 'd.id = o.dipaId')
    .select(ENTRY_COLUMNS)
    .where('d.satkerCode = :satkerCode AND d.year = :year', { satkerCode, year })
    .andWhere(outputCode ? 'o.code = :outputCode' : '1 = 1', { outputCode })
    .andWhere('r.source IN (:...sources)', { sources: [VolumeSource.ENTERED, VolumeSource.REVERSAL] })
    .orderBy('r.id', 'ASC')
    .getRawMany();
  return rows.map(toOutputVolumeEntry);
}

/**
 * Capaian output = mean over the ROs with a volume target of min(realised / target, 1) x 100, half-up
 * to 2 decimals. Summed as one exact fraction in integers (the targets' common multiple as
 * denominator), so 2/3 + 1/3 is 1 and never 0.999...; an RO above its target counts as 100, as
 * the IKPA's capaian output caps each RO. Null without a target.
 */
export function outputAchievementScore(outputs: readonly { target: number; realized: number }[]): number | null {
  const counted = outputs.filter((o) => o.target > 0);
  if (!counted.length) return null;
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  const denominator = counted.reduce((l, o) => (l * BigInt(o.target)) / gcd(l, BigInt(o.target)), 1n);
  const numerator = counted.reduce(
    (sum, o) => sum + (BigInt(Math.min(Math.max(o.realized, 0), o.target)) * denominator) / BigInt(o.target),
    0n,
  );
  const whole = denominator * BigInt(counted.length);
  // hundredths of a percent: numerator / whole x 100 x 100, plus a half before flooring.
  return Number((2n * 10_000n * numerator + whole) / (2n * whole)) / 100;
}

/** The unit's year: capaian output from its ROs' volumes beside the IKPA component and total as recorded. */
export async function unitOutputAchievement(ctx: RequestContext, b: UnitBudget): Promise<OutputAchievement> {
  const key = `${b.unitCode}|${b.year}`;
  const [{ figures }, components, scores, performance] = await Promise.all([
    satkersOfUnitBudget(ctx, b),
    ikpaComponentsByYear(ctx).load(b.year),
    ikpaScoresByUnitYear(ctx).load(key),
    performanceByUnitYear(ctx).load(key),
  ]);
  const outputs = figures.flatMap((f) =>
    f.outputs.map((o) => ({
      target: f.volumeTargets.get(o.id) ?? 0,
      realized: f.realizedVolumes.get(o.id)?.volume ?? 0,
    })),
  );
  const derivedScore = outputAchievementScore(outputs);
  const component = components.find((c) => c.code === CAPAIAN_OUTPUT);
  const scoreOf = (code: string) => scores.find((s) => s.componentCode === code)?.score;
  const allScored = components.length > 0 && components.every((c) => scoreOf(c.code) !== undefined);
  return {
    derivedScore,
    outputs: outputs.filter((o) => o.target > 0).length,
    outputsAchieved: outputs.filter((o) => o.target > 0 && o.realized >= o.target).length,
    ikpaWeight: component?.weight ?? null,
    recordedScore: scoreOf(CAPAIAN_OUTPUT) ?? null,
    publishedIkpaScore: performance?.ikpaScore ?? null,
    ikpaWithDerivedScore:
      allScored && component && derivedScore !== null
        ? ikpaFromComponents(
            components.map((c) => ({
              weight: c.weight,
              score: c.code === CAPAIAN_OUTPUT ? derivedScore : (scoreOf(c.code) ?? 0),
            })),
          )
        : null,
  };
}

/** Code of the IKPA component the output volumes derive (budget-score seed, IKPA 2022). */
export const CAPAIAN_OUTPUT = 'CAPAIAN_OUTPUT';
