import type { EntityManager } from 'typeorm';
import {
  addOnConflictSql,
  counterColumnList,
  counterValues,
  countByProvenanceSql,
  provenanceCounterColumns,
} from '@kesos/infra';

/**
 * Keeps `atensi_stats_rollup` equal to a GROUP BY over the ATENSI cases. `openCase` and
 * `closeCase` call `countAtensiCase` inside their own transactions (a close after locking the
 * case), so the counts commit or roll back with the write. A close moves the case from its OPEN
 * key to its CLOSED key; the keys are upserted in sorted order (CLOSED before OPEN).
 */

export interface AtensiCaseFact {
  unitCode: string;
  year: number;
  serviceType: string;
  status: string;
  served: boolean | null;
  peopleServed: number | null;
  /** The case's provenance, counted beside the key (not part of it). */
  provenance: string;
}

/** The cases of a key counted by their provenance: a row's `evidence`. */
export const CASE_COUNTERS = provenanceCounterColumns('Cases');
const COUNTED = counterColumnList(CASE_COUNTERS);

const KEY = ['unitCode', 'year', 'serviceType', 'status'] as const;

/** Cases appearing (sign +1) and disappearing (sign -1) from their keys. */
export async function countAtensiCase(
  manager: EntityManager,
  facts: readonly { fact: AtensiCaseFact; sign: number }[],
): Promise<void> {
  const sqlite = manager.dataSource.options.type === 'better-sqlite3';
  const onConflict = addOnConflictSql(KEY, ['cases', 'servedCases', 'peopleServed', ...COUNTED], sqlite);
  const sorted = [...facts].sort((a, b) => {
    const x = JSON.stringify(KEY.map((k) => a.fact[k]));
    const y = JSON.stringify(KEY.map((k) => b.fact[k]));
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (const { fact, sign } of sorted) {
    const key = KEY.map((k) => fact[k]);
    await manager.query(
      `INSERT INTO atensi_stats_rollup (${KEY.join(', ')}, cases, servedCases, peopleServed, ${COUNTED.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)${onConflict}`,
      [
        ...key,
        sign,
        sign * (fact.served ? 1 : 0),
        sign * (fact.peopleServed ?? 0),
        ...counterValues(fact.provenance, sign),
      ],
    );
    if (sign < 0)
      await manager.query(
        `DELETE FROM atensi_stats_rollup WHERE cases <= 0 AND ${KEY.map((k) => `${k} = ?`).join(' AND ')}`,
        key,
      );
  }
}

/** The rollup as a raw GROUP BY over the base table computes it (the rebuild and the tests' reference). */
export const RAW_ATENSI_ROLLUP_SELECT = `SELECT unitCode, year, serviceType, status, COUNT(*) AS cases,
  SUM(CASE WHEN served = 1 THEN 1 ELSE 0 END) AS servedCases, SUM(COALESCE(peopleServed, 0)) AS peopleServed,
  ${countByProvenanceSql('provenance')
    .map((sum, i) => `${sum} AS ${COUNTED[i]}`)
    .join(', ')}
  FROM atensi_case GROUP BY unitCode, year, serviceType, status`;

/**
 * Recomputes `atensi_stats_rollup` from the cases with the given manager's transaction. For the
 * migration's backfill, the seed, the embedded database at startup and `npm run stats:rebuild`.
 */
export async function rebuildAtensiStats(manager: EntityManager): Promise<number> {
  await manager.query('DELETE FROM atensi_stats_rollup');
  await manager.query(
    `INSERT INTO atensi_stats_rollup (${KEY.join(', ')}, cases, servedCases, peopleServed, ${COUNTED.join(', ')}) ${RAW_ATENSI_ROLLUP_SELECT}`,
  );
  const [row] = await manager.query<{ n: number | string }[]>('SELECT COUNT(*) AS n FROM atensi_stats_rollup');
  return Number(row?.n ?? 0);
}
