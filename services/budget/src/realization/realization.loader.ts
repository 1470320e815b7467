import type { RequestContext } from '@kesos/infra';
import { addProvenanceCount as addCount, groupByKeys, type ProvenanceCounts, rawNumber, rawText } from '@kesos/infra';
import type { DataSource } from 'typeorm';
import { BudgetLineEntity } from '../line/line.entity';
import { RealizationEntity } from './realization.entity';

/** One group of a DIPA's transactions: those of one date and provenance. */
export interface DatedRealization {
  dipaId: number;
  date: string;
  amount: number;
  provenance: string;
  /** The transactions summed (a month's evidence counts them). */
  records: number;
}

/**
 * Realisation per DIPA, calendar date and the transactions' provenance; months are summed in
 * memory so SQL stays portable (MariaDB and SQLite). The provenance is one more GROUP BY column
 * of the same statement, so the monthly figures' evidence costs no statement.
 */
export const realizationByDipaDate = (ctx: RequestContext) =>
  ctx.loaders.get<number, DatedRealization[]>('realizationByDipaDate', async (ids) => {
    const raw: Record<string, unknown>[] = await ctx.db.dataSource
      .getRepository(RealizationEntity)
      .createQueryBuilder('r')
      .innerJoin(BudgetLineEntity, 'l', 'l.id = r.lineId')
      .select([
        'l.dipaId AS dipaId',
        'r.date AS date',
        'r.provenance AS provenance',
        'SUM(r.amount) AS amount',
        'COUNT(*) AS records',
      ])
      .where('l.dipaId IN (:...ids)', { ids: [...ids] })
      .groupBy('l.dipaId')
      .addGroupBy('r.date')
      .addGroupBy('r.provenance')
      .getRawMany();
    const rows = raw.map((r) => ({
      dipaId: rawNumber(r.dipaId),
      date: String(r.date).slice(0, 10),
      amount: rawNumber(r.amount),
      provenance: rawText(r.provenance),
      records: rawNumber(r.records),
    }));
    return groupByKeys(ids, rows, (r) => r.dipaId);
  });

/** The amount realised so far on each line of the given DIPAs, with its transactions counted by provenance, by line id. */
export async function realizedByLine(
  ds: DataSource,
  dipaIds: number[],
): Promise<Map<number, { realized: number; records: ProvenanceCounts }>> {
  const realizedSums: Record<string, unknown>[] = await ds
    .getRepository(RealizationEntity)
    .createQueryBuilder('r')
    .innerJoin(BudgetLineEntity, 'l', 'l.id = r.lineId')
    .select(['r.lineId AS lineId', 'r.provenance AS provenance', 'SUM(r.amount) AS realized', 'COUNT(*) AS records'])
    .where('l.dipaId IN (:...ids)', { ids: dipaIds })
    .groupBy('r.lineId')
    .addGroupBy('r.provenance')
    .getRawMany();
  const byLine = new Map<number, { realized: number; records: ProvenanceCounts }>();
  for (const r of realizedSums) {
    const lineId = rawNumber(r.lineId);
    const sums = byLine.get(lineId) ?? { realized: 0, records: {} };
    sums.realized += rawNumber(r.realized);
    addCount(sums.records, rawText(r.provenance), rawNumber(r.records));
    byLine.set(lineId, sums);
  }
  return byLine;
}
