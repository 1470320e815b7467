import { ConsumerSpec, DomainEvent, EventContractError } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { OutputEntity } from '../line/line.entity';
import { DipaEntity, SatkerEntity } from '../satker/satker.entity';
import { OutputVolumeEntryEntity } from './output.entity';

/** Payload of `training.enrollment.graduated` v1 (owned by training; see docs/events.md). */
interface EnrollmentGraduatedV1 {
  enrollmentId: string | number;
  classId?: string | number;
  programmeCode?: string;
  participantCategory?: string;
  year: number;
  predicate?: string;
  budgetOutputCode?: string | null;
  indicatorCode?: string | null;
  /** Added by training, optional: the satker that paid for the class. */
  satkerCode?: string | null;
}

/**
 * Each graduate counts once towards the realised volume of the RO the training names, in the
 * satker that paid for the class when the event says which; otherwise, where several satkers of
 * the unit hold the RO in that year, the open one (or the latest) receives it.
 * Graduates of trainings without a budget output, or naming an RO this unit has no DIPA line for,
 * change nothing: they are not budget outputs of this service. A graduation naming an RO that
 * cannot be counted (no unit, no enrollment id, no year) is refused, as performance refuses its
 * payloads: dead-lettered, not guessed.
 */
export async function applyGraduation(event: DomainEvent, manager: EntityManager): Promise<void> {
  const data = (event.data ?? {}) as Partial<EnrollmentGraduatedV1>;
  if (!data.budgetOutputCode) return;
  if (typeof data.budgetOutputCode !== 'string') throw new EventContractError('payload field budgetOutputCode must be a string');
  if (!event.unit) throw new EventContractError(`${event.type} ${event.id} names no unit`);
  if ((typeof data.enrollmentId !== 'string' && typeof data.enrollmentId !== 'number') || data.enrollmentId === '') throw new EventContractError('payload field enrollmentId is missing');
  if (!Number.isInteger(data.year)) throw new EventContractError(`payload field year must be a year, got ${String(data.year)}`);
  const outputs: { id: number; closedOn: string | null; dipaId: number }[] = await manager
    .createQueryBuilder(OutputEntity, 'o')
    .innerJoin(DipaEntity, 'd', 'd.id = o.dipaId')
    .innerJoin(SatkerEntity, 's', 's.code = d.satkerCode')
    .select(['o.id AS id', 's.closedOn AS closedOn', 'd.id AS dipaId'])
    .where('o.code = :code AND d.year = :year AND s.unitCode = :unit', { code: data.budgetOutputCode, year: data.year, unit: event.unit })
    .andWhere(data.satkerCode ? 's.code = :satker' : '1 = 1', { satker: data.satkerCode })
    .getRawMany();
  if (!outputs.length) return;
  const target = [...outputs].sort((a, b) => Number(a.closedOn !== null) - Number(b.closedOn !== null) || Number(b.dipaId) - Number(a.dipaId))[0];
  const enrollmentId = String(data.enrollmentId);
  if (await manager.findOneBy(OutputVolumeEntryEntity, { outputId: Number(target.id), enrollmentId })) return;
  await manager.insert(OutputVolumeEntryEntity, { outputId: Number(target.id), enrollmentId, sourceEventId: event.id, quantity: 1 });
}

export const graduationConsumer: ConsumerSpec = {
  name: 'output-volume',
  subject: 'training.enrollment.graduated',
  versions: [1],
  handle: applyGraduation,
};
