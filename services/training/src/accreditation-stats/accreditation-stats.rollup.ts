import type { EntityManager } from 'typeorm';
import {
  addOnConflictSql,
  counterColumnList,
  counterValues,
  countByProvenanceSql,
  provenanceCounterColumns,
} from '@kesos/infra';

/**
 * Keeps `accreditation_stats_rollup` equal to a GROUP BY over the assessments and their
 * institutions. `recordAccreditation` calls `countAccreditation` inside its own transaction,
 * after locking the institution, so the count commits or rolls back with the assessment.
 * Assessments are never changed or deleted, so counts only grow.
 */

export interface AccreditationKey {
  unitCode: string;
  year: number;
  kind: string;
  result: string;
  /** The assessment's provenance, counted beside the key (not part of it). */
  provenance: string;
}

/** The assessments of a key counted by their provenance: a row's `evidence`. */
export const ASSESSMENT_COUNTERS = provenanceCounterColumns('Assessments');
const COUNTED = counterColumnList(ASSESSMENT_COUNTERS);

const KEY = ['unitCode', 'year', 'kind', 'result'] as const;

/** One new assessment enters the counts. */
export async function countAccreditation(manager: EntityManager, key: AccreditationKey): Promise<void> {
  const sqlite = manager.dataSource.options.type === 'better-sqlite3';
  const onConflict = addOnConflictSql(KEY, ['n', ...COUNTED], sqlite);
  await manager.query(
    `INSERT INTO accreditation_stats_rollup (${KEY.join(', ')}, n, ${COUNTED.join(', ')}) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)${onConflict}`,
    [key.unitCode, key.year, key.kind, key.result, ...counterValues(key.provenance, 1)],
  );
}

/** The rollup as a raw GROUP BY over the base tables computes it (the rebuild and the tests' reference). */
export const RAW_ACCREDITATION_ROLLUP_SELECT = `SELECT a.unitCode AS unitCode, a.year AS year, i.kind AS kind,
  a.result AS result, COUNT(*) AS n, ${countByProvenanceSql('a.provenance')
    .map((sum, i) => `${sum} AS ${COUNTED[i]}`)
    .join(', ')}
  FROM accreditation_assessment a JOIN lks_institution i ON i.id = a.institutionId
  GROUP BY a.unitCode, a.year, i.kind, a.result`;

/**
 * Recomputes `accreditation_stats_rollup` from the assessments with the given manager's
 * transaction. For the migration's backfill, the seed, the embedded database at startup and
 * `npm run stats:rebuild`.
 */
export async function rebuildAccreditationStats(manager: EntityManager): Promise<number> {
  await manager.query('DELETE FROM accreditation_stats_rollup');
  await manager.query(
    `INSERT INTO accreditation_stats_rollup (${KEY.join(', ')}, n, ${COUNTED.join(', ')}) ${RAW_ACCREDITATION_ROLLUP_SELECT}`,
  );
  const [row] = await manager.query<{ n: number | string }[]>('SELECT COUNT(*) AS n FROM accreditation_stats_rollup');
  return Number(row?.n ?? 0);
}
