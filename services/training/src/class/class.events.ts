import { classClosedV1, type NewEvent, type Payload } from '@kesos/infra';
import type { ProgrammeEntity } from '../programme/programme.entity';
import type { TrainingClassEntity } from './class.entity';

export function classClosedEvent(
  cls: TrainingClassEntity,
  programme: ProgrammeEntity,
  participants: number,
  graduates: number,
  occurredAt?: string,
): NewEvent<Payload<typeof classClosedV1>> {
  return classClosedV1.event(
    cls.unitCode,
    {
      classId: cls.id,
      programmeCode: programme.code,
      year: cls.year,
      targetParticipants: cls.targetParticipants,
      participants,
      graduates,
      indicatorCode: programme.indicatorCode,
      satkerCode: cls.satkerCode,
      budgetOutputCode: programme.budgetOutputCode,
      date: cls.endDate,
      provenance: cls.provenance,
    },
    occurredAt,
  );
}
