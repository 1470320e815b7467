import { assertCanRead, type RequestContext } from '@kesos/infra';
import { goalsByUnitYear } from './performance.loader';
import type { Goal, UnitPerformance } from './performance.type';

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
