import { addProvenanceCount, type ProvenanceCounts, rawNumber, rawText } from '@kesos/infra';
import type { DataSource } from 'typeorm';
import { OutputEntity } from '../line/line.entity';
import { OutputVolumeEntryEntity } from './output.entity';

/** The volume realised so far of each output of the given DIPAs, with its entries counted by provenance, by output id. */
export async function realizedVolumesByOutput(
  ds: DataSource,
  dipaIds: number[],
): Promise<Map<number, { volume: number; records: ProvenanceCounts }>> {
  const volumes: Record<string, unknown>[] = await ds
    .getRepository(OutputVolumeEntryEntity)
    .createQueryBuilder('e')
    .innerJoin(OutputEntity, 'o', 'o.id = e.outputId')
    .select([
      'e.outputId AS outputId',
      'e.provenance AS provenance',
      'SUM(e.quantity) AS volume',
      'COUNT(*) AS records',
    ])
    .where('o.dipaId IN (:...ids)', { ids: dipaIds })
    .groupBy('e.outputId')
    .addGroupBy('e.provenance')
    .getRawMany();
  const byOutput = new Map<number, { volume: number; records: ProvenanceCounts }>();
  for (const v of volumes) {
    const outputId = rawNumber(v.outputId);
    const sums = byOutput.get(outputId) ?? { volume: 0, records: {} };
    sums.volume += rawNumber(v.volume);
    addProvenanceCount(sums.records, rawText(v.provenance), rawNumber(v.records));
    byOutput.set(outputId, sums);
  }
  return byOutput;
}
