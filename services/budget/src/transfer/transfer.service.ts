import { Provenance, type RequestContext } from '@kesos/infra';
import { appendRevision } from '../revision/revision.service';
import { TransferEntity } from './transfer.entity';
import { toBudgetTransfer } from './transfer.mapper';
import type { BudgetTransfer } from '../revision/revision.type';
import { SatkerEntity } from '../satker/satker.entity';
import { lockDipas } from '../dipa/dipa.service';
import type { RecordBudgetTransferInput } from './transfer.input';
import { validateTransfer } from './transfer.input';

/**
 * Records a transfer as one fact linked to the two revisions it consists of (the cut on the
 * giving satker, the addition on the receiving one), all in one transaction, and closes the
 * giving satker when asked. Each side's unit must be writable by the caller.
 */
export async function recordTransfer(ctx: RequestContext, raw: RecordBudgetTransferInput): Promise<BudgetTransfer> {
  const { input, from, to, amount } = validateTransfer(raw);
  return ctx.db.transaction(async ({ manager: m }) => {
    // Both DIPAs first, in one fixed order: the two revisions below would otherwise lock giver
    // then receiver, and two transfers in opposite directions would deadlock.
    await lockDipas(
      m,
      [...(from ? [{ satkerCode: from.satkerCode, field: 'from.' }] : []), { satkerCode: to.satkerCode, field: 'to.' }],
      input.year,
    );
    const cut = from ? await appendRevision(m, ctx.caller, from, 'from.') : null;
    const added = await appendRevision(m, ctx.caller, to, 'to.');
    const satkers = await m.findBy(SatkerEntity, [
      { code: to.satkerCode },
      ...(from ? [{ code: from.satkerCode }] : []),
    ]);
    const unitOf = (code: string) => satkers.find((s) => s.code === code)!.unitCode;
    const row = m.create(TransferEntity, {
      year: input.year,
      fromUnitCode: from ? unitOf(from.satkerCode) : input.fromUnitCode!,
      fromSatkerCode: from?.satkerCode ?? null,
      fromRevisionId: cut?.id ?? null,
      toUnitCode: unitOf(to.satkerCode),
      toSatkerCode: to.satkerCode,
      toRevisionId: added.id,
      amount,
      date: to.date,
      reference: input.reference ?? null,
      description: to.description,
      provenance: Provenance.OPERATIONAL,
    });
    await m.insert(TransferEntity, row);
    if (from && input.closeFromSatker) await m.update(SatkerEntity, { code: from.satkerCode }, { closedOn: to.date });
    return toBudgetTransfer(row, { fromRevisionNumber: cut?.number ?? null, toRevisionNumber: added.number });
  });
}
