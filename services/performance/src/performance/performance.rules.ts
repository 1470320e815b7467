/** How achievements are derived from targets, realisations and counters: pure rules, no I/O. */
import {
  mergeProvenance,
  percentage,
  PROVENANCE_ORDER,
  type ProvenanceSummary,
  roundHalfUp,
  summarizeProvenance,
} from '@kesos/infra';
import type { PlanGoalEntity } from '../plan/plan.entity';
import { Metric, Polarity } from '../plan/plan.type';
import { FACT_COUNT_COLUMNS, type PublishedFigureEntity } from '../realization/realization.entity';
import type { Goal, IndicatorInputs, IndicatorResult, QuarterResult } from './performance.type';
import { RealizationSource } from './performance.type';

export type { IndicatorInputs } from './performance.type';

const RATIO_METRICS = new Set<string>([
  Metric.ACCREDITATION,
  Metric.CERTIFICATION,
  Metric.LIFE_SKILLS,
  Metric.ATENSI,
  Metric.FACILITATOR_TRAINING,
]);

/**
 * Achievement of a realisation against a target, both already rounded to 2 decimals.
 * Positive polarity: R / T x 100; negative: (1 + (1 - R / T)) x 100 = (2T - R) / T x 100.
 */
export function achievementOf(
  realization: number | null,
  target: number | null,
  polarity: Polarity,
  cap: number | null,
): number | null {
  if (realization === null || target === null || target === 0) return null;
  const raw =
    polarity === Polarity.HIGHER_IS_BETTER ? (realization * 100) / target : ((2 * target - realization) * 100) / target;
  const value = roundHalfUp(raw, 2);
  return cap !== null ? Math.min(value, cap) : value;
}

/** Mean of the indicators' achievements that exist, rounded half-up to 2 decimals. */
export function goalAchievement(achievements: (number | null)[]): number | null {
  const present = achievements.filter((a): a is number => a !== null);
  if (!present.length) return null;
  return roundHalfUp(present.reduce((a, b) => a + b, 0) / present.length, 2);
}

export interface QuarterCount {
  quarter: number;
  numerator: number;
  denominator: number;
  facts: number;
}

interface Derived {
  realization: number;
  numerator: number | null;
  denominator: number | null;
}

/**
 * Records win over typing: a ratio is derived once any fact exists for the year (SK2.2 falls back
 * to the entered volume target for its denominator while no closed class carries one); a score
 * or index is derived when the budget or survey produced one. Otherwise an entered value counts.
 */
export function derive(i: IndicatorInputs): Derived | null {
  const metric = i.indicator.metric;
  if (RATIO_METRICS.has(metric) && i.counter && i.counter.facts > 0) {
    const denominator =
      i.counter.denominator > 0
        ? i.counter.denominator
        : metric === Metric.FACILITATOR_TRAINING
          ? (i.target?.volumeTarget ?? 0)
          : 0;
    const realization = percentage(i.counter.numerator, denominator);
    return realization === null ? null : { realization, numerator: i.counter.numerator, denominator };
  }
  if (metric === Metric.BUDGET_PERFORMANCE && i.counter?.value != null)
    return { realization: roundHalfUp(i.counter.value, 2), numerator: null, denominator: null };
  if (metric === Metric.SATISFACTION_SURVEY && i.surveyIndex !== null)
    return { realization: i.surveyIndex, numerator: null, denominator: null };
  return null;
}

/**
 * The indicator as it stood at the end of each quarter: the quarters' counters (facts of the
 * indicator's metric per quarter, not cumulative; facts without a quarter are left out) added up,
 * then derived like the year.
 */
export function quarterResults(i: IndicatorInputs, quarterly: QuarterCount[]): QuarterResult[] {
  const target = i.target?.target ?? null;
  const polarity = i.indicator.polarity;
  if (!RATIO_METRICS.has(i.indicator.metric) || !quarterly.length) return [];
  const sum = { numerator: 0, denominator: 0, facts: 0 };
  return [1, 2, 3, 4].map((quarter) => {
    for (const q of quarterly.filter((x) => x.quarter === quarter)) {
      sum.numerator += q.numerator;
      sum.denominator += q.denominator;
      sum.facts += q.facts;
    }
    const counter = {
      unitCode: '',
      year: 0,
      metric: i.indicator.metric,
      value: null,
      ...sum,
      operationalFacts: 0,
      reportedFacts: 0,
      reconstructedFacts: 0,
      syntheticFacts: 0,
    };
    const derived = derive({ ...i, counter });
    return {
      quarter,
      numerator: sum.numerator,
      denominator: derived?.denominator ?? sum.denominator,
      realization: derived?.realization ?? null,
      achievement: achievementOf(derived?.realization ?? null, target, polarity, i.indicator.achievementCap),
    };
  });
}

/** The records a realisation rests on: the counted facts, the answer sheets or the entry it came from. */
export function indicatorEvidence(i: IndicatorInputs, derived: boolean, entered: boolean): ProvenanceSummary {
  if (derived && i.indicator.metric === Metric.SATISFACTION_SURVEY && i.surveyEvidence) return i.surveyEvidence;
  if (derived && i.counter)
    return summarizeProvenance(
      Object.fromEntries(PROVENANCE_ORDER.map((p) => [p, i.counter?.[FACT_COUNT_COLUMNS[p]] ?? 0])),
    );
  if (entered && i.entry) return summarizeProvenance({ [i.entry.provenance]: 1 });
  return summarizeProvenance({});
}

/** An indicator's figures for the year; its quarters are left to IndicatorResult.quarters, read when selected. */
export function indicatorResult(unitCode: string, year: number, i: IndicatorInputs): IndicatorResult {
  const derived = derive(i);
  const entry = derived ? null : i.entry;
  const realization = derived?.realization ?? entry?.value ?? null;
  const target = i.target?.target ?? null;
  const polarity = i.indicator.polarity;
  const achievement = achievementOf(realization, target, polarity, i.indicator.achievementCap);
  const p = i.published;
  return {
    code: i.indicator.code,
    name: i.indicator.name,
    nameId: i.indicator.nameId,
    measure: i.indicator.measure,
    polarity,
    metric: i.indicator.metric,
    target,
    unitLabel: i.target?.unitLabel ?? null,
    numerator: derived?.numerator ?? null,
    denominator: derived?.denominator ?? null,
    realization,
    realizationSource: derived ? RealizationSource.DERIVED : entry ? RealizationSource.ENTERED : RealizationSource.NONE,
    enteredBy: entry?.enteredBy ?? null,
    enteredAt: entry ? new Date(entry.enteredAt).toISOString() : null,
    entryNote: entry?.note ?? null,
    achievement,
    publishedTarget: p?.target ?? null,
    publishedRealization: p?.realization ?? null,
    publishedAchievement: p?.achievement ?? null,
    publishedNote: p?.note ?? null,
    matchesPublished: p ? p.realization === realization && p.achievement === achievement : null,
    evidence: indicatorEvidence(i, derived !== null, entry !== null),
    unitCode,
    year,
    inputs: i,
  };
}

export function goalResult(
  unitCode: string,
  year: number,
  goal: PlanGoalEntity,
  indicators: IndicatorResult[],
  published: PublishedFigureEntity | null,
): Goal {
  return {
    unitCode,
    year,
    code: goal.code,
    title: goal.title,
    titleId: goal.titleId,
    achievement: goalAchievement(indicators.map((x) => x.achievement)),
    publishedAchievement: published?.achievement ?? null,
    publishedNote: published?.note ?? null,
    indicators,
    evidence: mergeProvenance(indicators.map((x) => x.evidence)),
  };
}
