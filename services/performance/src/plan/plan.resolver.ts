import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { LoadedPlan, planFor } from './plan.loader';
import { AdoptStrategicPlanInput, SetIndicatorTargetInput } from './plan.input';
import { adoptPlan, setTarget } from './plan.service';
import { Measure, Metric, Polarity, StrategicPlan } from './plan.type';

/** The plan as the API shows it. */
export function toStrategicPlan(loaded: LoadedPlan): StrategicPlan {
  return {
    title: loaded.plan.title,
    fromYear: loaded.plan.fromYear,
    toYear: loaded.plan.toYear,
    goals: loaded.goals.map((g) => ({
      code: g.code,
      title: g.title,
      titleId: g.titleId,
      indicators: loaded.indicators
        .filter((i) => i.goalCode === g.code)
        .map((i) => ({
          code: i.code,
          name: i.name,
          nameId: i.nameId,
          measure: i.measure as Measure,
          polarity: i.polarity as Polarity,
          metric: i.metric as Metric,
          numeratorDefinition: i.numeratorDefinition,
          denominatorDefinition: i.denominatorDefinition,
          achievementCap: i.achievementCap,
          targets: loaded.targets
            .filter((t) => t.indicatorCode === i.code)
            .map(({ year: y, target, unitLabel, volumeTarget }) => ({ year: y, target, unitLabel, volumeTarget })),
        })),
    })),
  };
}

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
    await adoptPlan(ctx, input);
    return toStrategicPlan((await planFor(ctx, input.unitCode, input.year))!);
  }

  @Mutation(() => StrategicPlan, {
    description:
      "Sets or replaces an indicator's target for a year of the unit's plan (the unit's operator or an admin); achievements follow at once",
  })
  async setIndicatorTarget(
    @Arg('input', { description: 'The target' }) input: SetIndicatorTargetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<StrategicPlan> {
    await setTarget(ctx, input);
    return toStrategicPlan((await planFor(ctx, input.unitCode, input.year))!);
  }
}
