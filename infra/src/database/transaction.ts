import type { DataSource, EntityManager } from 'typeorm';

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs work in a transaction. TypeORM's SQLite driver has a single connection, so two
 * concurrent transactions would interleave (the second becomes a savepoint of the first);
 * on SQLite they are queued instead. MySQL uses its pool as usual.
 */
export function runTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource.transaction(work);
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const run = previous.then(() => dataSource.transaction(work));
  sqliteQueues.set(dataSource, run.catch(() => undefined));
  return run;
}
