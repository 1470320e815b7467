import type { EntityManager } from 'typeorm';
import {
  addOnConflictSql,
  counterColumnList,
  counterValues,
  countByProvenanceSql,
  provenanceCounterColumns,
} from '@kesos/infra';

/**
 * Keeps `certification_stats_rollup` equal to a GROUP BY over the candidates and their results.
 * Every write that registers a candidate or records a result calls `countCandidateOutcome` inside
 * its own transaction, after locking the candidate, so the counts commit or roll back with the
 * write. The keys one write moves are upserted in sorted order, so two writers queue instead of
 * deadlocking.
 */

/** A candidate's outcome so far (rollup column `outcome`). */
export const OUTCOME = {
  COMPETENT: 'COMPETENT',
  NOT_YET_COMPETENT: 'NOT_YET_COMPETENT',
  NOT_ASSESSED: 'NOT_ASSESSED',
} as const;
export type OutcomeValue = (typeof OUTCOME)[keyof typeof OUTCOME];

/** The outcome of a candidate with these results: competent once any result is KOMPETEN. */
export function outcomeOf(results: readonly string[]): OutcomeValue {
  if (results.includes('KOMPETEN')) return OUTCOME.COMPETENT;
  return results.length ? OUTCOME.NOT_YET_COMPETENT : OUTCOME.NOT_ASSESSED;
}

export interface CandidateKey {
  unitCode: string;
  year: number;
  category: string;
  /** The candidate's provenance, counted beside the key (not part of it). */
  provenance: string;
}

/** The candidates of a key counted by their provenance: a row's `evidence`. */
export const CANDIDATE_COUNTERS = provenanceCounterColumns('Candidates');
const COUNTED = counterColumnList(CANDIDATE_COUNTERS);

const KEY = ['unitCode', 'year', 'category', 'outcome'] as const;

/**
 * A candidate moves from outcome `from` (null: a new candidate) to `to` (null: removed). Called
 * inside the write's transaction.
 */
export async function countCandidateOutcome(
  manager: EntityManager,
  candidate: CandidateKey,
  from: OutcomeValue | null,
  to: OutcomeValue | null,
): Promise<void> {
  if (from === to) return;
  const moves: { outcome: OutcomeValue; n: number }[] = [];
  if (from !== null) moves.push({ outcome: from, n: -1 });
  if (to !== null) moves.push({ outcome: to, n: 1 });
  moves.sort((a, b) => (a.outcome < b.outcome ? -1 : a.outcome > b.outcome ? 1 : 0));
  const sqlite = manager.dataSource.options.type === 'better-sqlite3';
  const onConflict = addOnConflictSql(KEY, ['n', ...COUNTED], sqlite);
  for (const move of moves) {
    const values = [candidate.unitCode, candidate.year, candidate.category, move.outcome];
    await manager.query(
      `INSERT INTO certification_stats_rollup (${KEY.join(', ')}, n, ${COUNTED.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)${onConflict}`,
      [...values, move.n, ...counterValues(candidate.provenance, move.n)],
    );
    if (move.n < 0)
      await manager.query(
        `DELETE FROM certification_stats_rollup WHERE n <= 0 AND ${KEY.map((k) => `${k} = ?`).join(' AND ')}`,
        values,
      );
  }
}

/** The rollup as a raw GROUP BY over the base tables computes it (the rebuild and the tests' reference). */
export const RAW_CERTIFICATION_ROLLUP_SELECT = `SELECT unitCode, year, category, outcome, COUNT(*) AS n, ${countByProvenanceSql(
  'provenance',
)
  .map((sum, i) => `${sum} AS ${COUNTED[i]}`)
  .join(', ')} FROM (
  SELECT c.unitCode AS unitCode, c.year AS year, c.category AS category, c.provenance AS provenance,
    CASE WHEN SUM(CASE WHEN a.result = 'KOMPETEN' THEN 1 ELSE 0 END) > 0 THEN '${OUTCOME.COMPETENT}'
      WHEN COUNT(a.id) > 0 THEN '${OUTCOME.NOT_YET_COMPETENT}' ELSE '${OUTCOME.NOT_ASSESSED}' END AS outcome
  FROM certification_candidate c LEFT JOIN certification_assessment a ON a.candidateId = c.id
  GROUP BY c.id, c.unitCode, c.year, c.category, c.provenance) candidates
  GROUP BY unitCode, year, category, outcome`;

/**
 * Recomputes `certification_stats_rollup` from the candidates and results with the given
 * manager's transaction (readers see the old counts until it commits). For the migration's
 * backfill, the seed, the embedded database at startup and `npm run stats:rebuild`.
 */
export async function rebuildCertificationStats(manager: EntityManager): Promise<number> {
  await manager.query('DELETE FROM certification_stats_rollup');
  await manager.query(
    `INSERT INTO certification_stats_rollup (${KEY.join(', ')}, n, ${COUNTED.join(', ')}) ${RAW_CERTIFICATION_ROLLUP_SELECT}`,
  );
  const [row] = await manager.query<{ n: number | string }[]>('SELECT COUNT(*) AS n FROM certification_stats_rollup');
  return Number(row?.n ?? 0);
}
