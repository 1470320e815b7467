import { assertCanRead, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { planFor } from './plan.loader';
import { Measure, Metric, Polarity, StrategicPlan } from './plan.type';

@Resolver(() => Unit)
export class UnitPlanResolver {
  @FieldResolver(() => StrategicPlan, { nullable: true, description: 'The strategic plan (Renstra) covering a year, with goals, indicator formulas and targets; readable by the unit, analysts and admins' })
  async strategicPlan(@Root() unit: Unit, @Arg('year', () => Int, { description: 'A year the plan covers' }) year: number, @Ctx() ctx: RequestContext): Promise<StrategicPlan | null> {
    assertCanRead(ctx.caller, unit.code);
    const loaded = await planFor(ctx, unit.code, year);
    if (!loaded) return null;
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
            targets: loaded.targets.filter((t) => t.indicatorCode === i.code).map(({ year: y, target, unitLabel, volumeTarget }) => ({ year: y, target, unitLabel, volumeTarget })),
          })),
      })),
    };
  }
}
