import type { NewEvent } from '@kesos/infra';
import type { ProgrammeEntity } from '../programme/programme.entity';
import type { TrainingClassEntity } from './class.entity';

/** `training.class.closed`: a class ended; performance compares its graduates with its target. */
export const CLASS_CLOSED = 'training.class.closed';

export interface ClassClosedV1 {
  classId: number;
  programmeCode: string;
  year: number;
  targetParticipants: number;
  /** Every enrollment of the class, whatever its final status. */
  participants: number;
  graduates: number;
  indicatorCode: string | null;
  /** Added field (optional): the satker that paid for the class. */
  satkerCode?: string | null;
  /** Added field (optional): the budget output (KRO/RO) of the programme. */
  budgetOutputCode?: string | null;
  /** Added field (optional): the day the fact became known, YYYY-MM-DD (the class's last day); performance places it in a quarter. */
  date?: string | null;
}

export function classClosedEvent(cls: TrainingClassEntity, programme: ProgrammeEntity, participants: number, graduates: number, occurredAt?: string): NewEvent<ClassClosedV1> {
  return {
    type: CLASS_CLOSED,
    unit: cls.unitCode,
    occurredAt,
    data: {
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
    },
  };
}
