import { UnauthenticatedError } from '../errors/app.errors';
import { signBlob, verifyBlob } from './jwt';
import type { Caller } from './caller';
import { parseCaller } from './caller';

/** Header the gateway sets on every subgraph request; subgraphs refuse requests without it. */
export const IDENTITY_HEADER = 'x-kesos-identity';
const MAX_AGE_MS = 5 * 60_000;

export interface ForwardedIdentity {
  caller: Caller;
  requestId: string;
}

export function signIdentity(identity: ForwardedIdentity, secret: string): string {
  return signBlob({ ...identity, at: Date.now() }, secret);
}

export function verifyIdentity(header: string | undefined, secret: string): ForwardedIdentity {
  if (!header) throw new UnauthenticatedError('this subgraph only answers requests that come through the gateway');
  let payload: { caller?: Record<string, unknown>; requestId?: unknown; at?: unknown };
  try {
    payload = verifyBlob(header, secret) as typeof payload;
  } catch {
    throw new UnauthenticatedError('the gateway identity header is not valid');
  }
  if (typeof payload.at !== 'number' || Math.abs(Date.now() - payload.at) > MAX_AGE_MS)
    throw new UnauthenticatedError('the gateway identity header has expired');
  const c = payload.caller ?? {};
  return {
    caller: parseCaller({ sub: c.subject, role: c.role, unit: c.unit }, true),
    requestId: typeof payload.requestId === 'string' ? payload.requestId : 'unknown',
  };
}
