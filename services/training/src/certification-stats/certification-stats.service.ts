import type { RequestContext, StatsOrder } from '@kesos/infra';
import {
  rankStatsRows,
  rollupQuery,
  statsFirst,
  statsGroupBy,
  statsUnits,
  statsYears,
  sumCountersSql,
} from '@kesos/infra';
import { CANDIDATE_COUNTERS } from './certification-stats.rollup';
import { unitByCode } from '../unit/unit.loader';
import { toUnit } from '../unit/unit.mapper';
import type { Unit } from '../unit/unit.type';
import type { CertificationStatsFilter } from './certification-stats.input';
import type { RawCertificationStatsRow } from './certification-stats.mapper';
import { toCertificationStatsRow } from './certification-stats.mapper';
import { OUTCOME } from './certification-stats.rollup';
import type { CertificationStatsRow } from './certification-stats.type';
import { CertificationStatsDimension, CertificationStatsField } from './certification-stats.type';

export interface CertificationStatsArgs {
  filter: CertificationStatsFilter | null | undefined;
  groupBy: CertificationStatsDimension[] | null | undefined;
  orderBy: StatsOrder<CertificationStatsField>[] | null | undefined;
  first: number | null | undefined;
}

/** Each dimension's column in `certification_stats_rollup`. */
const COLUMN: Record<CertificationStatsDimension, keyof RawCertificationStatsRow> = {
  [CertificationStatsDimension.UNIT]: 'unitCode',
  [CertificationStatsDimension.YEAR]: 'year',
  [CertificationStatsDimension.CATEGORY]: 'category',
  [CertificationStatsDimension.OUTCOME]: 'outcome',
};

/**
 * Certification statistics from `certification_stats_rollup` (certification-stats.rollup.ts),
 * never from the candidates: one GROUP BY over the rollup. The enum-typed filters (categories,
 * outcomes) are checked by GraphQL; years, units and `first` by the shared statistics kernel.
 */
export async function certificationStats(
  ctx: RequestContext,
  args: CertificationStatsArgs,
): Promise<CertificationStatsRow[]> {
  const units = statsUnits(ctx.caller, args.filter?.units);
  const first = statsFirst(args.first);
  const f = args.filter;
  const { where, params, select, grouped } = rollupQuery(
    statsYears(f),
    units,
    { category: f?.categories, outcome: f?.outcomes },
    statsGroupBy(args.groupBy).map((d) => COLUMN[d]),
  );
  const raw = await ctx.db.dataSource.query<RawCertificationStatsRow[]>(
    `SELECT ${select}SUM(n) AS candidates,
       SUM(CASE WHEN outcome <> '${OUTCOME.NOT_ASSESSED}' THEN n ELSE 0 END) AS assessed,
       SUM(CASE WHEN outcome = '${OUTCOME.COMPETENT}' THEN n ELSE 0 END) AS competent,
     ${sumCountersSql(CANDIDATE_COUNTERS)}
     FROM certification_stats_rollup WHERE ${where}${grouped}`,
    params,
  );
  // Without groupBy, SUM over no rows is one row of nulls: the total of nothing is zeros.
  const rows = raw.map(toCertificationStatsRow);
  return rankStatsRows(rows, args.orderBy, valueOf, first);
}

function valueOf(row: CertificationStatsRow, field: CertificationStatsField): number | null {
  switch (field) {
    case CertificationStatsField.YEAR:
      return row.year;
    case CertificationStatsField.CANDIDATES:
      return row.candidates;
    case CertificationStatsField.ASSESSED:
      return row.assessed;
    case CertificationStatsField.COMPETENT:
      return row.competent;
    case CertificationStatsField.NOT_YET_COMPETENT:
      return row.notYetCompetent;
    case CertificationStatsField.COMPETENCE_RATE:
      return row.competenceRate;
  }
}

/** The row's unit when grouped by UNIT (through the request's unit loader). */
export async function certificationStatsRowUnit(ctx: RequestContext, row: CertificationStatsRow): Promise<Unit | null> {
  if (row.unitCode === null) return null;
  const unit = await unitByCode(ctx).load(row.unitCode);
  return unit ? toUnit(unit) : null;
}

/** What the certification writes, the seed and the rebuild call to keep the statistics current. */
export { countCandidateOutcome, outcomeOf, rebuildCertificationStats } from './certification-stats.rollup';
