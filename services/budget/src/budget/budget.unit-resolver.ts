import { RequestContext, unavailableNote } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { budgetHistory, unitBudget } from './budget.service';
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
    return unitBudget(ctx, unit.code, year);
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
    return budgetHistory(ctx, unit.code, fromYear, toYear);
  }
}
