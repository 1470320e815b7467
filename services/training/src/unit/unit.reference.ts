import type { RequestContext } from '@kesos/infra';
import { findUnit } from './unit.service';

/** Other subgraphs return `Unit { code }`; the gateway comes here for the rest, batched per request. */
export const unitReference = {
  Unit: {
    __resolveReference: (ref: { code: string }, ctx: RequestContext) => findUnit(ctx, ref.code),
  },
};
