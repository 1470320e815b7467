import type { RequestContext } from '@kesos/infra';
import { assertCanRead, BadInputError } from '@kesos/infra';
import { ikpaComponentsByYear, ikpaScoresByUnitYear } from '../budget-score/budget-score.loader';
import { toIkpaComponent } from '../budget-score/budget-score.mapper';
import type { IkpaComponent } from '../budget-score/budget-score.type';
import {
  dipaFigures,
  dipaLineFigures,
  dipasByUnitYears,
  type DipaFigures,
  type DipaRow,
  type LineFigure,
} from '../dipa/dipa.loader';
import { realizationByDipaDate } from '../realization/realization.loader';
import type { BudgetTransfer } from '../revision/revision.type';
import { byExpenseType, byMonth, satkerBudget, totals } from '../satker/satker.service';
import type { MonthFigure } from '../satker/satker.type';
import { transfersBySatkerYear } from '../transfer/transfer.loader';
import type { UnitBudget, UnitBudgetYear } from './budget.type';

/** A unit's budget for a year, whose figures the UnitBudget field resolvers load; the unit, analysts and admins. */
export function unitBudget(ctx: RequestContext, unitCode: string, year: number): UnitBudget {
  assertCanRead(ctx.caller, unitCode);
  return { unitCode, year };
}

/** Ceilings and realisation per year and satker over a range of years (at most 50); years without a DIPA are left out. */
export async function budgetHistory(
  ctx: RequestContext,
  unitCode: string,
  fromYear: number,
  toYear: number,
): Promise<UnitBudgetYear[]> {
  assertCanRead(ctx.caller, unitCode);
  if (fromYear > toYear) throw new BadInputError('fromYear', 'fromYear must not be after toYear');
  if (toYear - fromYear > 50) throw new BadInputError('toYear', 'a history covers at most 50 years');
  const dipas = await dipasByUnitYears(ctx).load({ unit: unitCode, from: fromYear, to: toYear });
  const loaded = await dipaFigures(ctx).loadMany(dipas.map((d) => d.dipaId));
  const held = dipas.map((d, i) => {
    const figures = loaded[i];
    if (figures === undefined || figures instanceof Error)
      throw figures ?? new Error(`DIPA ${d.dipaId} has no figures`);
    return { dipa: d, figures };
  });
  const years = [...new Set(dipas.map((d) => d.year))];
  return years.map((year) => {
    const ofYear = held.filter((h) => h.dipa.year === year);
    const lines = ofYear.flatMap((h) => h.figures.lines);
    return {
      year,
      satkers: ofYear.map((h) => satkerBudget(h.dipa, h.figures)),
      ...totals(lines),
      byExpenseType: byExpenseType(lines),
    };
  });
}

/* The UnitBudget fields below are reached only through unitBudget, which checked read access. */

/** The DIPAs the unit's satkers held in the year, with their figures, in satker-code order. */
export async function satkersOfUnitBudget(
  ctx: RequestContext,
  b: UnitBudget,
): Promise<{ dipas: DipaRow[]; figures: DipaFigures[] }> {
  const dipas = await dipasByUnitYears(ctx).load({ unit: b.unitCode, from: b.year, to: b.year });
  const figures = await Promise.all(dipas.map((d) => dipaFigures(ctx).load(d.dipaId)));
  return { dipas, figures };
}

/** Every line of every satker of the unit in the year (not the structure and output volumes, which totals do not need). */
export async function linesOfUnitBudget(ctx: RequestContext, b: UnitBudget): Promise<LineFigure[]> {
  const dipas = await dipasByUnitYears(ctx).load({ unit: b.unitCode, from: b.year, to: b.year });
  return (await Promise.all(dipas.map((d) => dipaLineFigures(ctx).load(d.dipaId)))).flat();
}

/** All satkers together per month, cumulative against the current total ceiling. */
export async function unitBudgetByMonth(ctx: RequestContext, b: UnitBudget): Promise<MonthFigure[]> {
  const { dipas, figures } = await satkersOfUnitBudget(ctx, b);
  const rows = (await realizationByDipaDate(ctx).loadMany(dipas.map((d) => d.dipaId))).flatMap((r) => {
    if (r instanceof Error) throw r;
    return r;
  });
  return byMonth(rows, totals(figures.flatMap((f) => f.lines)).ceiling);
}

/** Transfers into or out of any of the unit's satkers in the year, each once, by date. */
export async function unitBudgetTransfers(ctx: RequestContext, b: UnitBudget): Promise<BudgetTransfer[]> {
  const { dipas } = await satkersOfUnitBudget(ctx, b);
  const lists = await Promise.all(dipas.map((d) => transfersBySatkerYear(ctx).load(`${d.satkerCode}|${d.year}`)));
  const seen = new Map<number, BudgetTransfer>();
  for (const t of lists.flat()) seen.set(t.id, t);
  return [...seen.values()].sort((x, y) => x.date.localeCompare(y.date) || x.id - y.id);
}

/** The year's IKPA components and weights with the unit's scores where recorded. */
export async function unitIkpaComponents(ctx: RequestContext, b: UnitBudget): Promise<IkpaComponent[]> {
  const [components, scores] = await Promise.all([
    ikpaComponentsByYear(ctx).load(b.year),
    ikpaScoresByUnitYear(ctx).load(`${b.unitCode}|${b.year}`),
  ]);
  return components.map((c) =>
    toIkpaComponent(
      c,
      scores.find((s) => s.componentCode === c.code),
    ),
  );
}
