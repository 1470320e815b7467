import { rawNumber } from '@kesos/infra';
import type { DataSource } from 'typeorm';
import { OutputEntity } from '../line/line.entity';
import { OutputVolumeEntryEntity } from './output.entity';

/** The volume realised so far of each output of the given DIPAs, by output id. */
export async function realizedVolumesByOutput(ds: DataSource, dipaIds: number[]): Promise<Map<number, number>> {
  const volumes: Record<string, unknown>[] = await ds
    .getRepository(OutputVolumeEntryEntity)
    .createQueryBuilder('e')
    .innerJoin(OutputEntity, 'o', 'o.id = e.outputId')
    .select(['e.outputId AS outputId', 'SUM(e.quantity) AS volume'])
    .where('o.dipaId IN (:...ids)', { ids: dipaIds })
    .groupBy('e.outputId')
    .getRawMany();
  return new Map(volumes.map((v) => [rawNumber(v.outputId), rawNumber(v.volume)]));
}
