import type { DataSource } from 'typeorm';
import type { FailureKind } from '../bus/event.failures';
import { EventContractError } from '../bus/event.failures';
import { ConflictError } from '../errors/app.errors';

/**
 * Driver and system codes of a database that is away: connection refused, reset or lost,
 * server shutting down or restarting, name or route not found, timeouts, too many connections.
 */
const OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_NET_READ_ERROR',
  'ER_NET_READ_INTERRUPTED',
  'ER_NET_WRITE_INTERRUPTED',
  'ER_NET_ERROR_ON_WRITE',
  'ER_CLIENT_INTERACTION_TIMEOUT',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
]);

/** Codes of a transaction that lost a race with another one; trying again succeeds. */
const CONTENTION_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY', 'SQLITE_LOCKED']);

const PING_TIMEOUT_MS = 5_000;

interface DriverLike {
  code?: unknown;
  fatal?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/** The error and what it wraps: TypeORM keeps the driver's error as driverError, Node as cause. */
function* chain(error: unknown): Generator<DriverLike> {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const d = e as DriverLike;
    yield d;
    queue.push(d.driverError, d.cause);
  }
}

/** True when the database answers a trivial query within a few seconds. */
async function databaseAnswers(dataSource: DataSource): Promise<boolean> {
  if (!dataSource.isInitialized) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)));
  try {
    return await Promise.race([
      dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What a consumer's failure means (see FailureKind). Codes recognise the common cases; when
 * none matches, a database that does not answer a ping makes it an outage all the same (a
 * driver's "connection is in closed state" has no code), so an infrastructure fault is never
 * mistaken for a bad event.
 */
export async function classifyConsumerFailure(error: unknown, dataSource: DataSource): Promise<FailureKind> {
  if (error instanceof EventContractError) return 'permanent';
  if (error instanceof ConflictError) return 'contention';
  for (const e of chain(error)) {
    if (typeof e.code === 'string' && OUTAGE_CODES.has(e.code)) return 'outage';
    if (typeof e.code === 'string' && CONTENTION_CODES.has(e.code)) return 'contention';
    // mysql2 marks errors that broke the connection as fatal.
    if (e.fatal === true) return 'outage';
  }
  return (await databaseAnswers(dataSource)) ? 'unexpected' : 'outage';
}
