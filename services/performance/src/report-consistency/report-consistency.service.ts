import { assertCanRead, countVerdicts, judgeCatalogue, type ReportFigure, type RequestContext } from '@kesos/infra';
import { goalsByUnitYear } from '../performance/performance.loader';
import { surveyByUnitYear } from '../survey/survey.loader';
import { assertYear } from '../unit/unit.service';
import { printedFigures } from './report-consistency.catalogue';
import { performanceDerivations } from './report-consistency.rules';
import type { ReportConsistency, ReportConsistencySummary } from './report-consistency.type';

/** A unit's report for a year; the unit, analysts and admins may read it. */
export function reportConsistency(ctx: RequestContext, unit: string, year: number): ReportConsistency {
  assertYear(year);
  assertCanRead(ctx.caller, unit);
  return { unit, year };
}

/** The performance figures the report prints, each against the value derived from this subgraph's records now. */
export async function performanceFigures(ctx: RequestContext, report: ReportConsistency): Promise<ReportFigure[]> {
  assertCanRead(ctx.caller, report.unit);
  const catalogue = printedFigures(report.unit, report.year);
  if (!catalogue.length) return [];
  const [goals, previousGoals, survey] = await Promise.all([
    goalsByUnitYear(ctx).load({ unit: report.unit, year: report.year }),
    goalsByUnitYear(ctx).load({ unit: report.unit, year: report.year - 1 }),
    surveyByUnitYear(ctx).load({ unit: report.unit, year: report.year }),
  ]);
  return judgeCatalogue(catalogue, performanceDerivations({ year: report.year, goals, previousGoals, survey }));
}

export async function performanceSummary(
  ctx: RequestContext,
  report: ReportConsistency,
): Promise<ReportConsistencySummary> {
  return countVerdicts(await performanceFigures(ctx, report));
}
