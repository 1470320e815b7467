import { defineContract } from './event.contract';
import { field } from './payload.field';

/** Events the budget service publishes (docs/events.md, "budget"). */

/** A spending transaction or its reversal was recorded. */
export const realizationRecordedV1 = defineContract('budget.realization.recorded', 1, {
  transactionId: field.id(),
  satkerCode: field.text(),
  /** The DIPA's fiscal year. */
  year: field.year(),
  lineId: field.id(),
  /** Akun, e.g. 524111. */
  accountCode: field.text(),
  /** Negative for a reversing entry. */
  amount: field.rupiah(),
  date: field.day(),
  /** SP2D/SPM. */
  documentNumber: field.text(),
  /** On a reversing entry: the transaction it cancels. */
  reversesTransactionId: field.id().added(),
  /** Where the record behind the event comes from (OPERATIONAL, REPORTED, RECONSTRUCTED, SYNTHETIC); absent means OPERATIONAL. */
  provenance: field.text().nullable().added(),
});

/** A unit's SMART and IKPA scores for a year were recorded. */
export const performanceScoredV1 = defineContract('budget.performance.scored', 1, {
  year: field.year(),
  smartScore: field.score(),
  ikpaScore: field.score(),
  /** 60% SMART + 40% IKPA, rounded half-up to 2 decimals. */
  budgetPerformanceScore: field.score(),
  /** The figure the unit's own report printed, where it differs from the derived one. */
  publishedBudgetPerformanceScore: field.score().added(),
  /** Where the scores come from (OPERATIONAL, REPORTED, RECONSTRUCTED, SYNTHETIC); absent means OPERATIONAL. */
  provenance: field.text().nullable().added(),
});

export const budgetContracts = [realizationRecordedV1, performanceScoredV1];
