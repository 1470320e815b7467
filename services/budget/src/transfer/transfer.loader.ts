import { RequestContext } from '@kesos/infra';
import { RevisionEntity } from '../revision/revision.entity';
import type { BudgetTransfer } from '../revision/revision.type';
import { TransferEntity } from './transfer.entity';

const num = (v: unknown): number => Number(v ?? 0);

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
        'fr.number AS fromRevisionNumber',
        't.toSatkerCode AS toSatkerCode',
        'tr.number AS toRevisionNumber',
        't.amount AS amount',
        't.date AS date',
        't.reference AS reference',
        't.description AS description',
      ])
      .where('t.year IN (:...years)', { years })
      .andWhere('(t.toSatkerCode IN (:...codes) OR t.fromSatkerCode IN (:...codes))', { codes })
      .orderBy('t.date', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getRawMany();
    const transfers: BudgetTransfer[] = raw.map((r) => ({
      id: num(r.id),
      year: num(r.year),
      fromUnitCode: String(r.fromUnitCode),
      fromSatkerCode: r.fromSatkerCode ? String(r.fromSatkerCode) : null,
      fromRevisionNumber:
        r.fromRevisionNumber === null || r.fromRevisionNumber === undefined ? null : num(r.fromRevisionNumber),
      toSatkerCode: String(r.toSatkerCode),
      toRevisionNumber: num(r.toRevisionNumber),
      amount: num(r.amount),
      date: String(r.date).slice(0, 10),
      reference: r.reference ? String(r.reference) : null,
      description: String(r.description),
    }));
    return keys.map((k) => {
      const [code, year] = k.split('|');
      return transfers.filter((t) => t.year === Number(year) && (t.toSatkerCode === code || t.fromSatkerCode === code));
    });
  });
