import type { RequestContext } from '@kesos/infra';
import {
  assertCanWrite,
  BadInputError,
  EventContractError,
  ForbiddenError,
  forUpdate,
  roundHalfUp,
} from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { goalsByUnitYear } from '../performance/performance.loader';
import type { IndicatorResult, UnitPerformance } from '../performance/performance.type';
import { planFor } from '../plan/plan.loader';
import { assertKnownUnit, assertYear } from '../unit/unit.service';
import { MetricCounterEntity, MetricFactEntity, RealizationEntryEntity } from './realization.entity';
import type { EnterRealizationInput } from './realization.input';
import { validateEntry } from './realization.input';

export interface NewFact {
  metric: string;
  sourceId: string;
  unitCode: string;
  year: number;
  quarter: number | null;
  numerator: number;
  denominator: number;
  value: number | null;
  eventId: string;
  eventType: string;
  occurredAt: Date;
}

/**
 * Quarter (triwulan) in which a fact of a year counts, from the day it became known: 1-4 for a
 * day in the year, 1 for a day before it; null for a day after the year or no day, as such a
 * fact was not known at any quarter's end and counts in the annual figure only.
 */
export function quarterOf(date: unknown, year: number): number | null {
  if (date === undefined || date === null) return null;
  if (typeof date !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])-\d{2}$/.test(date))
    throw new EventContractError(`payload field date must be a day YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const y = Number(date.slice(0, 4));
  if (y < year) return 1;
  if (y > year) return null;
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

/** Score metrics hold one value per unit and year (the latest event's); count metrics add up. */
const SCORE_METRICS = new Set(['BUDGET_PERFORMANCE']);

async function bump(
  m: EntityManager,
  key: { unitCode: string; year: number; metric: string },
  dn: number,
  dd: number,
  df: number,
  value: number | null | undefined,
): Promise<void> {
  // Adding in SQL, under the row lock of the UPDATE, keeps two consumers of one metric (SK2.2) from losing each other's counts.
  const set: Record<string, unknown> = {
    numerator: () => 'numerator + :dn',
    denominator: () => 'denominator + :dd',
    facts: () => 'facts + :df',
  };
  if (value !== undefined) set.value = value;
  const add = () =>
    m
      .createQueryBuilder()
      .update(MetricCounterEntity)
      .set(set)
      .where('unitCode = :u AND year = :y AND metric = :k', { u: key.unitCode, y: key.year, k: key.metric })
      .setParameters({ dn, dd, df })
      .execute();
  // Update first: on an existing counter only its exclusive row lock is taken. Inserting first
  // (INSERT IGNORE takes a shared lock on the existing row) deadlocked two consumers of one counter.
  if (((await add()).affected ?? 0) > 0) return;
  await m
    .createQueryBuilder()
    .insert()
    .into(MetricCounterEntity)
    .values({ ...key, numerator: 0, denominator: 0, facts: 0, value: null })
    .orIgnore()
    .execute();
  await add();
}

/**
 * Applies a fact and moves the counters by the difference to the fact it replaces, if any
 * (the same record reported again, e.g. a corrected accreditation decision).
 */
export async function recordFact(m: EntityManager, fact: NewFact): Promise<void> {
  // Locked, so two corrections of one record applied at once (two replicas) each move the
  // counters from the fact the other left, never both from the same old one.
  const old = await m.findOne(MetricFactEntity, {
    where: { metric: fact.metric, sourceId: fact.sourceId },
    ...forUpdate(m),
  });
  const score = SCORE_METRICS.has(fact.metric);
  if (old) {
    await bump(m, old, -old.numerator, -old.denominator, -1, score ? null : undefined);
    // A fact that moved to another unit or year leaves no empty counter behind, as a recompute would not.
    await m.delete(MetricCounterEntity, { unitCode: old.unitCode, year: old.year, metric: old.metric, facts: 0 });
    await m.update(MetricFactEntity, { id: old.id }, fact);
  } else {
    await m.insert(MetricFactEntity, fact);
  }
  await bump(m, fact, fact.numerator, fact.denominator, 1, score ? fact.value : undefined);
}

/**
 * Rebuilds the counters from the facts alone (after a repair, or to check the incremental
 * path): for the given unit and year, or for everything when no scope is given.
 */
export async function recomputeCounters(m: EntityManager, scope?: { unitCode: string; year: number }): Promise<void> {
  const del = m.createQueryBuilder().delete().from(MetricCounterEntity);
  const sum = m
    .createQueryBuilder(MetricFactEntity, 'f')
    .select('f.unitCode', 'unitCode')
    .addSelect('f.year', 'year')
    .addSelect('f.metric', 'metric')
    .addSelect('SUM(f.numerator)', 'numerator')
    .addSelect('SUM(f.denominator)', 'denominator')
    .addSelect('MAX(f.value)', 'value')
    .addSelect('COUNT(*)', 'facts')
    .groupBy('f.unitCode')
    .addGroupBy('f.year')
    .addGroupBy('f.metric');
  if (scope) {
    del.where('unitCode = :u AND year = :y', { u: scope.unitCode, y: scope.year });
    sum.where('f.unitCode = :u AND f.year = :y', { u: scope.unitCode, y: scope.year });
  }
  await del.execute();
  const rows = await sum.getRawMany<{
    unitCode: string;
    year: number | string;
    metric: string;
    numerator: string | number;
    denominator: string | number;
    value: string | number | null;
    facts: string | number;
  }>();
  if (!rows.length) return;
  await m.insert(
    MetricCounterEntity,
    rows.map((r) => ({
      unitCode: r.unitCode,
      year: Number(r.year),
      metric: r.metric,
      numerator: Number(r.numerator),
      denominator: Number(r.denominator),
      value: SCORE_METRICS.has(r.metric) && r.value !== null ? Number(r.value) : null,
      facts: Number(r.facts),
    })),
  );
}

/**
 * Enters (or replaces) the realisation of one indicator of the unit's plan for a year, recording
 * who and when; the unit's operator or an admin. Answers the indicator as Unit.performance shows it.
 */
export async function enterIndicatorRealization(
  ctx: RequestContext,
  input: EnterRealizationInput,
): Promise<IndicatorResult> {
  assertCanWrite(ctx.caller, input.unitCode);
  assertYear(input.year);
  validateEntry(input);
  const plan = await planFor(ctx, input.unitCode, input.year);
  if (!plan) throw new BadInputError('year', `unit ${input.unitCode} has no strategic plan covering ${input.year}`);
  if (!plan.indicators.some((i) => i.code === input.indicatorCode))
    throw new BadInputError(
      'indicatorCode',
      `indicator ${input.indicatorCode} is not in the plan "${plan.plan.title}"`,
    );
  await ctx.db.transaction(async (tx) => {
    await assertKnownUnit(tx.manager, input.unitCode);
    const row = {
      unitCode: input.unitCode,
      year: input.year,
      indicatorCode: input.indicatorCode,
      value: roundHalfUp(input.value, 2),
      enteredBy: ctx.caller.subject,
      enteredAt: new Date(),
      note: input.note?.trim() || null,
    };
    // One statement (insert or replace on the unique key), so two entries at once cannot both find none and collide.
    await tx.manager.upsert(RealizationEntryEntity, row, ['unitCode', 'year', 'indicatorCode']);
  });
  const goals = await goalsByUnitYear(ctx).load({ unit: input.unitCode, year: input.year });
  const result = goals.flatMap((g) => g.indicators).find((i) => i.code === input.indicatorCode);
  if (!result) throw new Error(`indicator ${input.indicatorCode} was entered but is not in the unit's performance`);
  return result;
}

/** Rebuilds the unit's counters for a year from the recorded facts (admin only) and answers the figures. */
export async function recomputeRealizations(
  ctx: RequestContext,
  unitCode: string,
  year: number,
): Promise<UnitPerformance> {
  if (ctx.caller.role !== 'admin') throw new ForbiddenError('only an admin can recompute realisations');
  assertYear(year);
  await ctx.db.transaction((tx) => recomputeCounters(tx.manager, { unitCode, year }));
  return { unitCode, year, goals: await goalsByUnitYear(ctx).load({ unit: unitCode, year }) };
}
