/**
 * How errors appear in the logs. Database errors carry the statement and its parameters
 * (TypeORM's QueryFailedError `query` and `parameters`, the driver's `sql`), and MariaDB
 * quotes the offending value in some messages ("Duplicate entry '<NIK>' for key ..."): for a
 * participant that is personal data. So an error is logged from an allow-list of fields, with
 * quoted values in database messages replaced by '?', and the stack rebuilt from that message.
 */

const KEPT_FIELDS = ['code', 'errno', 'sqlState', 'status', 'statusCode', 'path'] as const;
const NESTED_ERRORS = ['driverError', 'originalError', 'cause'] as const;
const MAX_DEPTH = 3;

type ErrorLike = Record<string, unknown> & { message?: unknown; stack?: unknown; extensions?: unknown };

/** A database error, or one wrapping it (a GraphQL error repeats its original's message). */
function isDatabaseError(err: ErrorLike, depth = 0): boolean {
  const name = err.constructor?.name ?? '';
  if (
    name === 'QueryFailedError' ||
    name === 'SqliteError' ||
    'sqlState' in err ||
    'sqlMessage' in err ||
    'sql' in err ||
    'parameters' in err ||
    'driverError' in err
  )
    return true;
  return (
    depth < MAX_DEPTH &&
    NESTED_ERRORS.some(
      (key) => err[key] && typeof err[key] === 'object' && isDatabaseError(err[key] as ErrorLike, depth + 1),
    )
  );
}

/** Quoted literals become '?', except the names of the column, key or constraint at fault. */
export function redactQuotedValues(message: string): string {
  return message.replace(
    /(\b(?:column|key|constraint)\s+)?'(?:[^'\\]|\\.|'')*'/gi,
    (whole, named: string | undefined) => (named ? whole : "'?'"),
  );
}

function framesOf(stack: unknown): string[] {
  return typeof stack === 'string' ? stack.split('\n').filter((line) => /^\s+at /.test(line)) : [];
}

/** pino serializer for `err` and `error`; a bare string there is often a driver's message, so it is redacted too. */
export function serializeError(value: unknown, depth = 0): unknown {
  if (!value || typeof value !== 'object') return typeof value === 'string' ? redactQuotedValues(value) : value;
  const err = value as ErrorLike;
  const type = err.constructor?.name ?? 'Object';
  const raw = typeof err.message === 'string' ? err.message : '';
  const message = isDatabaseError(err) ? redactQuotedValues(raw) : raw;
  const out: Record<string, unknown> = { type, message };
  for (const key of KEPT_FIELDS) if (err[key] !== undefined && typeof err[key] !== 'object') out[key] = err[key];
  if (Array.isArray(err.path)) out.path = err.path;
  const extensions = err.extensions as { code?: unknown; field?: unknown } | undefined;
  if (extensions && typeof extensions === 'object') out.extensions = { code: extensions.code, field: extensions.field };
  const frames = framesOf(err.stack);
  if (frames.length) out.stack = [`${type}: ${message}`, ...frames].join('\n');
  if (depth < MAX_DEPTH) {
    for (const key of NESTED_ERRORS)
      if (err[key] && typeof err[key] === 'object') out[key] = serializeError(err[key], depth + 1);
  }
  return out;
}
