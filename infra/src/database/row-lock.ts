import type {
  EntityManager,
  EntityTarget,
  FindOptionsWhere,
  ObjectLiteral,
  QueryDeepPartialEntity,
  SelectQueryBuilder,
} from 'typeorm';
import { ConflictError } from '../errors/app.errors';

/**
 * Row locks exist on MariaDB only: SQLite (embedded mode) has none, and needs none because
 * runTransaction runs its transactions one at a time.
 */
const hasRowLocks = (manager: EntityManager): boolean => manager.dataSource.options.type !== 'better-sqlite3';

/**
 * Find options that read rows and hold them (SELECT ... FOR UPDATE) until the transaction ends.
 * A write path takes its lock with the transaction's first read: a locking read always sees the
 * latest committed row, and every read after it sees what the previous holder committed.
 */
export function forUpdate(manager: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  return hasRowLocks(manager) ? { lock: { mode: 'pessimistic_write' } } : {};
}

/** The same for a query builder. */
export function lockedForUpdate<T extends ObjectLiteral>(
  manager: EntityManager,
  qb: SelectQueryBuilder<T>,
): SelectQueryBuilder<T> {
  return hasRowLocks(manager) ? qb.setLock('pessimistic_write') : qb;
}

/**
 * A state transition as one conditional UPDATE (`WHERE id = ? AND status IN (...)`): if another
 * request moved the row first, nothing is written and the caller gets CONFLICT, so a transition
 * can never overwrite what a concurrent one recorded (a certificate number already handed out).
 */
export async function updateIfStill<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  set: QueryDeepPartialEntity<T>,
  lost: string,
): Promise<void> {
  const { affected } = await manager.update(entity, where, set);
  if (affected === 0) throw new ConflictError(lost);
}
