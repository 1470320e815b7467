import type { RequestContext } from '@kesos/infra';
import { unitByCode } from './unit.loader';

/** Other subgraphs return `Unit { code }`; the gateway comes here for the rest, batched per request. */
export const unitReference = {
  Unit: {
    __resolveReference: (ref: { code: string }, ctx: RequestContext) => unitByCode(ctx).load(ref.code),
  },
};
