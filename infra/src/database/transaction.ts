import type { DataSource, EntityManager } from 'typeorm';
import { ConflictError } from '../errors/app.errors';

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Driver codes of writes that lost a race with another transaction: the same unique key
 * written twice at once (two clerks registering one NIK), a deadlock MariaDB broke, or a row
 * lock held by others for longer than MariaDB waits. The checks before each insert catch the
 * ordinary case; these are what slips past them. Each rolls the whole transaction back.
 */
const LOST_RACE = new Set([
  'ER_DUP_ENTRY',
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);

function lostRace(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return typeof code === 'string' && LOST_RACE.has(code);
}

/**
 * Runs work in a transaction. TypeORM's SQLite driver has a single connection, so two
 * concurrent transactions would interleave (the second becomes a savepoint of the first);
 * on SQLite they are queued instead. MySQL uses its pool as usual. A transaction that lost a
 * race is rolled back and answered as CONFLICT, so the caller knows a retry is safe.
 *
 * MariaDB runs at READ COMMITTED, not its default REPEATABLE READ. Write paths read-check-write
 * under a row lock (SELECT ... FOR UPDATE); under REPEATABLE READ the transaction's first plain
 * read fixes a snapshot, and a read made before the lock leaves every read after it blind to
 * what the previous lock holder committed (two clerks then both spend a line's last rupiah).
 * Each write path takes its lock first anyway; READ COMMITTED makes every plain read see the
 * latest commit, so a lock taken a statement too late cannot bring stale checks back.
 */
export async function runTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  let run: Promise<T>;
  if (dataSource.options.type !== 'better-sqlite3') {
    run = dataSource.transaction('READ COMMITTED', work);
  } else {
    const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
    run = previous.then(() => dataSource.transaction(work));
    sqliteQueues.set(
      dataSource,
      run.catch(() => undefined),
    );
  }
  try {
    return await run;
  } catch (error) {
    if (lostRace(error))
      throw new ConflictError(
        'another request changed the same records at the same moment; nothing was written, try again',
      );
    throw error;
  }
}
