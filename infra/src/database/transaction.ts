import type { DataSource, EntityManager } from 'typeorm';
import { ConflictError } from '../errors/app.errors';

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Driver codes of writes that lost a race with another transaction: the same unique key
 * written twice at once (two clerks registering one NIK), or a deadlock MariaDB broke.
 * The checks before each insert catch the ordinary case; these are what slips past them.
 */
const LOST_RACE = new Set(['ER_DUP_ENTRY', 'ER_LOCK_DEADLOCK', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

function lostRace(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return typeof code === 'string' && LOST_RACE.has(code);
}

/**
 * Runs work in a transaction. TypeORM's SQLite driver has a single connection, so two
 * concurrent transactions would interleave (the second becomes a savepoint of the first);
 * on SQLite they are queued instead. MySQL uses its pool as usual. A transaction that lost a
 * race is rolled back and answered as CONFLICT, so the caller knows a retry is safe.
 */
export async function runTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  let run: Promise<T>;
  if (dataSource.options.type !== 'better-sqlite3') {
    run = dataSource.transaction(work);
  } else {
    const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
    run = previous.then(() => dataSource.transaction(work));
    sqliteQueues.set(dataSource, run.catch(() => undefined));
  }
  try {
    return await run;
  } catch (error) {
    if (lostRace(error)) throw new ConflictError('another request changed the same records at the same moment; nothing was written, try again');
    throw error;
  }
}
