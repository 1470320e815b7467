import { assertCanRead, RequestContext } from '@kesos/infra';
import { goalsByUnitYear } from './performance.loader';
import type { Goal } from './performance.type';

/** The budget subgraph's Goal (with budgetAbsorption) meets this one on unitCode, year and code; batched per request. */
export const goalReference = {
  Goal: {
    __resolveReference: async (
      ref: { unitCode: string; year: number; code: string },
      ctx: RequestContext,
    ): Promise<Goal | null> => {
      assertCanRead(ctx.caller, ref.unitCode);
      const goals = await goalsByUnitYear(ctx).load({ unit: ref.unitCode, year: Number(ref.year) });
      return goals.find((g) => g.code === ref.code) ?? null;
    },
  },
};
