import { RequestContext, unavailableNote } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { strategicPlanOf } from './plan.service';
import { StrategicPlan } from './plan.type';

@Resolver(() => Unit)
export class UnitPlanResolver {
  @FieldResolver(() => StrategicPlan, {
    nullable: true,
    description:
      'The strategic plan (Renstra) covering a year, with goals, indicator formulas and targets; readable by the unit, analysts and admins.' +
      unavailableNote('performance'),
  })
  async strategicPlan(
    @Root() unit: Unit,
    @Arg('year', () => Int, { description: 'A year the plan covers' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<StrategicPlan | null> {
    return strategicPlanOf(ctx, unit.code, year);
  }
}
