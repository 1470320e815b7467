import type { RequestContext, StatsOrder } from '@kesos/infra';
import {
  BadInputError,
  rankStatsRows,
  statsFirst,
  statsGroupBy,
  statsUnits,
  statsYears,
  sumCountersSql,
} from '@kesos/infra';
import { ENROLLMENT_COUNTERS } from './stats.rollup';
import { unitByCode } from '../unit/unit.loader';
import { toUnit } from '../unit/unit.mapper';
import type { Unit } from '../unit/unit.type';
import type { TrainingStatsFilter } from './stats.input';
import type { RawStatsRow } from './stats.mapper';
import { toTrainingStatsRow } from './stats.mapper';
import type { TrainingStatsRow } from './stats.type';
import { TrainingStatsDimension, TrainingStatsField } from './stats.type';

export interface TrainingStatsArgs {
  filter: TrainingStatsFilter | null | undefined;
  groupBy: TrainingStatsDimension[] | null | undefined;
  orderBy: StatsOrder<TrainingStatsField>[] | null | undefined;
  first: number | null | undefined;
  /** Whether the request selects `participants` (the one measure that costs a COUNT(DISTINCT)). */
  participantsSelected: boolean;
}

/** Each dimension's column in both statistics tables (stats.entity.ts). */
const COLUMN: Record<TrainingStatsDimension, keyof RawStatsRow> = {
  [TrainingStatsDimension.UNIT]: 'unitCode',
  [TrainingStatsDimension.YEAR]: 'year',
  [TrainingStatsDimension.PROGRAMME]: 'programmeCode',
  [TrainingStatsDimension.GENDER]: 'gender',
  [TrainingStatsDimension.EDUCATION]: 'education',
  [TrainingStatsDimension.STATUS]: 'status',
  [TrainingStatsDimension.PROVINCE]: 'province',
};

const MAX_FILTER_VALUES = 1000;

function values(
  field: string,
  list: readonly string[] | null | undefined,
  check?: (v: string) => boolean,
): string[] | null {
  if (!list || list.length === 0) return null;
  if (list.length > MAX_FILTER_VALUES)
    throw new BadInputError(`filter.${field}`, `filter.${field} takes at most ${MAX_FILTER_VALUES} values`);
  for (const v of list)
    if (check && !check(v))
      throw new BadInputError(
        `filter.${field}`,
        `filter.${field} takes province codes of two digits (the NIK's first two, e.g. 13), not "${v.slice(0, 40)}"`,
      );
  return [...new Set(list)];
}

/**
 * Training statistics from the rollup tables (stats.rollup.ts), never from the enrollments: one
 * GROUP BY over `training_stats_rollup_coarse` for the counts (`training_stats_rollup` when the
 * province is asked about). `participants` only when selected or ordered by: grouped by exactly
 * UNIT and YEAR with no filter but years and units, the counters of `training_stats_people`;
 * otherwise one COUNT(DISTINCT) over `training_stats_participant` (about one row per enrollment,
 * so that measure costs what its filter leaves of it). `evidence` sums the enrollments' per-provenance
 * counters in the same GROUP BY as the counts, so it costs no statement.
 */
export async function trainingStats(ctx: RequestContext, args: TrainingStatsArgs): Promise<TrainingStatsRow[]> {
  const { fromYear, toYear } = statsYears(args.filter);
  const units = statsUnits(ctx.caller, args.filter?.units);
  const groupBy = statsGroupBy(args.groupBy);
  const first = statsFirst(args.first);
  const f = args.filter;
  const conditions: string[] = ['year BETWEEN ? AND ?'];
  const params: unknown[] = [fromYear, toYear];
  const restrict = (column: string, list: readonly string[] | null) => {
    if (list === null) return;
    if (list.length === 0) conditions.push('1 = 0');
    else {
      conditions.push(`${column} IN (${list.map(() => '?').join(', ')})`);
      params.push(...list);
    }
  };
  restrict('unitCode', units);
  const yearsAndUnits = conditions.length;
  const provinces = values('provinces', f?.provinces, (v) => /^\d{2}$/.test(v));
  restrict('programmeCode', values('programmes', f?.programmes));
  restrict('status', values('statuses', f?.statuses));
  restrict('gender', values('genders', f?.genders));
  restrict('education', values('educations', f?.educations));
  restrict('province', provinces);
  const onlyYearsAndUnits = conditions.length === yearsAndUnits;
  // The province multiplies the keys by up to 38: only questions about it read the fine rollup.
  const rollup =
    provinces !== null || groupBy.includes(TrainingStatsDimension.PROVINCE)
      ? 'training_stats_rollup'
      : 'training_stats_rollup_coarse';

  const columns = groupBy.map((d) => COLUMN[d]);
  const where = `WHERE ${conditions.join(' AND ')}`;
  const grouped = columns.length ? ` GROUP BY ${columns.join(', ')} ORDER BY ${columns.join(', ')}` : '';
  const select = columns.map((c) => `${c}, `).join('');
  const sum = (status: string) => `SUM(CASE WHEN status = '${status}' THEN n ELSE 0 END)`;
  const db = ctx.db.dataSource;
  const raw = await db.query<RawStatsRow[]>(
    `SELECT ${select}SUM(n) AS enrolled, ${sum('GRADUATED')} AS graduated, ${sum('FAILED')} AS failed,
       ${sum('DROPPED_OUT')} AS droppedOut, ${sumCountersSql(ENROLLMENT_COUNTERS)} FROM ${rollup} ${where}${grouped}`,
    params,
  );

  const keyOf = (r: Partial<Record<keyof RawStatsRow, unknown>>) => JSON.stringify(columns.map((c) => String(r[c])));
  const people = new Map<string, number>();
  const needPeople =
    args.participantsSelected || (args.orderBy ?? []).some((o) => o.field === TrainingStatsField.PARTICIPANTS);
  const byUnitAndYear =
    groupBy.length === 2 &&
    groupBy.includes(TrainingStatsDimension.UNIT) &&
    groupBy.includes(TrainingStatsDimension.YEAR);
  if (needPeople && byUnitAndYear && onlyYearsAndUnits) {
    // People per unit and year are counted as they first enroll (training_stats_people): one indexed read.
    const counted = await db.query<(Partial<Record<keyof RawStatsRow, unknown>> & { participants: number | string })[]>(
      `SELECT unitCode, year, participants FROM training_stats_people ${where}`,
      params,
    );
    for (const r of counted) people.set(keyOf(r), Number(r.participants));
  } else if (needPeople) {
    const distinct = await db.query<
      (Partial<Record<keyof RawStatsRow, unknown>> & { participants: number | string })[]
    >(
      `SELECT ${select}COUNT(DISTINCT participantId) AS participants FROM training_stats_participant ${where}${
        columns.length ? ` GROUP BY ${columns.join(', ')}` : ''
      }`,
      params,
    );
    for (const r of distinct) people.set(keyOf(r), Number(r.participants));
  }
  const rows = raw.map((r) => toTrainingStatsRow(r, people.get(keyOf(r)) ?? 0));
  return rankStatsRows(rows, args.orderBy, valueOf, first);
}

function valueOf(row: TrainingStatsRow, field: TrainingStatsField): number | null {
  switch (field) {
    case TrainingStatsField.YEAR:
      return row.year;
    case TrainingStatsField.ENROLLED:
      return row.enrolled;
    case TrainingStatsField.GRADUATED:
      return row.graduated;
    case TrainingStatsField.FAILED:
      return row.failed;
    case TrainingStatsField.DROPPED_OUT:
      return row.droppedOut;
    case TrainingStatsField.PARTICIPANTS:
      return row.participants;
    case TrainingStatsField.GRADUATION_RATE:
      return row.graduationRate;
  }
}

/** The row's unit when grouped by UNIT (through the request's unit loader). */
export async function statsRowUnit(ctx: RequestContext, row: TrainingStatsRow): Promise<Unit | null> {
  if (row.unitCode === null) return null;
  const unit = await unitByCode(ctx).load(row.unitCode);
  return unit ? toUnit(unit) : null;
}

/** What other features' writes call to keep the statistics current (stats.rollup.ts). */
export { countNewEnrollments, countNewPairs, countStatusChange, rebuildTrainingStats } from './stats.rollup';
