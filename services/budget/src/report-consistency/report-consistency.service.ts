import { assertCanRead, judgeCatalogue, type ReportFigure, type RequestContext } from '@kesos/infra';
import { budgetHistory, satkersOfUnitBudget, unitBudgetTransfers } from '../budget/budget.service';
import { performanceByUnitYear } from '../budget-score/budget-score.loader';
import { revisionsByDipa } from '../revision/revision.loader';
import { printedFigures } from './report-consistency.catalogue';
import { budgetDerivations } from './report-consistency.rules';
import type { ReportConsistency } from './report-consistency.type';

/** Years of the five-year budget table (matrik perbandingan anggaran dan realisasi) up to the report's. */
const HISTORY_YEARS = 5;

/** The budget figures the report prints, each against the value derived from this subgraph's records now. */
export async function budgetFigures(ctx: RequestContext, report: ReportConsistency): Promise<ReportFigure[]> {
  assertCanRead(ctx.caller, report.unit);
  const catalogue = printedFigures(report.unit, report.year);
  if (!catalogue.length) return [];
  const b = { unitCode: report.unit, year: report.year };
  const [{ dipas, figures }, transfers, history, score] = await Promise.all([
    satkersOfUnitBudget(ctx, b),
    unitBudgetTransfers(ctx, b),
    budgetHistory(ctx, report.unit, report.year - HISTORY_YEARS + 1, report.year),
    performanceByUnitYear(ctx).load(`${report.unit}|${report.year}`),
  ]);
  const revisions = await Promise.all(dipas.map((d) => revisionsByDipa(ctx).load(d.dipaId)));
  const satkers = dipas.map((d, i) => ({
    code: d.satkerCode,
    figures: figures[i],
    revisions: revisions[i],
    transferredOut: transfers.filter((t) => t.fromSatkerCode === d.satkerCode).reduce((s, t) => s + t.amount, 0),
  }));
  return judgeCatalogue(
    catalogue,
    budgetDerivations({
      year: report.year,
      satkers,
      history,
      smartScore: score?.smartScore ?? null,
      ikpaScore: score?.ikpaScore ?? null,
    }),
  );
}
