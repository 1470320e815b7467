import {
  addProvenanceCount,
  percentage,
  type ProvenanceCounts,
  type ProvenanceSummary,
  summarizeProvenance,
  sumProvenanceCounts,
} from '@kesos/infra';
import { EXPENSE_TYPES } from '../account/account.type';
import type { BudgetLine, BudgetOutput } from '../line/line.type';
import type { DipaFigures, DipaRow, LineFigure } from '../dipa/dipa.loader';
import type {
  ActivityFigure,
  ExpenseTypeFigure,
  GoalFigure,
  MonthFigure,
  ProgrammeFigure,
  SatkerBudget,
} from './satker.type';

export interface Totals {
  ceiling: number;
  realized: number;
  absorptionRate: number | null;
  /** The revision changes and transactions the figures sum, by provenance. */
  evidence: ProvenanceSummary;
}

export function totals(lines: LineFigure[]): Totals {
  let ceiling = 0;
  let realized = 0;
  for (const l of lines) {
    ceiling += l.ceiling;
    realized += l.realized;
  }
  return {
    ceiling,
    realized,
    absorptionRate: percentage(realized, ceiling),
    evidence: summarizeProvenance(sumProvenanceCounts(lines.map((l) => l.records))),
  };
}

export const byExpenseType = (lines: LineFigure[]): ExpenseTypeFigure[] =>
  EXPENSE_TYPES.map((type) => ({ type, ...totals(lines.filter((l) => l.expenseType === type)) }));

export function byGoal(lines: LineFigure[]): GoalFigure[] {
  const codes = [...new Set(lines.map((l) => l.line.goalCode).filter((c): c is string => !!c))].sort();
  return codes.map((goalCode) => ({ goalCode, ...totals(lines.filter((l) => l.line.goalCode === goalCode)) }));
}

export function byProgramme(fig: DipaFigures): ProgrammeFigure[] {
  const outputActivity = new Map(fig.outputs.map((o) => [o.id, o.activityId]));
  const linesOfActivity = (activityId: number) =>
    fig.lines.filter((l) => l.line.outputId !== null && outputActivity.get(l.line.outputId) === activityId);
  return fig.programmes.map((p) => {
    const activities: ActivityFigure[] = fig.activities
      .filter((a) => a.programmeId === p.id)
      .map((a) => ({ code: a.code, name: a.name, note: a.note, ...totals(linesOfActivity(a.id)) }));
    const lines = fig.activities.filter((a) => a.programmeId === p.id).flatMap((a) => linesOfActivity(a.id));
    return { code: p.code, name: p.name, ...totals(lines), activities };
  });
}

export function budgetLines(fig: DipaFigures): BudgetLine[] {
  const outputs = new Map(fig.outputs.map((o) => [o.id, o]));
  const activities = new Map(fig.activities.map((a) => [a.id, a]));
  const programmes = new Map(fig.programmes.map((p) => [p.id, p]));
  return fig.lines.map((l) => {
    const output = l.line.outputId !== null ? outputs.get(l.line.outputId) : undefined;
    const activity = output ? activities.get(output.activityId) : undefined;
    const programme = activity ? programmes.get(activity.programmeId) : undefined;
    return {
      id: l.line.id,
      programmeCode: programme?.code ?? null,
      activityCode: activity?.code ?? null,
      outputCode: output?.code ?? null,
      componentCode: l.line.componentCode,
      componentName: l.line.componentName,
      accountCode: l.line.accountCode,
      accountName: l.accountName,
      expenseType: l.expenseType,
      goalCode: l.line.goalCode,
      ceiling: l.ceiling,
      blocked: l.blocked,
      realized: l.realized,
      absorptionRate: percentage(l.realized, l.ceiling),
      provenance: l.line.provenance,
      evidence: summarizeProvenance(l.records),
    };
  });
}

export function budgetOutputs(fig: DipaFigures): BudgetOutput[] {
  const activities = new Map(fig.activities.map((a) => [a.id, a]));
  return fig.outputs.map((o) => {
    const t = totals(fig.lines.filter((l) => l.line.outputId === o.id));
    const volume = fig.realizedVolumes.get(o.id);
    return {
      code: o.code,
      name: o.name,
      kroCode: o.kroCode,
      kroName: o.kroName,
      activityCode: activities.get(o.activityId)?.code ?? '',
      volumeUnit: o.volumeUnit,
      volumeTarget: fig.volumeTargets.get(o.id) ?? null,
      realizedVolume: volume?.volume ?? 0,
      realizedVolumeEvidence: summarizeProvenance(volume?.records ?? {}),
      ceiling: t.ceiling,
      realized: t.realized,
      evidence: t.evidence,
    };
  });
}

export function satkerBudget(row: DipaRow, fig: DipaFigures): SatkerBudget {
  const t = totals(fig.lines);
  return {
    dipaId: row.dipaId,
    code: row.satkerCode,
    name: row.name,
    organisation: row.organisation,
    closedOn: row.closedOn,
    year: row.year,
    ceiling: t.ceiling,
    blocked: fig.lines.reduce((s, l) => s + l.blocked, 0),
    realized: t.realized,
    absorptionRate: t.absorptionRate,
    evidence: t.evidence,
    byExpenseType: byExpenseType(fig.lines),
    byProgramme: byProgramme(fig),
    byGoal: byGoal(fig.lines),
    outputs: budgetOutputs(fig),
    lines: budgetLines(fig),
  };
}

/**
 * Months 1-12 with spending and the cumulative absorption against the given (current) ceiling,
 * each with the transactions it sums counted by provenance (the month's, and January's to it).
 */
export function byMonth(
  rows: { date: string; amount: number; provenance: string; records: number }[],
  ceiling: number,
): MonthFigure[] {
  const perMonth = new Array<number>(12).fill(0);
  const records = Array.from({ length: 12 }, (): ProvenanceCounts => ({}));
  for (const r of rows) {
    const m = Number(r.date.slice(5, 7)) - 1;
    perMonth[m] += r.amount;
    addProvenanceCount(records[m], r.provenance, r.records);
  }
  let cumulative = 0;
  let cumulativeRecords: ProvenanceCounts = {};
  return perMonth.map((realized, i) => {
    cumulative += realized;
    cumulativeRecords = sumProvenanceCounts([cumulativeRecords, records[i]]);
    return {
      month: i + 1,
      realized,
      cumulativeRealized: cumulative,
      cumulativeAbsorptionRate: percentage(cumulative, ceiling),
      evidence: summarizeProvenance(records[i]),
      cumulativeEvidence: summarizeProvenance(cumulativeRecords),
    };
  });
}
