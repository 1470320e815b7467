import type { Caller } from '@kesos/infra';
import { parseCaller, PUBLIC_CALLER, UnauthenticatedError, verifyJwt } from '@kesos/infra';

/**
 * Verifies `Authorization: Bearer <jwt>` and returns the caller, or refuses with UNAUTHENTICATED.
 * No header at all gives the public caller, which the public-access plugin limits to public fields.
 */
export function authenticate(authorization: string | undefined, jwtSecret: string): Caller {
  if (!authorization) return PUBLIC_CALLER;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw new UnauthenticatedError('Authorization header must be "Bearer <token>"');
  let claims: Record<string, unknown>;
  try {
    claims = verifyJwt(match[1], jwtSecret);
  } catch (err) {
    throw new UnauthenticatedError(`invalid token: ${(err as Error).message}`);
  }
  return parseCaller(claims);
}
