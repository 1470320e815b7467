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
import { ASSESSMENT_COUNTERS } from './accreditation-stats.rollup';
import { AccreditationResult, VALIDITY_YEARS } from '../accreditation/accreditation.type';
import { unitByCode } from '../unit/unit.loader';
import { toUnit } from '../unit/unit.mapper';
import type { Unit } from '../unit/unit.type';
import type { AccreditationStatsFilter } from './accreditation-stats.input';
import type { RawAccreditationStatsRow } from './accreditation-stats.mapper';
import { toAccreditationStatsRow } from './accreditation-stats.mapper';
import type { AccreditationStatsRow } from './accreditation-stats.type';
import { AccreditationStatsDimension, AccreditationStatsField } from './accreditation-stats.type';

export interface AccreditationStatsArgs {
  filter: AccreditationStatsFilter | null | undefined;
  groupBy: AccreditationStatsDimension[] | null | undefined;
  orderBy: StatsOrder<AccreditationStatsField>[] | null | undefined;
  first: number | null | undefined;
}

/** Each dimension's column in `accreditation_stats_rollup`. */
const COLUMN: Record<AccreditationStatsDimension, keyof RawAccreditationStatsRow> = {
  [AccreditationStatsDimension.UNIT]: 'unitCode',
  [AccreditationStatsDimension.YEAR]: 'year',
  [AccreditationStatsDimension.RESULT]: 'result',
  [AccreditationStatsDimension.KIND]: 'kind',
};

/** The grades that accredit (those with a validity), as accreditationSummary counts them. */
const ACCREDITING = Object.values(AccreditationResult).filter((r) => VALIDITY_YEARS[r] !== null);

/**
 * Accreditation statistics from `accreditation_stats_rollup` (accreditation-stats.rollup.ts),
 * never from the assessments: one GROUP BY over the rollup.
 */
export async function accreditationStats(
  ctx: RequestContext,
  args: AccreditationStatsArgs,
): Promise<AccreditationStatsRow[]> {
  const units = statsUnits(ctx.caller, args.filter?.units);
  const first = statsFirst(args.first);
  const f = args.filter;
  const { where, params, select, grouped } = rollupQuery(
    statsYears(f),
    units,
    { result: f?.results, kind: f?.kinds },
    statsGroupBy(args.groupBy).map((d) => COLUMN[d]),
  );
  const raw = await ctx.db.dataSource.query<RawAccreditationStatsRow[]>(
    `SELECT ${select}SUM(n) AS assessed,
       SUM(CASE WHEN result IN (${ACCREDITING.map((r) => `'${r}'`).join(', ')}) THEN n ELSE 0 END) AS accredited,
     ${sumCountersSql(ASSESSMENT_COUNTERS)}
     FROM accreditation_stats_rollup WHERE ${where}${grouped}`,
    params,
  );
  return rankStatsRows(raw.map(toAccreditationStatsRow), args.orderBy, valueOf, first);
}

function valueOf(row: AccreditationStatsRow, field: AccreditationStatsField): number | null {
  switch (field) {
    case AccreditationStatsField.YEAR:
      return row.year;
    case AccreditationStatsField.ASSESSED:
      return row.assessed;
    case AccreditationStatsField.ACCREDITED:
      return row.accredited;
    case AccreditationStatsField.NOT_ACCREDITED:
      return row.notAccredited;
    case AccreditationStatsField.ACCREDITATION_RATE:
      return row.accreditationRate;
  }
}

/** The row's unit when grouped by UNIT (through the request's unit loader). */
export async function accreditationStatsRowUnit(ctx: RequestContext, row: AccreditationStatsRow): Promise<Unit | null> {
  if (row.unitCode === null) return null;
  const unit = await unitByCode(ctx).load(row.unitCode);
  return unit ? toUnit(unit) : null;
}

/** What the accreditation writes, the seed and the rebuild call to keep the statistics current. */
export { countAccreditation, rebuildAccreditationStats } from './accreditation-stats.rollup';
