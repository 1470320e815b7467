import type { RequestContext } from '@kesos/infra';
import { assertCanRead } from '@kesos/infra';
import { goalFigure } from './goal.loader';
import type { Goal } from './goal.type';

/** Budget absorption of the lines tagged with a goal, or null without lines; the unit, analysts and admins. */
export async function goalBudgetAbsorption(ctx: RequestContext, goal: Goal): Promise<number | null> {
  assertCanRead(ctx.caller, goal.unitCode);
  const figure =
    goal.figure !== undefined
      ? goal.figure
      : await goalFigure(ctx).load({ unitCode: goal.unitCode, year: goal.year, code: goal.code });
  return figure?.absorptionRate ?? null;
}
