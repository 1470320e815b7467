import { consumerOf, type ContractEvent, enrollmentGraduatedV1, type Payload, provenanceOfEvent } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { OutputEntity } from '../line/line.entity';
import { SatkerEntity } from '../satker/satker.entity';
import { DipaEntity } from '../dipa/dipa.entity';
import { OutputVolumeEntryEntity } from './output.entity';

/**
 * Each graduate counts once towards the realised volume of the RO the training names, in the
 * satker that paid for the class when the event says which; otherwise, where several satkers of
 * the unit hold the RO in that year, the open one (or the latest) receives it.
 * Graduates of trainings without a budget output, or naming an RO this unit has no DIPA line for,
 * change nothing: they are not budget outputs of this service. A graduation breaking its contract
 * (no unit, no enrollment id, no year) never reaches here: startConsumers dead-letters it.
 */
export async function applyGraduation(
  event: ContractEvent<Payload<typeof enrollmentGraduatedV1>>,
  manager: EntityManager,
): Promise<void> {
  const data = event.data;
  if (!data.budgetOutputCode) return;
  const provenance = provenanceOfEvent(data.provenance);
  const outputs: { id: number | string; closedOn: string | null; dipaId: number | string }[] = await manager
    .createQueryBuilder(OutputEntity, 'o')
    .innerJoin(DipaEntity, 'd', 'd.id = o.dipaId')
    .innerJoin(SatkerEntity, 's', 's.code = d.satkerCode')
    .select(['o.id AS id', 's.closedOn AS closedOn', 'd.id AS dipaId'])
    .where('o.code = :code AND d.year = :year AND s.unitCode = :unit', {
      code: data.budgetOutputCode,
      year: data.year,
      unit: event.unit,
    })
    .andWhere(data.satkerCode ? 's.code = :satker' : '1 = 1', { satker: data.satkerCode })
    .getRawMany();
  if (!outputs.length) return;
  const target = [...outputs].sort(
    (a, b) => Number(a.closedOn !== null) - Number(b.closedOn !== null) || Number(b.dipaId) - Number(a.dipaId),
  )[0];
  const enrollmentId = String(data.enrollmentId);
  if (await manager.findOneBy(OutputVolumeEntryEntity, { outputId: Number(target.id), enrollmentId })) return;
  await manager.insert(OutputVolumeEntryEntity, {
    outputId: Number(target.id),
    enrollmentId,
    sourceEventId: event.id,
    quantity: 1,
    provenance,
  });
}

export const graduationConsumer = consumerOf(enrollmentGraduatedV1, 'output-volume', applyGraduation);
