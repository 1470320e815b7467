import { createHmac, timingSafeEqual } from 'node:crypto';

const b64 = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

function sign(input: string, secret: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** HS256 JWT; small enough to own, and keeps the test runner free of ESM-only packages. */
export function signJwt(claims: Record<string, unknown>, secret: string, expiresInSeconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64(JSON.stringify({ ...claims, iat: now, exp: now + expiresInSeconds }));
  return `${header}.${payload}.${sign(`${header}.${payload}`, secret)}`;
}

/** Returns the claims, or throws an Error whose message says what is wrong with the token. */
export function verifyJwt(token: string, secret: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('token is not a JWT');
  const [header, payload, signature] = parts as [string, string, string];
  let alg: unknown;
  let claims: Record<string, unknown>;
  try {
    alg = (JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: unknown }).alg;
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  } catch {
    throw new Error('token is not a JWT');
  }
  if (alg !== 'HS256') throw new Error('token algorithm must be HS256');
  if (!safeEqual(signature, sign(`${header}.${payload}`, secret))) throw new Error('token signature is invalid');
  if (typeof claims.exp !== 'number' || claims.exp < Date.now() / 1000) throw new Error('token has expired');
  return claims;
}

/** A compact signed blob (payload.signature) for the gateway-to-subgraph identity header. */
export function signBlob(payload: unknown, secret: string): string {
  const body = b64(JSON.stringify(payload));
  return `${body}.${sign(body, secret)}`;
}

export function verifyBlob(blob: string, secret: string): unknown {
  const [body, signature] = blob.split('.');
  if (!body || !signature || !safeEqual(signature, sign(body, secret)))
    throw new Error('identity header signature is invalid');
  return JSON.parse(Buffer.from(body, 'base64url').toString());
}
