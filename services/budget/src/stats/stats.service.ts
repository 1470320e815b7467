import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@kesos/infra';
import {
  addOnConflictSql,
  counterColumnList,
  counterValues,
  countByProvenanceSql,
  rankStatsRows,
  rawNumber,
  rawText,
  statsFirst,
  statsGroupBy,
  statsUnits,
  statsYears,
} from '@kesos/infra';
import { BudgetStatsRollupEntity, RECORD_COUNTERS } from './stats.entity';
import type { BudgetStatsFilter, BudgetStatsOrder } from './stats.input';
import { validateBudgetStatsFilter } from './stats.input';
import { DIMENSION_COLUMNS, toBudgetStatsRow } from './stats.mapper';
import { BudgetStatsDimension, BudgetStatsField } from './stats.type';
import type { BudgetStatsRow } from './stats.type';

/** The rollup's key columns, in primary-key order, and its measures. */
const KEY = ['satkerCode', 'year', 'expenseType', 'programmeCode', 'goalCode', 'month'] as const;
const MEASURES = ['ceiling', 'realized'] as const;
/** RECORD_COUNTERS' columns, in counterColumnList's (the provenance) order. */
const COUNTERS = ['operationalRecords', 'reportedRecords', 'reconstructedRecords', 'syntheticRecords'] as const;
if (counterColumnList(RECORD_COUNTERS).join() !== COUNTERS.join())
  throw new Error('budget rollup counters out of order');
const COLUMNS = [...KEY, 'unitCode', ...MEASURES, ...COUNTERS] as const;
const ADDED = [...MEASURES, ...COUNTERS] as const;
const TABLE = 'budget_stats_rollup';
const quoted = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');

/** One rollup row: the key, the satker's unit and the two measures. */
export interface BudgetStatsRollupRow {
  satkerCode: string;
  year: number;
  expenseType: string;
  programmeCode: string;
  goalCode: string;
  month: number;
  unitCode: string;
  ceiling: number;
  realized: number;
  operationalRecords: number;
  reportedRecords: number;
  reconstructedRecords: number;
  syntheticRecords: number;
}

/** A change a write makes to one line's figures: a ceiling change (month 0) or spending in a month. */
export interface BudgetStatsDelta {
  lineId: number;
  /** 0 for a ceiling change; 1-12 for realisation dated in that month. */
  month: number;
  ceiling: number;
  realized: number;
  /** The provenance of the record (line change or transaction) the change comes from. */
  provenance: string;
}

/** The month (1-12) of a 'YYYY-MM-DD' date. */
export const monthOf = (date: string): number => Number(date.slice(5, 7));

/**
 * The joins from a budget line to every key column of the rollup except the month: its DIPA's
 * satker and year, the satker's unit, the account's expense type, the programme above its output
 * ('' for expense-type summary lines) and its goal ('' when untagged). Portable SQL (MariaDB and SQLite).
 */
const LINE_KEY_FROM = `
  INNER JOIN \`dipa\` d ON d.\`id\` = l.\`dipaId\`
  INNER JOIN \`satker\` s ON s.\`code\` = d.\`satkerCode\`
  INNER JOIN \`account\` a ON a.\`code\` = l.\`accountCode\`
  LEFT JOIN \`budget_output\` o ON o.\`id\` = l.\`outputId\`
  LEFT JOIN \`budget_activity\` ac ON ac.\`id\` = o.\`activityId\`
  LEFT JOIN \`budget_programme\` p ON p.\`id\` = ac.\`programmeId\``;
const LINE_KEY_SELECT = `d.\`satkerCode\` AS satkerCode, d.\`year\` AS year, a.\`expenseType\` AS expenseType,
  COALESCE(p.\`code\`, '') AS programmeCode, COALESCE(l.\`goalCode\`, '') AS goalCode`;
const LINE_KEY_GROUP = `d.\`satkerCode\`, d.\`year\`, a.\`expenseType\`, COALESCE(p.\`code\`, ''), COALESCE(l.\`goalCode\`, ''), s.\`unitCode\``;
const MONTH_OF_DATE = 'CAST(SUBSTR(r.`date`, 6, 2) AS UNSIGNED)';

/**
 * The rollup as a raw GROUP BY over the base tables (line changes and transactions): what the
 * maintained rollup must always equal. Used by the rebuild and by the tests.
 */
const counted = (table: string) =>
  countByProvenanceSql(`${table}.\`provenance\``)
    .map((sum, i) => `${sum} AS ${COUNTERS[i]}`)
    .join(', ');
export const RAW_ROLLUP_SELECT = `
  SELECT ${LINE_KEY_SELECT}, 0 AS month, s.\`unitCode\` AS unitCode, SUM(c.\`ceilingChange\`) AS ceiling, 0 AS realized,
    ${counted('c')}
  FROM \`budget_line_change\` c INNER JOIN \`budget_line\` l ON l.\`id\` = c.\`lineId\` ${LINE_KEY_FROM}
  GROUP BY ${LINE_KEY_GROUP}
  UNION ALL
  SELECT ${LINE_KEY_SELECT}, ${MONTH_OF_DATE} AS month, s.\`unitCode\` AS unitCode, 0 AS ceiling, SUM(r.\`amount\`) AS realized,
    ${counted('r')}
  FROM \`realization\` r INNER JOIN \`budget_line\` l ON l.\`id\` = r.\`lineId\` ${LINE_KEY_FROM}
  GROUP BY ${LINE_KEY_GROUP}, ${MONTH_OF_DATE}`;

function toRollupRow(r: Record<string, unknown>): BudgetStatsRollupRow {
  return {
    satkerCode: rawText(r.satkerCode),
    year: rawNumber(r.year),
    expenseType: rawText(r.expenseType),
    programmeCode: rawText(r.programmeCode),
    goalCode: rawText(r.goalCode),
    month: rawNumber(r.month),
    unitCode: rawText(r.unitCode),
    ceiling: rawNumber(r.ceiling),
    realized: rawNumber(r.realized),
    operationalRecords: rawNumber(r.operationalRecords ?? 0),
    reportedRecords: rawNumber(r.reportedRecords ?? 0),
    reconstructedRecords: rawNumber(r.reconstructedRecords ?? 0),
    syntheticRecords: rawNumber(r.syntheticRecords ?? 0),
  };
}

const rowKey = (r: Pick<BudgetStatsRollupRow, (typeof KEY)[number]>): string => KEY.map((k) => String(r[k])).join('|');

/** Rows in key order, so two listings compare as arrays. */
function sortedRows(rows: BudgetStatsRollupRow[]): BudgetStatsRollupRow[] {
  return rows.sort((x, y) => (rowKey(x) < rowKey(y) ? -1 : rowKey(x) > rowKey(y) ? 1 : 0));
}

/** The rollup as the raw GROUP BY over the base tables computes it, in key order. */
export async function rawBudgetStatsRollup(m: EntityManager): Promise<BudgetStatsRollupRow[]> {
  const raw: Record<string, unknown>[] = await m.query(RAW_ROLLUP_SELECT);
  return sortedRows(raw.map(toRollupRow));
}

/** The maintained rollup table, in key order. */
export async function storedBudgetStatsRollup(m: EntityManager): Promise<BudgetStatsRollupRow[]> {
  const raw: Record<string, unknown>[] = await m.query(`SELECT ${quoted(COLUMNS)} FROM \`${TABLE}\``);
  return sortedRows(raw.map(toRollupRow));
}

/**
 * Recomputes the whole rollup from the base tables inside the caller's transaction (the rebuild
 * command, and a repair after a bulk load that bypassed the write paths). Answers the row count.
 */
export async function rebuildBudgetStatsRollup(m: EntityManager): Promise<number> {
  await m.query(`DELETE FROM \`${TABLE}\``);
  await m.query(
    `INSERT INTO \`${TABLE}\` (${quoted(COLUMNS)}) SELECT ${quoted(COLUMNS)} FROM (${RAW_ROLLUP_SELECT}) x`,
  );
  return m.getRepository(BudgetStatsRollupEntity).count();
}

/** The key columns of a line's rows (all but the month), and the satker's unit. */
type LineKey = Omit<BudgetStatsRollupRow, 'month' | (typeof ADDED)[number]>;

/** The key columns (all but the month) of each of the given lines. */
async function lineKeys(m: EntityManager, lineIds: number[]): Promise<Map<number, LineKey>> {
  const keys = new Map<number, LineKey>();
  for (let i = 0; i < lineIds.length; i += 500) {
    const ids = lineIds.slice(i, i + 500);
    const raw: Record<string, unknown>[] = await m.query(
      `SELECT l.\`id\` AS lineId, ${LINE_KEY_SELECT}, s.\`unitCode\` AS unitCode FROM \`budget_line\` l ${LINE_KEY_FROM}
       WHERE l.\`id\` IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    for (const r of raw) {
      const row = toRollupRow({ ...r, month: 0, ceiling: 0, realized: 0 });
      keys.set(rawNumber(r.lineId), {
        satkerCode: row.satkerCode,
        year: row.year,
        expenseType: row.expenseType,
        programmeCode: row.programmeCode,
        goalCode: row.goalCode,
        unitCode: row.unitCode,
      });
    }
  }
  return keys;
}

/**
 * Adds the deltas of a write to the rollup, inside the write's own transaction (one key lookup
 * and one upsert per 200 rows). Every write that changes a line's ceiling or realisation calls it:
 * recordRealization, reverseRealization, openDipa, recordBudgetRevision (and so transfers), the seed.
 * A delta of 0 still creates its row, so a line's key is in the rollup as soon as the line is.
 */
export async function applyBudgetStatsDeltas(m: EntityManager, deltas: readonly BudgetStatsDelta[]): Promise<void> {
  if (!deltas.length) return;
  const keys = await lineKeys(m, [...new Set(deltas.map((d) => d.lineId))]);
  const summed = new Map<string, BudgetStatsRollupRow>();
  for (const d of deltas) {
    const key = keys.get(d.lineId);
    if (!key) throw new Error(`budget line ${d.lineId} has no DIPA, satker or account for the statistics rollup`);
    const row: BudgetStatsRollupRow = {
      ...key,
      month: d.month,
      ceiling: 0,
      realized: 0,
      operationalRecords: 0,
      reportedRecords: 0,
      reconstructedRecords: 0,
      syntheticRecords: 0,
    };
    const id = rowKey(row);
    const held = summed.get(id) ?? row;
    held.ceiling += d.ceiling;
    held.realized += d.realized;
    // Each delta is one record: a line change or a transaction.
    counterValues(d.provenance, 1).forEach((n, i) => (held[COUNTERS[i]] += n));
    summed.set(id, held);
  }
  const sqlite = m.dataSource.options.type === 'better-sqlite3';
  const upsert = addOnConflictSql(KEY, ADDED, sqlite);
  // Key order, so two writers touching several rows take their locks in the same order.
  const rows = sortedRows([...summed.values()]);
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const tuple = `(${COLUMNS.map(() => '?').join(', ')})`;
    await m.query(
      `INSERT INTO \`${TABLE}\` (${quoted(COLUMNS)}) VALUES ${chunk.map(() => tuple).join(', ')}${upsert}`,
      chunk.flatMap((r) => COLUMNS.map((c) => r[c])),
    );
  }
}

/** The arguments of `budgetStats`, as the resolver receives them. */
export interface BudgetStatsArgs {
  filter?: BudgetStatsFilter | null;
  groupBy?: BudgetStatsDimension[] | null;
  orderBy?: BudgetStatsOrder[] | null;
  first?: number | null;
}

function orderValue(row: Omit<BudgetStatsRow, 'rank'>, field: BudgetStatsField): number | null {
  switch (field) {
    case BudgetStatsField.CEILING:
      return row.ceiling;
    case BudgetStatsField.REALIZED:
      return row.realized;
    case BudgetStatsField.ABSORPTION_RATE:
      return row.absorptionRate;
    case BudgetStatsField.YEAR:
      return row.year;
    case BudgetStatsField.MONTH:
      return row.month;
  }
}

/**
 * Budget statistics from the rollup: one row per combination of the grouped dimensions that has
 * figures (one total row without groupBy), scoped to the units the caller may read, ranked and
 * cut as the analytics contract says. Sums rollup rows only (a few per satker, year, expense
 * type, programme, goal and month), never lines or transactions.
 */
export async function budgetStats(ctx: RequestContext, args: BudgetStatsArgs): Promise<BudgetStatsRow[]> {
  const years = statsYears(args.filter);
  const units = statsUnits(ctx.caller, args.filter?.units);
  const groupBy = statsGroupBy(args.groupBy);
  const first = statsFirst(args.first);
  const filter = validateBudgetStatsFilter(args.filter);
  const withCeiling = !groupBy.includes(BudgetStatsDimension.MONTH) && filter.months === null;
  let raw: Record<string, unknown>[] = [];
  if (units === null || units.length > 0) {
    const qb = ctx.db.dataSource
      .getRepository(BudgetStatsRollupEntity)
      .createQueryBuilder('r')
      .select('SUM(r.ceiling)', 'ceiling')
      .addSelect('SUM(r.realized)', 'realized')
      // The records behind the sums, in the same GROUP BY: no statement more.
      .addSelect(`SUM(r.${COUNTERS[0]})`, COUNTERS[0])
      .addSelect(`SUM(r.${COUNTERS[1]})`, COUNTERS[1])
      .addSelect(`SUM(r.${COUNTERS[2]})`, COUNTERS[2])
      .addSelect(`SUM(r.${COUNTERS[3]})`, COUNTERS[3])
      .where('r.year BETWEEN :fromYear AND :toYear', years);
    if (units) qb.andWhere('r.unitCode IN (:...units)', { units });
    if (filter.satkers) qb.andWhere('r.satkerCode IN (:...satkers)', { satkers: filter.satkers });
    if (filter.expenseTypes) qb.andWhere('r.expenseType IN (:...types)', { types: filter.expenseTypes });
    if (filter.programmes) qb.andWhere('r.programmeCode IN (:...programmes)', { programmes: filter.programmes });
    if (filter.goals) qb.andWhere('r.goalCode IN (:...goals)', { goals: filter.goals });
    if (filter.months) qb.andWhere('r.month IN (:...months)', { months: filter.months });
    else if (!withCeiling) qb.andWhere('r.month > 0');
    for (const d of groupBy) {
      const { column, alias } = DIMENSION_COLUMNS[d];
      qb.addSelect(column, alias).addGroupBy(column).addOrderBy(column, 'ASC');
    }
    raw = await qb.getRawMany();
  }
  // Without groupBy there is always exactly one row, the total (zero when nothing matched).
  if (groupBy.length === 0 && raw.length === 0) raw = [{ ceiling: 0, realized: 0 }];
  const rows = raw.map((r) => toBudgetStatsRow(r, groupBy, withCeiling));
  return rankStatsRows(rows, args.orderBy, orderValue, first);
}
