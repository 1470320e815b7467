import type { RequestContext } from '@kesos/infra';
import { goalOf } from './performance.service';
import type { Goal } from './performance.type';

/** The budget subgraph's Goal (with budgetAbsorption) meets this one on unitCode, year and code; batched per request. */
export const goalReference = {
  Goal: {
    __resolveReference: async (
      ref: { unitCode: string; year: number; code: string },
      ctx: RequestContext,
    ): Promise<Goal | null> => goalOf(ctx, ref.unitCode, Number(ref.year), ref.code),
  },
};
