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
import { CASE_COUNTERS } from './atensi-stats.rollup';
import { AtensiCaseStatus } from '../atensi/atensi.type';
import { unitByCode } from '../unit/unit.loader';
import { toUnit } from '../unit/unit.mapper';
import type { Unit } from '../unit/unit.type';
import type { AtensiStatsFilter } from './atensi-stats.input';
import type { RawAtensiStatsRow } from './atensi-stats.mapper';
import { toAtensiStatsRow } from './atensi-stats.mapper';
import type { AtensiStatsRow } from './atensi-stats.type';
import { AtensiStatsDimension, AtensiStatsField } from './atensi-stats.type';

export interface AtensiStatsArgs {
  filter: AtensiStatsFilter | null | undefined;
  groupBy: AtensiStatsDimension[] | null | undefined;
  orderBy: StatsOrder<AtensiStatsField>[] | null | undefined;
  first: number | null | undefined;
}

/** Each dimension's column in `atensi_stats_rollup`. */
const COLUMN: Record<AtensiStatsDimension, keyof RawAtensiStatsRow> = {
  [AtensiStatsDimension.UNIT]: 'unitCode',
  [AtensiStatsDimension.YEAR]: 'year',
  [AtensiStatsDimension.SERVICE_TYPE]: 'serviceType',
  [AtensiStatsDimension.STATUS]: 'status',
};

/** ATENSI statistics from `atensi_stats_rollup` (atensi-stats.rollup.ts), never from the cases: one GROUP BY over the rollup. */
export async function atensiStats(ctx: RequestContext, args: AtensiStatsArgs): Promise<AtensiStatsRow[]> {
  const units = statsUnits(ctx.caller, args.filter?.units);
  const first = statsFirst(args.first);
  const f = args.filter;
  const { where, params, select, grouped } = rollupQuery(
    statsYears(f),
    units,
    { serviceType: f?.serviceTypes, status: f?.statuses },
    statsGroupBy(args.groupBy).map((d) => COLUMN[d]),
  );
  const raw = await ctx.db.dataSource.query<RawAtensiStatsRow[]>(
    `SELECT ${select}SUM(cases) AS cases,
       SUM(CASE WHEN status = '${AtensiCaseStatus.CLOSED}' THEN cases ELSE 0 END) AS closedCases,
       SUM(servedCases) AS servedCases, SUM(peopleServed) AS peopleServed,
     ${sumCountersSql(CASE_COUNTERS)}
     FROM atensi_stats_rollup WHERE ${where}${grouped}`,
    params,
  );
  return rankStatsRows(raw.map(toAtensiStatsRow), args.orderBy, valueOf, first);
}

function valueOf(row: AtensiStatsRow, field: AtensiStatsField): number | null {
  switch (field) {
    case AtensiStatsField.YEAR:
      return row.year;
    case AtensiStatsField.CASES:
      return row.cases;
    case AtensiStatsField.OPEN_CASES:
      return row.openCases;
    case AtensiStatsField.CLOSED_CASES:
      return row.closedCases;
    case AtensiStatsField.SERVED_CASES:
      return row.servedCases;
    case AtensiStatsField.PEOPLE_SERVED:
      return row.peopleServed;
    case AtensiStatsField.SERVED_RATE:
      return row.servedRate;
  }
}

/** The row's unit when grouped by UNIT (through the request's unit loader). */
export async function atensiStatsRowUnit(ctx: RequestContext, row: AtensiStatsRow): Promise<Unit | null> {
  if (row.unitCode === null) return null;
  const unit = await unitByCode(ctx).load(row.unitCode);
  return unit ? toUnit(unit) : null;
}

/** What the ATENSI writes, the seed and the rebuild call to keep the statistics current. */
export { countAtensiCase, rebuildAtensiStats } from './atensi-stats.rollup';
