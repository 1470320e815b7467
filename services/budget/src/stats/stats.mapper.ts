import { percentage, rawNumber, rawText, summaryOfCounters } from '@kesos/infra';
import { RECORD_COUNTERS } from './stats.entity';
import type { ExpenseType } from '../account/account.type';
import { BudgetStatsDimension } from './stats.type';
import type { BudgetStatsRow } from './stats.type';

/** The rollup column of each dimension, and the alias it is selected under. */
export const DIMENSION_COLUMNS: Record<BudgetStatsDimension, { column: string; alias: string }> = {
  [BudgetStatsDimension.UNIT]: { column: 'r.unitCode', alias: 'dimUnit' },
  [BudgetStatsDimension.YEAR]: { column: 'r.year', alias: 'dimYear' },
  [BudgetStatsDimension.SATKER]: { column: 'r.satkerCode', alias: 'dimSatker' },
  [BudgetStatsDimension.EXPENSE_TYPE]: { column: 'r.expenseType', alias: 'dimExpenseType' },
  [BudgetStatsDimension.PROGRAMME]: { column: 'r.programmeCode', alias: 'dimProgramme' },
  [BudgetStatsDimension.GOAL]: { column: 'r.goalCode', alias: 'dimGoal' },
  [BudgetStatsDimension.MONTH]: { column: 'r.month', alias: 'dimMonth' },
};

/**
 * A grouped rollup row as a statistics row: dimensions not grouped by are null, '' (none) is
 * null, and the ceiling and absorption rate are null where no ceiling applies (by month).
 */
export function toBudgetStatsRow(
  raw: Record<string, unknown>,
  groupBy: readonly BudgetStatsDimension[],
  withCeiling: boolean,
): Omit<BudgetStatsRow, 'rank'> {
  const text = (d: BudgetStatsDimension): string | null => {
    if (!groupBy.includes(d)) return null;
    const value = rawText(raw[DIMENSION_COLUMNS[d].alias]);
    return value === '' ? null : value;
  };
  const int = (d: BudgetStatsDimension): number | null =>
    groupBy.includes(d) ? rawNumber(raw[DIMENSION_COLUMNS[d].alias]) : null;
  const unitCode = text(BudgetStatsDimension.UNIT);
  const realized = rawNumber(raw.realized);
  const ceiling = withCeiling ? rawNumber(raw.ceiling) : null;
  return {
    unit: unitCode === null ? null : { code: unitCode },
    unitCode,
    year: int(BudgetStatsDimension.YEAR),
    satkerCode: text(BudgetStatsDimension.SATKER),
    expenseType: text(BudgetStatsDimension.EXPENSE_TYPE) as ExpenseType | null,
    programmeCode: text(BudgetStatsDimension.PROGRAMME),
    goalCode: text(BudgetStatsDimension.GOAL),
    month: int(BudgetStatsDimension.MONTH),
    ceiling,
    realized,
    absorptionRate: ceiling === null ? null : percentage(realized, ceiling),
    evidence: summaryOfCounters(raw, RECORD_COUNTERS),
  };
}
