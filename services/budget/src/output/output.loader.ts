import { addProvenanceCount, type ProvenanceCounts, rawNumber, rawText } from '@kesos/infra';
import type { DataSource } from 'typeorm';
import { OutputEntity } from '../line/line.entity';
import { OutputVolumeRecordEntity } from '../volume/volume.entity';
import { OutputVolumeEntryEntity } from './output.entity';

/**
 * The volume realised so far of each output of the given DIPAs, by output id: graduates, plus the
 * other volume records (accreditation, certification, ATENSI, entries and their reversals), with
 * the records behind it counted by provenance.
 */
export async function realizedVolumesByOutput(
  ds: DataSource,
  dipaIds: number[],
): Promise<Map<number, { volume: number; records: ProvenanceCounts }>> {
  const sums = await Promise.all(
    [OutputVolumeEntryEntity, OutputVolumeRecordEntity].map((entity): Promise<Record<string, unknown>[]> =>
      ds
        .getRepository(entity)
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
        .getRawMany(),
    ),
  );
  const byOutput = new Map<number, { volume: number; records: ProvenanceCounts }>();
  for (const v of sums.flat()) {
    const outputId = rawNumber(v.outputId);
    const entry = byOutput.get(outputId) ?? { volume: 0, records: {} };
    entry.volume += rawNumber(v.volume);
    addProvenanceCount(entry.records, rawText(v.provenance), rawNumber(v.records));
    byOutput.set(outputId, entry);
  }
  return byOutput;
}
