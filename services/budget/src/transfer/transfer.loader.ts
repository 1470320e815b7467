import { type Provenance, rawNumber, rawTextOrNull } from '@kesos/infra';
import type { RequestContext } from '@kesos/infra';
import { RevisionEntity } from '../revision/revision.entity';
import type { BudgetTransfer } from '../revision/revision.type';
import { TransferEntity } from './transfer.entity';
import { toBudgetTransfer } from './transfer.mapper';

/** A transfer row read as raw columns (the drivers return numbers and dates as they like) as the entity. */
function transferRow(r: Record<string, unknown>): TransferEntity {
  return {
    id: rawNumber(r.id),
    year: rawNumber(r.year),
    fromUnitCode: String(r.fromUnitCode),
    fromSatkerCode: rawTextOrNull(r.fromSatkerCode),
    fromRevisionId: r.fromRevisionId === null || r.fromRevisionId === undefined ? null : rawNumber(r.fromRevisionId),
    toUnitCode: String(r.toUnitCode),
    toSatkerCode: String(r.toSatkerCode),
    toRevisionId: rawNumber(r.toRevisionId),
    amount: rawNumber(r.amount),
    date: String(r.date).slice(0, 10),
    reference: rawTextOrNull(r.reference),
    description: String(r.description),
    provenance: String(r.provenance) as Provenance,
  };
}

/** Transfers touching a satker in a year, in or out; key `satkerCode|year`. */
export const transfersBySatkerYear = (ctx: RequestContext) =>
  ctx.loaders.get<string, BudgetTransfer[]>('transfersBySatkerYear', async (keys) => {
    const codes = [...new Set(keys.map((k) => k.split('|')[0]))];
    const years = [...new Set(keys.map((k) => Number(k.split('|')[1])))];
    const raw: Record<string, unknown>[] = await ctx.db.dataSource
      .getRepository(TransferEntity)
      .createQueryBuilder('t')
      .leftJoin(RevisionEntity, 'fr', 'fr.id = t.fromRevisionId')
      .innerJoin(RevisionEntity, 'tr', 'tr.id = t.toRevisionId')
      .select([
        't.id AS id',
        't.year AS year',
        't.fromUnitCode AS fromUnitCode',
        't.fromSatkerCode AS fromSatkerCode',
        't.fromRevisionId AS fromRevisionId',
        'fr.number AS fromRevisionNumber',
        't.toUnitCode AS toUnitCode',
        't.toSatkerCode AS toSatkerCode',
        't.toRevisionId AS toRevisionId',
        'tr.number AS toRevisionNumber',
        't.amount AS amount',
        't.date AS date',
        't.reference AS reference',
        't.description AS description',
        't.provenance AS provenance',
      ])
      .where('t.year IN (:...years)', { years })
      .andWhere('(t.toSatkerCode IN (:...codes) OR t.fromSatkerCode IN (:...codes))', { codes })
      .orderBy('t.date', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getRawMany();
    const transfers: BudgetTransfer[] = raw.map((r) =>
      toBudgetTransfer(transferRow(r), {
        fromRevisionNumber:
          r.fromRevisionNumber === null || r.fromRevisionNumber === undefined ? null : rawNumber(r.fromRevisionNumber),
        toRevisionNumber: rawNumber(r.toRevisionNumber),
      }),
    );
    return keys.map((k) => {
      const [code, year] = k.split('|');
      return transfers.filter((t) => t.year === Number(year) && (t.toSatkerCode === code || t.fromSatkerCode === code));
    });
  });
