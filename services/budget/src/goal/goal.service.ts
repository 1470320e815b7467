import type { ProvenanceSummary, RequestContext } from '@kesos/infra';
import { assertCanRead } from '@kesos/infra';
import { goalFigure } from './goal.loader';
import type { GoalFigure } from '../satker/satker.type';
import type { Goal } from './goal.type';

/** Budget absorption of the lines tagged with a goal, or null without lines; the unit, analysts and admins. */
async function figureOf(ctx: RequestContext, goal: Goal): Promise<GoalFigure | null> {
  assertCanRead(ctx.caller, goal.unitCode);
  return goal.figure !== undefined
    ? goal.figure
    : goalFigure(ctx).load({ unitCode: goal.unitCode, year: goal.year, code: goal.code });
}

export async function goalBudgetAbsorption(ctx: RequestContext, goal: Goal): Promise<number | null> {
  return (await figureOf(ctx, goal))?.absorptionRate ?? null;
}

/** The records behind the goal's absorption; null where the goal has no budget lines of its own. */
export async function goalBudgetEvidence(ctx: RequestContext, goal: Goal): Promise<ProvenanceSummary | null> {
  return (await figureOf(ctx, goal))?.evidence ?? null;
}
