import type { RequestContext } from '@kesos/infra';
import { goalOf } from './performance.service';
import type { Goal } from './performance.type';

/** The budget subgraph's Goal (with budgetAbsorption) meets this one on unitCode, year and code; batched per request. */
export const goalReference = {
  Goal: {
    __resolveReference: async (
      // A representation is untyped JSON (`_Any`): the year may arrive as a string.
      ref: { unitCode: string; year: number | string; code: string },
      ctx: RequestContext,
    ): Promise<Goal | null> => goalOf(ctx, ref.unitCode, Number(ref.year), ref.code),
  },
};
