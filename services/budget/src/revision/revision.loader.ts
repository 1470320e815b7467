import { groupByKeys, RequestContext } from '@kesos/infra';
import { In } from 'typeorm';
import { LineChangeEntity, RevisionEntity, TransferEntity } from './revision.entity';
import type { BudgetRevision, BudgetTransfer, LineChange, RevisionAuthority } from './revision.type';

const num = (v: unknown): number => Number(v ?? 0);

/** Revisions of each DIPA in number order, with the ceiling after each derived from the line changes. */
export const revisionsByDipa = (ctx: RequestContext) =>
  ctx.loaders.get<number, BudgetRevision[]>('revisionsByDipa', async (ids) => {
    const ds = ctx.db.dataSource;
    const revisions = await ds.getRepository(RevisionEntity).find({ where: { dipaId: In([...ids]) }, order: { dipaId: 'ASC', number: 'ASC' } });
    const sums: Record<string, unknown>[] = await ds
      .getRepository(LineChangeEntity)
      .createQueryBuilder('c')
      .innerJoin(RevisionEntity, 'v', 'v.id = c.revisionId')
      .select(['c.revisionId AS revisionId', 'SUM(c.ceilingChange) AS delta'])
      .where('v.dipaId IN (:...ids)', { ids: [...ids] })
      .groupBy('c.revisionId')
      .getRawMany();
    const change = new Map(sums.map((s) => [num(s.revisionId), num(s.delta)]));
    const running = new Map<number, number>();
    const rows = revisions.map((r) => {
      const ceilingAfter = (running.get(r.dipaId) ?? 0) + (change.get(r.id) ?? 0);
      running.set(r.dipaId, ceilingAfter);
      return { dipaId: r.dipaId, id: r.id, number: r.number, authority: r.authority as RevisionAuthority, date: r.date, description: r.description, ceilingChange: change.get(r.id) ?? 0, ceilingAfter };
    });
    return groupByKeys(ids, rows, (r) => r.dipaId);
  });

export const changesByRevision = (ctx: RequestContext) =>
  ctx.loaders.get<number, LineChange[]>('changesByRevision', async (ids) =>
    groupByKeys(ids, await ctx.db.dataSource.getRepository(LineChangeEntity).find({ where: { revisionId: In([...ids]) }, order: { lineId: 'ASC' } }), (c) => c.revisionId),
  );

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
      .select(['t.id AS id', 't.year AS year', 't.fromUnitCode AS fromUnitCode', 't.fromSatkerCode AS fromSatkerCode', 'fr.number AS fromRevisionNumber', 't.toSatkerCode AS toSatkerCode', 'tr.number AS toRevisionNumber', 't.amount AS amount', 't.date AS date', 't.reference AS reference', 't.description AS description'])
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
      fromRevisionNumber: r.fromRevisionNumber === null || r.fromRevisionNumber === undefined ? null : num(r.fromRevisionNumber),
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
