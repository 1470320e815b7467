import type { BudgetTransfer } from '../revision/revision.type';
import type { TransferEntity } from './transfer.entity';

/** A transfer with the numbers of the revisions it consists of (no cutting revision when the giver is another unit's). */
export function toBudgetTransfer(
  t: TransferEntity,
  revisions: { fromRevisionNumber: number | null; toRevisionNumber: number },
): BudgetTransfer {
  return {
    id: t.id,
    year: t.year,
    fromUnitCode: t.fromUnitCode,
    fromSatkerCode: t.fromSatkerCode,
    fromRevisionNumber: revisions.fromRevisionNumber,
    toSatkerCode: t.toSatkerCode,
    toRevisionNumber: revisions.toRevisionNumber,
    amount: t.amount,
    date: t.date,
    reference: t.reference,
    description: t.description,
    provenance: t.provenance,
  };
}
