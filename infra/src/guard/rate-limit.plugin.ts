import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode, SelectionSetNode } from 'graphql';
import { TooManyRequestsError } from '../errors/app.errors';

export interface RateLimit {
  /** Limited root fields a client may ask for per window (each alias counts). */
  requests: number;
  windowMs: number;
}

/** verifyCertificate: enough for a desk checking certificates by hand, far too few to walk the number space. */
export const VERIFY_CERTIFICATE_LIMIT: RateLimit = { requests: 30, windowMs: 60_000 };

/** Fixed windows per client address, in memory: each gateway replica counts its own clients. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();
  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `cost` from the client's window; answers the seconds to wait when it would go over. */
  take(client: string, cost: number): number | null {
    const now = this.now();
    if (this.windows.size > 10_000)
      for (const [key, w] of this.windows) if (now - w.start >= this.limit.windowMs) this.windows.delete(key);
    let w = this.windows.get(client);
    if (!w || now - w.start >= this.limit.windowMs) {
      w = { start: now, used: 0 };
      this.windows.set(client, w);
    }
    if (w.used + cost > this.limit.requests)
      return Math.max(1, Math.ceil((w.start + this.limit.windowMs - now) / 1000));
    w.used += cost;
    return null;
  }
}

/** Counts the limited fields at the root of the operation, through aliases, inline fragments and fragment spreads. */
function countRootFields(
  set: SelectionSetNode,
  document: DocumentNode,
  fields: Set<string>,
  seen = new Set<string>(),
): number {
  let n = 0;
  for (const s of set.selections) {
    if (s.kind === 'Field') n += fields.has(s.name.value) ? 1 : 0;
    else if (s.kind === 'InlineFragment') n += countRootFields(s.selectionSet, document, fields, seen);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const fragment = document.definitions.find(
        (d) => d.kind === 'FragmentDefinition' && d.name.value === s.name.value,
      );
      if (fragment?.kind === 'FragmentDefinition') n += countRootFields(fragment.selectionSet, document, fields, seen);
    }
  }
  return n;
}

/**
 * Limits some root fields per client address (public lookups that could otherwise be walked),
 * before anything executes: over the limit, the request answers TOO_MANY_REQUESTS with
 * `extensions.retryAfterSeconds`, and refusalStatusPlugin makes it HTTP 429 with Retry-After.
 */
export function rateLimitPlugin<C extends BaseContext & { clientAddress: string }>(
  limitedFields: string[],
  limiter: RateLimiter,
): ApolloServerPlugin<C> {
  const fields = new Set(limitedFields);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!operation || operation.operation !== 'query') return;
          const cost = countRootFields(operation.selectionSet, document, fields);
          if (!cost) return;
          const wait = limiter.take(contextValue.clientAddress, cost);
          if (wait !== null) {
            const { requests, windowMs } = limiter.limit;
            throw new TooManyRequestsError(
              `too many ${limitedFields.join('/')} lookups from this address: at most ${requests} per ${windowMs / 1000} s; try again in ${wait} s`,
              { retryAfterSeconds: wait },
            );
          }
        },
      };
    },
  };
}
