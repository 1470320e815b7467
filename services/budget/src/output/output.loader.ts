import { rawNumber } from '@kesos/infra';
import type { DataSource } from 'typeorm';
import { OutputEntity } from '../line/line.entity';
import { OutputVolumeRecordEntity } from '../volume/volume.entity';
import { OutputVolumeEntryEntity } from './output.entity';

/**
 * The volume realised so far of each output of the given DIPAs, by output id: graduates, plus the
 * other volume records (accreditation, certification, ATENSI, entries and their reversals).
 */
export async function realizedVolumesByOutput(ds: DataSource, dipaIds: number[]): Promise<Map<number, number>> {
  const sums = await Promise.all(
    [OutputVolumeEntryEntity, OutputVolumeRecordEntity].map((entity): Promise<Record<string, unknown>[]> =>
      ds
        .getRepository(entity)
        .createQueryBuilder('e')
        .innerJoin(OutputEntity, 'o', 'o.id = e.outputId')
        .select(['e.outputId AS outputId', 'SUM(e.quantity) AS volume'])
        .where('o.dipaId IN (:...ids)', { ids: dipaIds })
        .groupBy('e.outputId')
        .getRawMany(),
    ),
  );
  const volumes = new Map<number, number>();
  for (const v of sums.flat())
    volumes.set(rawNumber(v.outputId), (volumes.get(rawNumber(v.outputId)) ?? 0) + rawNumber(v.volume));
  return volumes;
}
