import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';

/** Error codes the clients see in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SUBGRAPH_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

/** Input a clerk can fix; `field` names the input field at fault. */
export class BadInputError extends AppError {
  constructor(field: string, message: string, extra: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, { field, ...extra });
  }
}
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}
/** Answered with HTTP 401 wherever it is thrown before execution (context, operation checks); Apollo drops `http` from the body. */
export class UnauthenticatedError extends AppError {
  constructor(message: string) {
    super('UNAUTHENTICATED', message, { http: { status: 401 } });
  }
}
export class NotFoundError extends AppError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}
export class ConflictError extends AppError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}
/**
 * Too many requests, retry later (HTTP 429): a per-address rate limit (verifyCertificate) or more
 * imports at once than the service runs. Nothing ran; the same request later succeeds. Where the
 * wait is known, `retryAfterSeconds` says it (and the HTTP answer carries Retry-After).
 * The status is set by refusalStatusPlugin from the whole answer, not here, so a refused field
 * beside others that answered keeps HTTP 200.
 */
export class TooManyRequestsError extends AppError {
  constructor(message: string, extra: { retryAfterSeconds?: number } & Record<string, unknown> = {}) {
    super('TOO_MANY_REQUESTS', message, extra);
  }
}

/**
 * HTTP status of a request refused as a whole: every error carries one of these codes (the same
 * one) and no data came back (`data` absent or null, or every root field null).
 */
export const REFUSAL_STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TOO_MANY_REQUESTS: 429,
};

/**
 * The code of a whole-request refusal, or null when the answer carries data or errors of another
 * kind (then it is HTTP 200 with its errors beside the partial data).
 */
export function wholeRequestRefusal(result: {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}): string | null {
  const errors = result.errors ?? [];
  if (!errors.length) return null;
  const first = errors[0].extensions?.code;
  const code = typeof first === 'string' ? first : '';
  if (!(code in REFUSAL_STATUS) || errors.some((e) => e.extensions?.code !== code)) return null;
  if (result.data && Object.values(result.data).some((v) => v !== null && v !== undefined)) return null;
  return code;
}

const PUBLIC_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'SUBGRAPH_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Known errors pass through; anything else becomes a generic message carrying the request id,
 * so stack traces and SQL never reach a client but an operator can find the log line.
 */
export function maskError(formatted: GraphQLFormattedError, requestId?: string): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : '';
  if (PUBLIC_CODES.has(code)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: `Internal error; quote request id ${requestId ?? 'unknown'} when reporting it`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
