/** `budget.realization.recorded`: a spending transaction or its reversal was recorded. */
export const REALIZATION_RECORDED = 'budget.realization.recorded';

export interface RealizationRecordedV1 {
  transactionId: number;
  satkerCode: string;
  year: number;
  lineId: number;
  accountCode: string;
  /** Whole rupiah; negative for a reversing entry. */
  amount: number;
  date: string;
  documentNumber: string;
  /** Optional: set on a reversing entry to the transaction it cancels. */
  reversesTransactionId?: number;
}
