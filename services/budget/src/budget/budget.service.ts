import { assertCanRead, BadInputError, RequestContext } from '@kesos/infra';
import { dipaFigures, dipasByUnitYears } from '../dipa/dipa.loader';
import { byExpenseType, satkerBudget, totals } from '../satker/satker.service';
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
