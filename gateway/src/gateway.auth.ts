import { Caller, parseCaller, UnauthenticatedError, verifyJwt } from '@kesos/infra';

/** Verifies `Authorization: Bearer <jwt>` and returns the caller, or refuses with UNAUTHENTICATED. */
export function authenticate(authorization: string | undefined, jwtSecret: string): Caller {
  if (!authorization) throw new UnauthenticatedError('missing Authorization header; get a token with `npm run token -- --role viewer --unit <code>`');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw new UnauthenticatedError('Authorization header must be "Bearer <token>"');
  let claims: Record<string, unknown>;
  try {
    claims = verifyJwt(match[1]!, jwtSecret);
  } catch (err) {
    throw new UnauthenticatedError(`invalid token: ${(err as Error).message}`);
  }
  return parseCaller(claims);
}
