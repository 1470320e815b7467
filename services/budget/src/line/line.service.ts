import type { EntityManager } from 'typeorm';
import { RealizationEntity } from '../realization/realization.entity';
import { LineChangeEntity } from '../revision/revision.entity';
import { BudgetLineEntity } from './line.entity';

export interface LineBalance {
  ceiling: number;
  blocked: number;
  realized: number;
}

/** Current ceiling, blocked amount and realisation of lines, read inside the caller's transaction. */
export async function lineBalances(manager: EntityManager, lineIds: number[]): Promise<Map<number, LineBalance>> {
  const result = new Map<number, LineBalance>(lineIds.map((id) => [id, { ceiling: 0, blocked: 0, realized: 0 }]));
  if (!lineIds.length) return result;
  const changes: Record<string, unknown>[] = await manager
    .createQueryBuilder(LineChangeEntity, 'c')
    .select(['c.lineId AS lineId', 'SUM(c.ceilingChange) AS ceiling', 'SUM(c.blockedChange) AS blocked'])
    .where('c.lineId IN (:...lineIds)', { lineIds })
    .groupBy('c.lineId')
    .getRawMany();
  const spent: Record<string, unknown>[] = await manager
    .createQueryBuilder(RealizationEntity, 'r')
    .select(['r.lineId AS lineId', 'SUM(r.amount) AS realized'])
    .where('r.lineId IN (:...lineIds)', { lineIds })
    .groupBy('r.lineId')
    .getRawMany();
  for (const c of changes) Object.assign(result.get(Number(c.lineId))!, { ceiling: Number(c.ceiling), blocked: Number(c.blocked) });
  for (const s of spent) result.get(Number(s.lineId))!.realized = Number(s.realized);
  return result;
}

/**
 * Locks the lines for the rest of the transaction so two clerks cannot both spend the last of a
 * line's ceiling. SQLite (embedded mode) has no row locks, but its transactions are serialised.
 */
export async function lockLines(manager: EntityManager, lineIds: number[]): Promise<BudgetLineEntity[]> {
  if (!lineIds.length) return [];
  const qb = manager.createQueryBuilder(BudgetLineEntity, 'l').where('l.id IN (:...lineIds)', { lineIds });
  if (manager.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
  return qb.getMany();
}
