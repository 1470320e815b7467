import type { Caller } from '../auth/caller';
import { IDENTITY_HEADER, signIdentity } from '../auth/identity.header';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Calls a subgraph directly the way the gateway does: with a signed identity header. */
export async function callSubgraph<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  identity?: { caller: Caller; secret: string },
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (identity)
    headers[IDENTITY_HEADER] = signIdentity({ caller: identity.caller, requestId: 'test' }, identity.secret);
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as GraphQLResponse<T>;
}

/** Entity lookup through `_entities`, as the gateway's query planner issues it. */
export function entitiesQuery(typename: string, selection: string): string {
  return `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${selection} } } }`;
}

export const callers = {
  admin: (): Caller => ({ subject: 'test-admin', role: 'admin', unit: null }),
  analyst: (): Caller => ({ subject: 'test-analyst', role: 'analyst', unit: null }),
  operator: (unit: string): Caller => ({ subject: `test-operator-${unit}`, role: 'operator', unit }),
  viewer: (unit: string): Caller => ({ subject: `test-viewer-${unit}`, role: 'viewer', unit }),
};

export const TEST_SECRETS = {
  jwtSecret: 'test-jwt-secret-not-for-production',
  internalSecret: 'test-internal-secret-not-for-production',
  personalDataKey: 'test-personal-data-key-not-for-production',
};
