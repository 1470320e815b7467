import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import type { Caller } from '../auth/caller';
import { BadInputError, UnauthenticatedError } from '../errors/app.errors';
import { FIRST_YEAR, LAST_YEAR } from '../kernel/year.range';

/**
 * The statistics fields (`trainingStats`, `budgetStats`, `indicatorStats`, `surveyStats`) share
 * one meaning of filter years, unit scoping, `orderBy`, `rank` and `first` (the analytics
 * contract's header). It lives here once so the four cannot drift apart.
 */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction (urutan): ASC smallest first, DESC largest first; rows without a value come last',
  valuesConfig: {
    ASC: { description: 'Ascending (menaik): smallest first' },
    DESC: { description: 'Descending (menurun): largest first' },
  },
});

/** Most rows one statistics request may ask for with `first`. */
export const MAX_STATS_ROWS = 100_000;
/** Widest year window one statistics request may cover. */
export const MAX_STATS_YEARS = 30;

@InputType({ description: 'Years of a statistics filter (rentang tahun); both ends included' })
export class StatsYears {
  @Field(() => Int, { nullable: true, description: 'First year included (dari tahun); omitted: every year' })
  fromYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year included (sampai tahun); omitted: every year' })
  toYear?: number | null;
}

export interface YearWindow {
  fromYear: number;
  toYear: number;
}

/** The filter's years, checked; an omitted end is open. Field names are reported as `filter.fromYear`. */
export function statsYears(
  filter: { fromYear?: number | null; toYear?: number | null } | null | undefined,
): YearWindow {
  const fromYear = filter?.fromYear ?? FIRST_YEAR;
  const toYear = filter?.toYear ?? LAST_YEAR;
  if (!Number.isInteger(fromYear) || fromYear < FIRST_YEAR || fromYear > LAST_YEAR)
    throw new BadInputError('filter.fromYear', `filter.fromYear must be a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
  if (!Number.isInteger(toYear) || toYear < FIRST_YEAR || toYear > LAST_YEAR)
    throw new BadInputError('filter.toYear', `filter.toYear must be a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
  if (toYear < fromYear) throw new BadInputError('filter.toYear', 'filter.toYear cannot be before filter.fromYear');
  return { fromYear, toYear };
}

/**
 * The units a caller's statistics cover: `null` means every unit. A viewer or operator gets only
 * their own unit's rows, never an error (the contract): asking for other units yields no rows.
 */
export function statsUnits(caller: Caller, requested: readonly string[] | null | undefined): string[] | null {
  if (caller.role === 'public') throw new UnauthenticatedError('statistics need a token: sign in first');
  const wanted = requested && requested.length > 0 ? [...new Set(requested)] : null;
  if (caller.role === 'admin' || caller.role === 'analyst') return wanted;
  const own = caller.unit ?? '';
  if (wanted && !wanted.includes(own)) return [];
  return [own];
}

/** `groupBy` without repeats, in the caller's order; an omitted list groups by nothing (one total row). */
export function statsGroupBy<D extends string>(groupBy: readonly D[] | null | undefined): D[] {
  return [...new Set(groupBy ?? [])];
}

/** `first`, checked: a positive whole number up to MAX_STATS_ROWS, or none. */
export function statsFirst(first: number | null | undefined): number | null {
  if (first === null || first === undefined) return null;
  if (!Number.isInteger(first) || first < 1 || first > MAX_STATS_ROWS)
    throw new BadInputError('first', `first must be a whole number from 1 to ${MAX_STATS_ROWS}`);
  return first;
}

export interface StatsOrder<F extends string> {
  field: F;
  direction: SortDirection;
}

type SortValue = number | string | null;

function compareValues(a: SortValue, b: SortValue, direction: SortDirection): number {
  if (a === b) return 0;
  // Rows without a value come last in either direction: a ranking never starts with "unknown".
  if (a === null) return 1;
  if (b === null) return -1;
  const order = a < b ? -1 : 1;
  return direction === SortDirection.ASC ? order : -order;
}

/**
 * Orders rows by `orderBy`, gives each a 1-based competition rank (equal values share a rank and
 * the next rank skips: 1, 2, 2, 4) and cuts after `first`. Without `orderBy` the rows keep their
 * order (the caller's natural order by the grouped dimensions) and `rank` is null.
 */
export function rankStatsRows<R extends object, F extends string>(
  rows: readonly R[],
  orderBy: readonly StatsOrder<F>[] | null | undefined,
  value: (row: R, field: F) => SortValue,
  first: number | null,
): (R & { rank: number | null })[] {
  const orders = orderBy ?? [];
  if (orders.length === 0) {
    const kept = first === null ? rows : rows.slice(0, first);
    return kept.map((row) => ({ ...row, rank: null }));
  }
  const compare = (a: R, b: R): number => {
    for (const { field, direction } of orders) {
      const c = compareValues(value(a, field), value(b, field), direction);
      if (c !== 0) return c;
    }
    return 0;
  };
  // Array.prototype.sort is stable, so ties keep the natural order.
  const sorted = [...rows].sort(compare);
  const ranked: (R & { rank: number | null })[] = [];
  let previous: R | null = null;
  let previousRank = 0;
  for (const [i, row] of sorted.entries()) {
    if (first !== null && i >= first) break;
    const rank = previous !== null && compare(previous, row) === 0 ? previousRank : i + 1;
    ranked.push({ ...row, rank });
    previous = row;
    previousRank = rank;
  }
  return ranked;
}

/**
 * The WHERE and GROUP BY of a statistics query over a rollup table with a `year` column. `units`
 * is statsUnits' answer (null: every unit; empty: a viewer asking for another unit, no rows);
 * an omitted or empty `lists` entry does not restrict.
 */
export function rollupQuery(
  years: YearWindow,
  units: readonly string[] | null,
  lists: Record<string, readonly string[] | null | undefined>,
  groupColumns: readonly string[],
): { where: string; params: unknown[]; select: string; grouped: string } {
  const conditions = ['year BETWEEN ? AND ?'];
  const params: unknown[] = [years.fromYear, years.toYear];
  const restrict = (column: string, list: readonly string[]) => {
    if (list.length === 0) conditions.push('1 = 0');
    else {
      conditions.push(`${column} IN (${list.map(() => '?').join(', ')})`);
      params.push(...list);
    }
  };
  if (units !== null) restrict('unitCode', units);
  for (const [column, list] of Object.entries(lists)) if (list?.length) restrict(column, [...new Set(list)]);
  const columns = groupColumns.join(', ');
  return {
    where: conditions.join(' AND '),
    params,
    select: groupColumns.map((c) => `${c}, `).join(''),
    grouped: groupColumns.length ? ` GROUP BY ${columns} ORDER BY ${columns}` : '',
  };
}

/**
 * The tail of a rollup's INSERT that adds the inserted values to a row already holding the key:
 * `ON CONFLICT (...) DO UPDATE` on SQLite, `ON DUPLICATE KEY UPDATE` on MariaDB. Every rollup
 * moves its counts this way, so a delta is one statement whether the key exists or not.
 */
export function addOnConflictSql(key: readonly string[], added: readonly string[], sqlite: boolean): string {
  const q = (c: string) => `\`${c}\``;
  return sqlite
    ? ` ON CONFLICT (${key.map(q).join(', ')}) DO UPDATE SET ${added.map((c) => `${q(c)} = ${q(c)} + excluded.${q(c)}`).join(', ')}`
    : ` ON DUPLICATE KEY UPDATE ${added.map((c) => `${q(c)} = ${q(c)} + VALUES(${q(c)})`).join(', ')}`;
}
