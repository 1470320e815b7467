import type { NewEvent, RequestContext } from '@kesos/infra';
import {
  assertCanWrite,
  BadInputError,
  forUpdate,
  hasAtMost2Decimals,
  isYearInRange,
  type Payload,
  performanceScoredV1,
  provenanceOfWrite,
  writeEvent,
} from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { BudgetPerformanceEntity, IkpaComponentEntity, IkpaScoreEntity } from './budget-score.entity';
import type { IkpaComponentScoreInput, RecordBudgetPerformanceInput } from './budget-score.input';
import { toBudgetPerformance } from './budget-score.mapper';
import type { BudgetPerformance } from './budget-score.type';

const hundredths = (score: number): number => Math.round(score * 100);

/**
 * Nilai Kinerja Anggaran = 60% SMART + 40% IKPA, rounded half-up to 2 decimals. Computed in
 * integer hundredths so 92.952 rounds to 92.95 exactly (no binary fractions involved).
 */
export function budgetPerformanceScore(smart: number | null, ikpa: number | null): number | null {
  if (smart === null || ikpa === null) return null;
  const tenThousandths = 6 * hundredths(smart) + 4 * hundredths(ikpa);
  return Math.floor((tenThousandths + 5) / 10) / 100;
}

type PerformanceScoredV1 = Payload<typeof performanceScoredV1>;

export function scoredEvent(p: BudgetPerformanceEntity): PerformanceScoredV1 {
  const data: PerformanceScoredV1 = {
    year: p.year,
    smartScore: p.smartScore!,
    ikpaScore: p.ikpaScore!,
    budgetPerformanceScore: budgetPerformanceScore(p.smartScore, p.ikpaScore)!,
    provenance: p.provenance,
  };
  if (p.publishedScore !== null && p.publishedScore !== data.budgetPerformanceScore)
    data.publishedBudgetPerformanceScore = p.publishedScore;
  return data;
}

type Emit = (event: NewEvent<PerformanceScoredV1>) => Promise<unknown>;

/** Writes the record and its event in the caller's transaction (the seed passes writeEvent, a mutation tx.emit). */
export async function saveBudgetPerformance(
  manager: EntityManager,
  record: Omit<BudgetPerformanceEntity, 'id'>,
  emit: Emit = (e) => writeEvent(manager, e),
): Promise<BudgetPerformanceEntity> {
  const existing = await manager.findOneBy(BudgetPerformanceEntity, { unitCode: record.unitCode, year: record.year });
  const row = manager.create(BudgetPerformanceEntity, { ...existing, ...record });
  await manager.save(BudgetPerformanceEntity, row);
  if (row.smartScore !== null && row.ikpaScore !== null) {
    await emit(performanceScoredV1.event(row.unitCode, scoredEvent(row)));
  }
  return row;
}

function score(field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 100)
    throw new BadInputError(field, `${value} is not a score between 0 and 100`);
  if (!hasAtMost2Decimals(value))
    throw new BadInputError(field, `${value} has more than 2 decimals; give the score as published`);
  return value;
}

/** IKPA = sum of weight x component score / 100 (weights in percent), half-up to 2 decimals, in integer hundredths. */
export function ikpaFromComponents(components: { weight: number; score: number }[]): number {
  const tenThousandths = components.reduce((sum, c) => sum + c.weight * hundredths(c.score), 0);
  return Math.floor((tenThousandths + 50) / 100) / 100;
}

/** Every component of the year exactly once, each a valid score, and ikpaScore their weighted sum. */
async function checkComponents(
  m: EntityManager,
  year: number,
  ikpaScore: number,
  given: IkpaComponentScoreInput[],
): Promise<{ componentCode: string; score: number }[]> {
  const defined = await m.find(IkpaComponentEntity, { where: { year }, order: { position: 'ASC' } });
  if (!defined.length)
    throw new BadInputError('ikpaComponents', `no IKPA components are defined for ${year}; record the IKPA total only`);
  const byCode = new Map(given.map((g) => [g.code.trim(), g]));
  if (byCode.size !== given.length) throw new BadInputError('ikpaComponents', 'each component appears once');
  const unknown = [...byCode.keys()].filter((c) => !defined.some((d) => d.code === c));
  if (unknown.length)
    throw new BadInputError(
      'ikpaComponents',
      `${unknown.join(', ')} are not IKPA components of ${year} (${defined.map((d) => d.code).join(', ')})`,
    );
  const missing = defined.filter((d) => !byCode.has(d.code)).map((d) => d.code);
  if (missing.length)
    throw new BadInputError(
      'ikpaComponents',
      `missing ${missing.join(', ')}: give all ${defined.length} components of ${year}, or none`,
    );
  const scored = defined.map((d) => ({
    componentCode: d.code,
    weight: d.weight,
    score: score('ikpaComponents.score', byCode.get(d.code)!.score),
  }));
  const ikpa = ikpaFromComponents(scored);
  if (ikpa !== ikpaScore)
    throw new BadInputError(
      'ikpaScore',
      `the components give an IKPA of ${ikpa} (sum of weight x score / 100), not ${ikpaScore}`,
    );
  return scored.map(({ componentCode, score: s }) => ({ componentCode, score: s }));
}

/** Records (or replaces with a corrected publication) a year's SMART and IKPA scores and publishes the event. */
export async function recordBudgetPerformance(
  ctx: RequestContext,
  input: RecordBudgetPerformanceInput,
): Promise<BudgetPerformance> {
  assertCanWrite(ctx.caller, input.unitCode);
  const provenance = provenanceOfWrite(ctx.caller, input.provenance);
  if (!isYearInRange(input.year)) throw new BadInputError('year', `${input.year} is not a fiscal year`);
  const smartScore = score('smartScore', input.smartScore);
  const ikpaScore = score('ikpaScore', input.ikpaScore);
  const publishedScore =
    input.publishedScore === null || input.publishedScore === undefined
      ? null
      : score('publishedScore', input.publishedScore);
  const row = await ctx.db.transaction(async (tx) => {
    // The year's record is locked first: two corrections at once then apply one after the other,
    // and the component scores always belong to the total beside them.
    await tx.manager.findOne(BudgetPerformanceEntity, {
      where: { unitCode: input.unitCode, year: input.year },
      ...forUpdate(tx.manager),
    });
    const components = input.ikpaComponents
      ? await checkComponents(tx.manager, input.year, ikpaScore, input.ikpaComponents)
      : [];
    // A new record replaces the year's component scores too, so they never contradict its total.
    await tx.manager.delete(IkpaScoreEntity, { unitCode: input.unitCode, year: input.year });
    if (components.length)
      await tx.manager.insert(
        IkpaScoreEntity,
        components.map((c) => ({ ...c, unitCode: input.unitCode, year: input.year, provenance })),
      );
    return saveBudgetPerformance(
      tx.manager,
      {
        unitCode: input.unitCode,
        year: input.year,
        smartScore,
        ikpaScore,
        publishedScore,
        note: input.note?.trim() || null,
        provenance,
      },
      (e) => tx.emit(e),
    );
  });
  return toBudgetPerformance(row, budgetPerformanceScore(row.smartScore, row.ikpaScore));
}
