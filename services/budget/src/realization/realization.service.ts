import type { RequestContext } from '@kesos/infra';
import {
  assertCanRead,
  assertCanWrite,
  BadInputError,
  NotFoundError,
  pageWindow,
  Provenance,
  provenanceOfWrite,
  rawNumber,
  rawText,
  realizationRecordedV1,
  toConnection,
  type PageWindow,
} from '@kesos/infra';
import { IsNull } from 'typeorm';
import { AccountEntity } from '../account/account.entity';
import { BudgetLineEntity, OutputEntity } from '../line/line.entity';
import { lineBalances, lockLines } from '../line/line.service';
import { RevisionEntity } from '../revision/revision.entity';
import { validDate } from '../revision/revision.input';
import { SatkerEntity } from '../satker/satker.entity';
import { DipaEntity } from '../dipa/dipa.entity';
import { lockDipa } from '../dipa/dipa.service';
import { applyBudgetStatsDeltas, monthOf } from '../stats/stats.service';
import { RealizationEntity } from './realization.entity';
import type { RecordRealizationInput, ReverseRealizationInput } from './realization.input';
import { validateRealization } from './realization.input';
import { type RealizationRow, toRealization } from './realization.mapper';
import type { Realization, RealizationPage } from './realization.type';

const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;

/**
 * Records spending on a line. Refused, with nothing written, when the date is outside the fiscal
 * year or the satker's DIPA period, the account is unknown, the line does not exist, or the amount
 * exceeds what the line can still spend (ceiling minus blocked minus spent) until a revision raises it.
 */
export async function recordRealization(ctx: RequestContext, raw: RecordRealizationInput): Promise<Realization> {
  const input = validateRealization(raw);
  const provenance = provenanceOfWrite(ctx.caller, input.provenance);
  return ctx.db.transaction(async (tx) => {
    const m = tx.manager;
    const { dipa, satker } = await lockDipa(m, input.satkerCode, input.year);
    assertCanWrite(ctx.caller, satker.unitCode);
    if (!(await m.findOneBy(AccountEntity, { code: input.accountCode }))) {
      throw new BadInputError(
        'accountCode',
        `account ${input.accountCode} is not in the chart of accounts (bagan akun standar)`,
      );
    }
    const initial = await m.findOneBy(RevisionEntity, { dipaId: dipa.id, number: 0 });
    if (!initial || input.date < initial.date)
      throw new BadInputError(
        'date',
        `satker ${satker.code}'s ${input.year} DIPA starts on ${initial?.date ?? '(no DIPA yet)'}; nothing can be spent before it`,
      );
    if (satker.closedOn && input.date > satker.closedOn)
      throw new BadInputError(
        'date',
        `satker ${satker.code} was closed on ${satker.closedOn}; record the spending on its successor`,
      );
    let outputId: number | null = null;
    if (input.outputCode) {
      const output = await m.findOneBy(OutputEntity, { dipaId: dipa.id, code: input.outputCode });
      if (!output)
        throw new BadInputError(
          'outputCode',
          `output ${input.outputCode} is not in satker ${satker.code}'s ${input.year} DIPA`,
        );
      outputId = output.id;
    }
    const line = await m.findOneBy(BudgetLineEntity, {
      dipaId: dipa.id,
      outputId: outputId ?? IsNull(),
      componentCode: input.componentCode ?? IsNull(),
      accountCode: input.accountCode,
    });
    if (!line) {
      const where = [
        input.outputCode && `RO ${input.outputCode}`,
        input.componentCode && `component ${input.componentCode}`,
      ]
        .filter(Boolean)
        .join(' ');
      throw new BadInputError(
        'accountCode',
        `satker ${satker.code}'s ${input.year} DIPA has no line for account ${input.accountCode}${where ? ` under ${where}` : ''}`,
      );
    }
    await lockLines(m, [line.id]);
    const b = (await lineBalances(m, [line.id])).get(line.id)!;
    const available = b.ceiling - b.blocked - b.realized;
    if (input.amount > available) {
      throw new BadInputError(
        'amount',
        `${rp(input.amount)} exceeds what line ${line.id} (account ${line.accountCode}) can still spend: ${rp(available)} (ceiling ${rp(b.ceiling)}, blocked ${rp(b.blocked)}, spent ${rp(b.realized)}); a revision must raise the ceiling first`,
        { available },
      );
    }
    const row = m.create(RealizationEntity, {
      lineId: line.id,
      date: input.date,
      amount: input.amount,
      documentNumber: input.documentNumber,
      description: input.description ?? null,
      reversesId: null,
      provenance,
    });
    await m.insert(RealizationEntity, row);
    await applyBudgetStatsDeltas(m, [
      { lineId: line.id, month: monthOf(row.date), ceiling: 0, realized: row.amount, provenance: row.provenance },
    ]);
    await tx.emit(
      realizationRecordedV1.event(satker.unitCode, {
        transactionId: row.id,
        satkerCode: satker.code,
        year: dipa.year,
        lineId: line.id,
        accountCode: line.accountCode,
        amount: row.amount,
        date: row.date,
        documentNumber: row.documentNumber,
        provenance,
      }),
    );
    return toRealization(row, { satkerCode: satker.code, year: dipa.year, accountCode: line.accountCode });
  });
}

/** Cancels a transaction with a reversing entry of the opposite amount; the original stays as it was. */
export async function reverseRealization(ctx: RequestContext, input: ReverseRealizationInput): Promise<Realization> {
  const id = Number(input.transactionId);
  if (!Number.isSafeInteger(id)) throw new BadInputError('transactionId', 'transaction ids are whole numbers');
  const documentNumber = input.documentNumber.trim();
  if (!documentNumber || documentNumber.length > 60)
    throw new BadInputError('documentNumber', 'The document number is required and at most 60 characters');
  const reason = input.reason.trim();
  if (!reason || reason.length > 500)
    throw new BadInputError('reason', 'The reason is required and at most 500 characters');
  // Where the transaction sits (line, DIPA, satker) never changes, so it is looked up before the
  // transaction; inside it the DIPA lock is the first read, and the reversal check comes after it.
  const ds = ctx.db.dataSource;
  const found = await ds.getRepository(RealizationEntity).findOneBy({ id });
  if (!found) throw new NotFoundError(`transaction ${id} does not exist`);
  const place = await ds
    .getRepository(DipaEntity)
    .createQueryBuilder('d')
    .innerJoin(BudgetLineEntity, 'l', 'l.dipaId = d.id')
    .where('l.id = :lineId', { lineId: found.lineId })
    .getOneOrFail();
  return ctx.db.transaction(async (tx) => {
    const m = tx.manager;
    const { dipa, satker } = await lockDipa(m, place.satkerCode, place.year);
    assertCanWrite(ctx.caller, satker.unitCode);
    const original = await m.findOneByOrFail(RealizationEntity, { id });
    const line = await m.findOneByOrFail(BudgetLineEntity, { id: original.lineId });
    if (original.reversesId !== null)
      throw new BadInputError(
        'transactionId',
        `transaction ${id} is itself a reversal; record the spending again instead`,
      );
    if (await m.findOneBy(RealizationEntity, { reversesId: id }))
      throw new BadInputError('transactionId', `transaction ${id} has already been reversed`);
    const date = validDate('date', input.date, dipa.year);
    if (date < original.date)
      throw new BadInputError(
        'date',
        `a correction cannot be dated before the transaction it cancels (${original.date})`,
      );
    const row = m.create(RealizationEntity, {
      lineId: line.id,
      date,
      amount: -original.amount,
      documentNumber,
      description: reason,
      reversesId: id,
      // A correction is entered at work, whatever the provenance of the record it cancels.
      provenance: Provenance.OPERATIONAL,
    });
    await m.insert(RealizationEntity, row);
    await applyBudgetStatsDeltas(m, [
      { lineId: line.id, month: monthOf(date), ceiling: 0, realized: row.amount, provenance: row.provenance },
    ]);
    await tx.emit(
      realizationRecordedV1.event(satker.unitCode, {
        transactionId: row.id,
        satkerCode: satker.code,
        year: dipa.year,
        lineId: line.id,
        accountCode: line.accountCode,
        amount: row.amount,
        date,
        documentNumber,
        reversesTransactionId: id,
        provenance: row.provenance,
      }),
    );
    return toRealization(row, { satkerCode: satker.code, year: dipa.year, accountCode: line.accountCode });
  });
}

/** The page size of this list: up to 500 transactions, more than the usual 200 (exports read whole years). */
const MAX_PAGE = 500;

/** The window of a page; a bad cursor keeps the message this list always gave. */
function realizationWindow(first: number, after: string | null | undefined): PageWindow {
  try {
    return pageWindow(first, after, MAX_PAGE);
  } catch (err) {
    if (err instanceof BadInputError && err.extensions.field === 'after')
      throw new BadInputError('after', 'invalid cursor; pass nextCursor from the previous page');
    throw err;
  }
}

/** A row of the list query (raw columns, as the drivers return them) as the transaction and its account. */
function listedRow(r: Record<string, unknown>): RealizationRow & { accountCode: string } {
  return {
    id: rawNumber(r.id),
    lineId: rawNumber(r.lineId),
    accountCode: String(r.accountCode),
    date: String(r.date).slice(0, 10),
    amount: rawNumber(r.amount),
    documentNumber: String(r.documentNumber),
    description: r.description === null ? null : rawText(r.description),
    reversesId: r.reversesId === null ? null : rawNumber(r.reversesId),
    provenance: rawText(r.provenance) as Provenance,
  };
}

/**
 * Transactions of a satker's DIPA in id order, a page at a time (keyset cursor on the id); the
 * total is counted with the same filter only when the client selects totalCount.
 */
export async function listRealizations(
  ctx: RequestContext,
  satkerCode: string,
  year: number,
  first: number,
  after?: string | null,
): Promise<RealizationPage> {
  const window = realizationWindow(first, after);
  const ds = ctx.db.dataSource;
  const satker = await ds.getRepository(SatkerEntity).findOneBy({ code: satkerCode });
  if (!satker) throw new NotFoundError(`satker ${satkerCode} is not recorded`);
  assertCanRead(ctx.caller, satker.unitCode);
  const dipa = await ds.getRepository(DipaEntity).findOneBy({ satkerCode, year });
  const map = (r: RealizationRow & { accountCode: string }) =>
    toRealization(r, { satkerCode, year, accountCode: r.accountCode });
  if (!dipa) return toConnection([], window, () => Promise.resolve(0), map);
  const ofDipa = () =>
    ds
      .getRepository(RealizationEntity)
      .createQueryBuilder('r')
      .innerJoin(BudgetLineEntity, 'l', 'l.id = r.lineId')
      .where('l.dipaId = :dipaId', { dipaId: dipa.id });
  const raw: Record<string, unknown>[] = await ofDipa()
    .select([
      'r.id AS id',
      'r.lineId AS lineId',
      'l.accountCode AS accountCode',
      'r.date AS date',
      'r.amount AS amount',
      'r.documentNumber AS documentNumber',
      'r.description AS description',
      'r.reversesId AS reversesId',
      'r.provenance AS provenance',
    ])
    .andWhere('r.id > :afterId', { afterId: window.afterId })
    .orderBy('r.id', 'ASC')
    .limit(window.take + 1)
    .getRawMany();
  return toConnection(raw.map(listedRow), window, () => ofDipa().getCount(), map);
}
