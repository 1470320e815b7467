import { assertCanRead, BadInputError, RequestContext, unavailableNote } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { dipaFigures, dipasByUnitYears } from '../dipa/dipa.loader';
import { byExpenseType, satkerBudget, totals } from '../satker/satker.service';
import { UnitBudget, UnitBudgetYear } from './budget.type';
import { Unit } from '../unit/unit.type';

@Resolver(() => Unit)
export class BudgetUnitResolver {
  @FieldResolver(() => UnitBudget, {
    nullable: true,
    description:
      "The unit's budget for a fiscal year (anggaran); readable by the unit itself, analysts and admins." +
      unavailableNote('budget'),
  })
  budget(
    @Root() unit: Unit,
    @Arg('year', () => Int, { description: 'Fiscal year (tahun anggaran), e.g. 2022' }) year: number,
    @Ctx() ctx: RequestContext,
  ): UnitBudget {
    assertCanRead(ctx.caller, unit.code);
    return { unitCode: unit.code, year };
  }

  @FieldResolver(() => [UnitBudgetYear], {
    nullable: true,
    description:
      'Ceilings and realisation (pagu dan realisasi) per year and satker over a range of years; years without any DIPA are left out.' +
      unavailableNote('budget'),
  })
  async budgetHistory(
    @Root() unit: Unit,
    @Arg('fromYear', () => Int, { description: 'First fiscal year, inclusive' }) fromYear: number,
    @Arg('toYear', () => Int, { description: 'Last fiscal year, inclusive' }) toYear: number,
    @Ctx() ctx: RequestContext,
  ): Promise<UnitBudgetYear[]> {
    assertCanRead(ctx.caller, unit.code);
    if (fromYear > toYear) throw new BadInputError('fromYear', 'fromYear must not be after toYear');
    if (toYear - fromYear > 50) throw new BadInputError('toYear', 'a history covers at most 50 years');
    const dipas = await dipasByUnitYears(ctx).load({ unit: unit.code, from: fromYear, to: toYear });
    const figures = await dipaFigures(ctx).loadMany(dipas.map((d) => d.dipaId));
    const years = [...new Set(dipas.map((d) => d.year))];
    return years.map((year) => {
      const lines = dipas.flatMap((d, i) => {
        const f = figures[i];
        if (f instanceof Error) throw f;
        return d.year === year ? f.lines : [];
      });
      const satkers = dipas
        .map((d, i) => ({ d, f: figures[i] }))
        .filter(({ d }) => d.year === year)
        .map(({ d, f }) => satkerBudget(d, f as Exclude<typeof f, Error>));
      return { year, satkers, ...totals(lines), byExpenseType: byExpenseType(lines) };
    });
  }
}
