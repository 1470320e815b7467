import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode, SelectionSetNode } from 'graphql';
import { TooManyRequestsError } from '../errors/app.errors';
import type { RateLimitStore } from './rate-limit.store';

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
  limiter: RateLimitStore,
): ApolloServerPlugin<C> {
  const fields = new Set(limitedFields);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!operation || operation.operation !== 'query') return;
          const cost = countRootFields(operation.selectionSet, document, fields);
          if (!cost) return;
          const wait = await limiter.take(contextValue.clientAddress, cost);
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
