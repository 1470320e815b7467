import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { AdoptStrategicPlanInput, SetIndicatorTargetInput } from './plan.input';
import { adoptPlan, setTarget } from './plan.service';
import { StrategicPlan } from './plan.type';

@Resolver()
export class PlanResolver {
  @Mutation(() => StrategicPlan, {
    description:
      'Gives a unit the strategic plan (Renstra) of a template unit for the same period: goals, indicators, formulas and targets (admin only)',
  })
  async adoptStrategicPlan(
    @Arg('input', { description: 'Unit, template unit and a year of the plan' }) input: AdoptStrategicPlanInput,
    @Ctx() ctx: RequestContext,
  ): Promise<StrategicPlan> {
    return adoptPlan(ctx, input);
  }

  @Mutation(() => StrategicPlan, {
    description:
      "Sets or replaces an indicator's target for a year of the unit's plan (the unit's operator or an admin); achievements follow at once",
  })
  async setIndicatorTarget(
    @Arg('input', { description: 'The target' }) input: SetIndicatorTargetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<StrategicPlan> {
    return setTarget(ctx, input);
  }
}
