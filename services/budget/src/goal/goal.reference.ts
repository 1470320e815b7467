import type { RequestContext } from '@kesos/infra';
import { goalFigure } from './goal.loader';
import type { Goal } from './goal.type';

/** The gateway asks for `Goal.budgetAbsorption` with the performance subgraph's keys; all goals of a request load together. */
export const goalReference = {
  Goal: {
    __resolveReference: async (
      ref: { unitCode: string; year: number | string; code: string },
      ctx: RequestContext,
    ): Promise<Goal> => {
      const key = { unitCode: ref.unitCode, year: Number(ref.year), code: ref.code };
      return { ...key, figure: await goalFigure(ctx).load(key) };
    },
  },
};
