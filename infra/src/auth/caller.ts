import { ForbiddenError, UnauthenticatedError } from '../errors/app.errors';

/** viewer: read own unit; operator: read and write own unit; analyst: read all, personal data masked; admin: everything. */
export const ROLES = ['viewer', 'operator', 'analyst', 'admin'] as const;
export type TokenRole = (typeof ROLES)[number];
/** `public` is never in a token: the gateway gives it to tokenless requests for public fields only. */
export type Role = TokenRole | 'public';
export const PUBLIC_CALLER: Caller = { subject: 'anonymous', role: 'public', unit: null };

export interface Caller {
  subject: string;
  role: Role;
  /** Unit code the caller belongs to; required for viewer and operator. */
  unit: string | null;
}

export function parseCaller(claims: Record<string, unknown>, allowPublic = false): Caller {
  if (allowPublic && claims.role === 'public') return PUBLIC_CALLER;
  const role = claims.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
    throw new UnauthenticatedError(`token role must be one of ${ROLES.join(', ')}`);
  const unit = typeof claims.unit === 'string' && claims.unit ? claims.unit : null;
  if ((role === 'viewer' || role === 'operator') && !unit)
    throw new UnauthenticatedError(`a ${role} token must name its unit`);
  return { subject: typeof claims.sub === 'string' ? claims.sub : 'unknown', role: role as TokenRole, unit };
}

export function canRead(caller: Caller, unit: string): boolean {
  return caller.role === 'admin' || caller.role === 'analyst' || caller.unit === unit;
}

// Refusals never name the unit asked about: a record id alone must not tell which unit holds it.
export function assertCanRead(caller: Caller, unit: string): void {
  if (!canRead(caller, unit))
    throw new ForbiddenError(`a ${caller.role} of ${caller.unit} reads only the records of ${caller.unit}`);
}

/** The role half of assertCanWrite, for a write that must refuse before it looks anything up. */
export function assertWriterRole(caller: Caller): void {
  if (caller.role !== 'admin' && caller.role !== 'operator')
    throw new ForbiddenError(`a ${caller.role} cannot change data; an operator or admin token is needed`);
}

export function assertCanWrite(caller: Caller, unit: string): void {
  assertWriterRole(caller);
  if (caller.role === 'admin') return;
  if (caller.unit !== unit)
    throw new ForbiddenError(`an operator of ${caller.unit} changes only the records of ${caller.unit}`);
}

/** Only admins read personal identifiers (such as NIK) in full. */
export const canSeePersonalData = (caller: Caller): boolean => caller.role === 'admin';
