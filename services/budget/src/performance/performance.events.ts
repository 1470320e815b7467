/** `budget.performance.scored`: a unit's SMART and IKPA scores for a year were recorded. */
export const PERFORMANCE_SCORED = 'budget.performance.scored';

export interface PerformanceScoredV1 {
  year: number;
  smartScore: number;
  ikpaScore: number;
  /** 60% SMART + 40% IKPA, rounded half-up to 2 decimals. */
  budgetPerformanceScore: number;
  /** Optional: the figure the unit's own report printed, where it differs from the derived one. */
  publishedBudgetPerformanceScore?: number;
}
