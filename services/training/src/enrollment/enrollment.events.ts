import { enrollmentGraduatedV1, type NewEvent, type Payload } from '@kesos/infra';
import type { TrainingClassEntity } from '../class/class.entity';
import type { ProgrammeEntity } from '../programme/programme.entity';
import type { EnrollmentEntity } from './enrollment.entity';

/** One builder for the mutation and the seed, so that both publish the same payload. */
export function graduatedEvent(
  e: EnrollmentEntity,
  cls: TrainingClassEntity,
  programme: ProgrammeEntity,
  participantCategory: string,
  occurredAt?: string,
): NewEvent<Payload<typeof enrollmentGraduatedV1>> {
  return enrollmentGraduatedV1.event(
    e.unitCode,
    {
      enrollmentId: e.id,
      classId: cls.id,
      programmeCode: programme.code,
      participantCategory,
      year: cls.year,
      predicate: e.predicate!,
      budgetOutputCode: programme.budgetOutputCode,
      indicatorCode: programme.indicatorCode,
      satkerCode: cls.satkerCode,
      date: cls.endDate,
      provenance: e.provenance,
    },
    occurredAt,
  );
}
