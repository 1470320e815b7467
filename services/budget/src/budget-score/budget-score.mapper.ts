import type { BudgetPerformanceEntity, IkpaComponentEntity, IkpaScoreEntity } from './budget-score.entity';
import type { BudgetPerformance, IkpaComponent } from './budget-score.type';

/** A year's record with its derived score (60% SMART + 40% IKPA, computed by the service). */
export function toBudgetPerformance(p: BudgetPerformanceEntity, derivedScore: number | null): BudgetPerformance {
  return {
    unitCode: p.unitCode,
    year: p.year,
    smartScore: p.smartScore,
    ikpaScore: p.ikpaScore,
    budgetPerformanceScore: derivedScore,
    publishedBudgetPerformanceScore: p.publishedScore,
    provenance: p.provenance,
  };
}

/** A component of the year with the unit's score on it, when one was recorded. */
export function toIkpaComponent(c: IkpaComponentEntity, score: IkpaScoreEntity | undefined): IkpaComponent {
  return {
    code: c.code,
    name: c.name,
    weight: c.weight,
    score: score?.score ?? null,
    provenance: score?.provenance ?? null,
  };
}
