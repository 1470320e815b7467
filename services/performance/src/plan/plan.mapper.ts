import type { IndicatorTargetEntity, PlanGoalEntity, PlanIndicatorEntity } from './plan.entity';
import type { LoadedPlan } from './plan.loader';
import type { IndicatorTarget, PlanGoal, PlanIndicator, StrategicPlan } from './plan.type';

export function toIndicatorTarget(t: IndicatorTargetEntity): IndicatorTarget {
  return {
    year: t.year,
    target: t.target,
    unitLabel: t.unitLabel,
    volumeTarget: t.volumeTarget,
    provenance: t.provenance,
  };
}

/** An indicator with its targets (of every year the plan holds, in year order). */
export function toPlanIndicator(i: PlanIndicatorEntity, targets: IndicatorTargetEntity[]): PlanIndicator {
  return {
    code: i.code,
    name: i.name,
    nameId: i.nameId,
    measure: i.measure,
    polarity: i.polarity,
    metric: i.metric,
    numeratorDefinition: i.numeratorDefinition,
    denominatorDefinition: i.denominatorDefinition,
    achievementCap: i.achievementCap,
    targets: targets.filter((t) => t.indicatorCode === i.code).map(toIndicatorTarget),
  };
}

export function toPlanGoal(g: PlanGoalEntity, loaded: LoadedPlan): PlanGoal {
  return {
    code: g.code,
    title: g.title,
    titleId: g.titleId,
    indicators: loaded.indicators.filter((i) => i.goalCode === g.code).map((i) => toPlanIndicator(i, loaded.targets)),
  };
}

/** The plan as the API shows it. */
export function toStrategicPlan(loaded: LoadedPlan): StrategicPlan {
  return {
    title: loaded.plan.title,
    fromYear: loaded.plan.fromYear,
    toYear: loaded.plan.toYear,
    goals: loaded.goals.map((g) => toPlanGoal(g, loaded)),
    provenance: loaded.plan.provenance,
  };
}
