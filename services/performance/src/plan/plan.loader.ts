import type { RequestContext } from '@kesos/infra';
import { groupByKeys } from '@kesos/infra';
import { In } from 'typeorm';
import { IndicatorTargetEntity, PlanGoalEntity, PlanIndicatorEntity, StrategicPlanEntity } from './plan.entity';

export interface LoadedPlan {
  plan: StrategicPlanEntity;
  goals: PlanGoalEntity[];
  indicators: PlanIndicatorEntity[];
  targets: IndicatorTargetEntity[];
}

/** Every plan of each unit with its goals, indicators and targets: four queries per batch. */
export const plansByUnit = (ctx: RequestContext) =>
  ctx.loaders.get<string, LoadedPlan[]>('plansByUnit', async (units) => {
    const ds = ctx.db.dataSource;
    const plans = await ds
      .getRepository(StrategicPlanEntity)
      .find({ where: { unitCode: In([...units]) }, order: { fromYear: 'ASC' } });
    const ids = plans.map((p) => p.id);
    const [goals, indicators, targets] = ids.length
      ? await Promise.all([
          ds.getRepository(PlanGoalEntity).find({ where: { planId: In(ids) }, order: { position: 'ASC' } }),
          ds.getRepository(PlanIndicatorEntity).find({ where: { planId: In(ids) }, order: { position: 'ASC' } }),
          ds.getRepository(IndicatorTargetEntity).find({ where: { planId: In(ids) }, order: { year: 'ASC' } }),
        ])
      : [[], [], []];
    const loaded = plans.map((plan) => ({
      plan,
      goals: goals.filter((g) => g.planId === plan.id),
      indicators: indicators.filter((i) => i.planId === plan.id),
      targets: targets.filter((t) => t.planId === plan.id),
    }));
    return groupByKeys(units, loaded, (l) => l.plan.unitCode);
  });

/** The plan that covers a year, if any. */
export async function planFor(ctx: RequestContext, unit: string, year: number): Promise<LoadedPlan | null> {
  return (await plansByUnit(ctx).load(unit)).find((p) => p.plan.fromYear <= year && year <= p.plan.toYear) ?? null;
}
