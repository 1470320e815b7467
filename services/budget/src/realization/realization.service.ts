import {
  assertCanRead,
  assertCanWrite,
  BadInputError,
  decodeCursor,
  encodeCursor,
  NotFoundError,
  realizationRecordedV1,
  RequestContext,
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
import { RealizationEntity } from './realization.entity';
import { RecordRealizationInput, ReverseRealizationInput, validateRealization } from './realization.input';
import type { Realization, RealizationPage } from './realization.type';

const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;

const toRealization = (
  r: RealizationEntity,
  line: BudgetLineEntity,
  satkerCode: string,
  year: number,
): Realization => ({
  id: r.id,
  satkerCode,
  year,
  lineId: line.id,
  accountCode: line.accountCode,
  date: r.date,
  amount: r.amount,
  documentNumber: r.documentNumber,
  description: r.description,
  reversesId: r.reversesId,
});

/**
 * Records spending on a line. Refused, with nothing written, when the date is outside the fiscal
 * year or the satker's DIPA period, the account is unknown, the line does not exist, or the amount
 * exceeds what the line can still spend (ceiling minus blocked minus spent) until a revision raises it.
 */
export async function recordRealization(ctx: RequestContext, raw: RecordRealizationInput): Promise<Realization> {
  const input = validateRealization(raw);
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
    });
    await m.insert(RealizationEntity, row);
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
      }),
    );
    return toRealization(row, line, satker.code, dipa.year);
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
    });
    await m.insert(RealizationEntity, row);
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
      }),
    );
    return toRealization(row, line, satker.code, dipa.year);
  });
}

/** Transactions of a satker's DIPA in id order, a page at a time (keyset cursor on the id). */
export async function listRealizations(
  ctx: RequestContext,
  satkerCode: string,
  year: number,
  first: number,
  after?: string | null,
): Promise<RealizationPage> {
  if (first < 1 || first > 500) throw new BadInputError('first', 'first must be between 1 and 500');
  const ds = ctx.db.dataSource;
  const satker = await ds.getRepository(SatkerEntity).findOneBy({ code: satkerCode });
  if (!satker) throw new NotFoundError(`satker ${satkerCode} is not recorded`);
  assertCanRead(ctx.caller, satker.unitCode);
  const dipa = await ds.getRepository(DipaEntity).findOneBy({ satkerCode, year });
  if (!dipa) return { items: [], nextCursor: null };
  let afterId = 0;
  if (after) {
    try {
      afterId = Number(decodeCursor(after));
    } catch {
      throw new BadInputError('after', 'invalid cursor; pass nextCursor from the previous page');
    }
  }
  const raw: Record<string, unknown>[] = await ds
    .getRepository(RealizationEntity)
    .createQueryBuilder('r')
    .innerJoin(BudgetLineEntity, 'l', 'l.id = r.lineId')
    .select([
      'r.id AS id',
      'r.lineId AS lineId',
      'l.accountCode AS accountCode',
      'r.date AS date',
      'r.amount AS amount',
      'r.documentNumber AS documentNumber',
      'r.description AS description',
      'r.reversesId AS reversesId',
    ])
    .where('l.dipaId = :dipaId', { dipaId: dipa.id })
    .andWhere('r.id > :afterId', { afterId })
    .orderBy('r.id', 'ASC')
    .limit(first + 1)
    .getRawMany();
  const items: Realization[] = raw.slice(0, first).map((r) => ({
    id: Number(r.id),
    satkerCode,
    year,
    lineId: Number(r.lineId),
    accountCode: String(r.accountCode),
    date: String(r.date).slice(0, 10),
    amount: Number(r.amount),
    documentNumber: String(r.documentNumber),
    description: r.description === null ? null : String(r.description),
    reversesId: r.reversesId === null ? null : Number(r.reversesId),
  }));
  return { items, nextCursor: raw.length > first ? encodeCursor(items[items.length - 1].id) : null };
}
