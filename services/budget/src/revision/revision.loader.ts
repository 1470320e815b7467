import type { RequestContext } from '@kesos/infra';
import { addProvenanceCount as addCount, groupByKeys, type ProvenanceCounts, rawNumber, rawText } from '@kesos/infra';
import { In, type DataSource } from 'typeorm';
import { BudgetLineEntity } from '../line/line.entity';
import { LineChangeEntity, RevisionEntity } from './revision.entity';
import { toBudgetRevision, toLineChange } from './revision.mapper';
import type { BudgetRevision, LineChange } from './revision.type';

/** Revisions of each DIPA in number order, with the ceiling after each derived from the line changes. */
export const revisionsByDipa = (ctx: RequestContext) =>
  ctx.loaders.get<number, BudgetRevision[]>('revisionsByDipa', async (ids) => {
    const ds = ctx.db.dataSource;
    const revisions = await ds
      .getRepository(RevisionEntity)
      .find({ where: { dipaId: In([...ids]) }, order: { dipaId: 'ASC', number: 'ASC' } });
    const sums: Record<string, unknown>[] = await ds
      .getRepository(LineChangeEntity)
      .createQueryBuilder('c')
      .innerJoin(RevisionEntity, 'v', 'v.id = c.revisionId')
      .select(['c.revisionId AS revisionId', 'SUM(c.ceilingChange) AS delta'])
      .where('v.dipaId IN (:...ids)', { ids: [...ids] })
      .groupBy('c.revisionId')
      .getRawMany();
    const change = new Map(sums.map((s) => [rawNumber(s.revisionId), rawNumber(s.delta)]));
    const running = new Map<number, number>();
    const rows = revisions.map((r) => {
      const ceilingAfter = (running.get(r.dipaId) ?? 0) + (change.get(r.id) ?? 0);
      running.set(r.dipaId, ceilingAfter);
      return {
        dipaId: r.dipaId,
        revision: toBudgetRevision(r, { ceilingChange: change.get(r.id) ?? 0, ceilingAfter }),
      };
    });
    return groupByKeys(ids, rows, (r) => r.dipaId).map((list) => list.map((r) => r.revision));
  });

export const changesByRevision = (ctx: RequestContext) =>
  ctx.loaders.get<number, LineChange[]>('changesByRevision', async (ids) =>
    groupByKeys(
      ids,
      await ctx.db.dataSource
        .getRepository(LineChangeEntity)
        .find({ where: { revisionId: In([...ids]) }, order: { lineId: 'ASC' } }),
      (c) => c.revisionId,
    ).map((list) => list.map(toLineChange)),
  );

/** The ceiling and blocked amount of each line of the given DIPAs, summed over its changes, with the changes counted by provenance. */
export async function ceilingChangesByLine(
  ds: DataSource,
  dipaIds: number[],
): Promise<Map<number, { ceiling: number; blocked: number; records: ProvenanceCounts }>> {
  const changeSums: Record<string, unknown>[] = await ds
    .getRepository(LineChangeEntity)
    .createQueryBuilder('c')
    .innerJoin(BudgetLineEntity, 'l', 'l.id = c.lineId')
    .select([
      'c.lineId AS lineId',
      'c.provenance AS provenance',
      'SUM(c.ceilingChange) AS ceiling',
      'SUM(c.blockedChange) AS blocked',
      'COUNT(*) AS records',
    ])
    .where('l.dipaId IN (:...ids)', { ids: dipaIds })
    .groupBy('c.lineId')
    .addGroupBy('c.provenance')
    .getRawMany();
  const byLine = new Map<number, { ceiling: number; blocked: number; records: ProvenanceCounts }>();
  for (const c of changeSums) {
    const lineId = rawNumber(c.lineId);
    const sums = byLine.get(lineId) ?? { ceiling: 0, blocked: 0, records: {} };
    sums.ceiling += rawNumber(c.ceiling);
    sums.blocked += rawNumber(c.blocked);
    addCount(sums.records, rawText(c.provenance), rawNumber(c.records));
    byLine.set(lineId, sums);
  }
  return byLine;
}
