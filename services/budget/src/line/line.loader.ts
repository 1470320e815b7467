import { rawNumber } from '@kesos/infra';
import { In, type DataSource } from 'typeorm';
import { RevisionEntity } from '../revision/revision.entity';
import { ActivityEntity, BudgetLineEntity, OutputEntity, OutputTargetEntity, ProgrammeEntity } from './line.entity';

/** The budget lines of the given DIPAs, in id order. */
export function linesOfDipas(ds: DataSource, dipaIds: number[]): Promise<BudgetLineEntity[]> {
  return ds.getRepository(BudgetLineEntity).find({ where: { dipaId: In(dipaIds) }, order: { id: 'ASC' } });
}

/** Programmes, activities and outputs of the given DIPAs, each in code order. */
export async function structureOfDipas(
  ds: DataSource,
  dipaIds: number[],
): Promise<{ programmes: ProgrammeEntity[]; activities: ActivityEntity[]; outputs: OutputEntity[] }> {
  const programmes = await ds
    .getRepository(ProgrammeEntity)
    .find({ where: { dipaId: In(dipaIds) }, order: { code: 'ASC' } });
  const activities = await ds
    .getRepository(ActivityEntity)
    .find({ where: { dipaId: In(dipaIds) }, order: { code: 'ASC' } });
  const outputs = await ds.getRepository(OutputEntity).find({ where: { dipaId: In(dipaIds) }, order: { code: 'ASC' } });
  return { programmes, activities, outputs };
}

/** The latest volume target of each output of the given DIPAs, by output id. */
export async function volumeTargetsByOutput(ds: DataSource, dipaIds: number[]): Promise<Map<number, number>> {
  const targets: Record<string, unknown>[] = await ds
    .getRepository(OutputTargetEntity)
    .createQueryBuilder('t')
    .innerJoin(RevisionEntity, 'v', 'v.id = t.revisionId')
    .select(['t.outputId AS outputId', 't.volumeTarget AS volumeTarget', 'v.number AS number'])
    .where('v.dipaId IN (:...ids)', { ids: dipaIds })
    .orderBy('v.number', 'ASC')
    .getRawMany();
  // Ordered by revision number, so the last write per output is the latest target.
  return new Map(targets.map((t) => [rawNumber(t.outputId), rawNumber(t.volumeTarget)]));
}
