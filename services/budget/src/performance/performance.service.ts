import { assertCanWrite, BadInputError, NewEvent, RequestContext, writeEvent } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { BudgetPerformanceEntity } from './performance.entity';
import { PERFORMANCE_SCORED, PerformanceScoredV1 } from './performance.events';
import type { RecordBudgetPerformanceInput } from './performance.input';

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

export function scoredEvent(p: BudgetPerformanceEntity): PerformanceScoredV1 {
  const data: PerformanceScoredV1 = { year: p.year, smartScore: p.smartScore!, ikpaScore: p.ikpaScore!, budgetPerformanceScore: budgetPerformanceScore(p.smartScore, p.ikpaScore)! };
  if (p.publishedScore !== null && p.publishedScore !== data.budgetPerformanceScore) data.publishedBudgetPerformanceScore = p.publishedScore;
  return data;
}

type Emit = (event: NewEvent<PerformanceScoredV1>) => Promise<unknown>;

/** Writes the record and its event in the caller's transaction (the seed passes writeEvent, a mutation tx.emit). */
export async function saveBudgetPerformance(manager: EntityManager, record: Omit<BudgetPerformanceEntity, 'id'>, emit: Emit = (e) => writeEvent(manager, e)): Promise<BudgetPerformanceEntity> {
  const existing = await manager.findOneBy(BudgetPerformanceEntity, { unitCode: record.unitCode, year: record.year });
  const row = manager.create(BudgetPerformanceEntity, { ...existing, ...record });
  await manager.save(BudgetPerformanceEntity, row);
  if (row.smartScore !== null && row.ikpaScore !== null) {
    await emit({ type: PERFORMANCE_SCORED, unit: row.unitCode, data: scoredEvent(row) });
  }
  return row;
}

function score(field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 100) throw new BadInputError(field, `${value} is not a score between 0 and 100`);
  if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) throw new BadInputError(field, `${value} has more than 2 decimals; give the score as published`);
  return value;
}

/** Records (or replaces with a corrected publication) a year's SMART and IKPA scores and publishes the event. */
export async function recordBudgetPerformance(ctx: RequestContext, input: RecordBudgetPerformanceInput): Promise<BudgetPerformanceEntity> {
  assertCanWrite(ctx.caller, input.unitCode);
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new BadInputError('year', `${input.year} is not a fiscal year`);
  const smartScore = score('smartScore', input.smartScore);
  const ikpaScore = score('ikpaScore', input.ikpaScore);
  const publishedScore = input.publishedScore === null || input.publishedScore === undefined ? null : score('publishedScore', input.publishedScore);
  return ctx.db.transaction(async (tx) =>
    saveBudgetPerformance(tx.manager, { unitCode: input.unitCode, year: input.year, smartScore, ikpaScore, publishedScore, note: input.note?.trim() || null }, (e) => tx.emit(e)),
  );
}
