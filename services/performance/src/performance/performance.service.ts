import { assertCanRead, type RequestContext } from '@kesos/infra';
import { goalsByUnitYear, quartersByUnitYear } from './performance.loader';
import { quarterResults } from './performance.rules';
import type { Goal, IndicatorResult, QuarterResult, UnitPerformance } from './performance.type';

export * from './performance.rules';

/** A unit's goals and indicators for a year, as computed above; the unit, analysts and admins may read them. */
export async function unitPerformance(ctx: RequestContext, unitCode: string, year: number): Promise<UnitPerformance> {
  assertCanRead(ctx.caller, unitCode);
  return { unitCode, year, goals: await goalsByUnitYear(ctx).load({ unit: unitCode, year }) };
}

/** One goal of a unit's year, as the budget subgraph's Goal meets it; the unit, analysts and admins may read it. */
export async function goalOf(ctx: RequestContext, unitCode: string, year: number, code: string): Promise<Goal | null> {
  assertCanRead(ctx.caller, unitCode);
  const goals = await goalsByUnitYear(ctx).load({ unit: unitCode, year });
  return goals.find((g) => g.code === code) ?? null;
}

/**
 * The indicator's cumulative quarters, from the quarterly counters of its unit and year (one read
 * per request for all indicators, units and years); access was checked where the indicator was read.
 */
export async function indicatorQuarters(ctx: RequestContext, indicator: IndicatorResult): Promise<QuarterResult[]> {
  const counters = await quartersByUnitYear(ctx).load({ unit: indicator.unitCode, year: indicator.year });
  return quarterResults(
    indicator.inputs,
    counters.filter((c) => c.metric === indicator.inputs.indicator.metric),
  );
}
