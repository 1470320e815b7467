import type { NewEvent } from '@kesos/infra';
import type { TrainingClassEntity } from '../class/class.entity';
import type { ProgrammeEntity } from '../programme/programme.entity';
import type { EnrollmentEntity } from './enrollment.entity';

/** `training.enrollment.graduated`: budget counts it towards the RO output volume, performance towards its indicator. */
export const ENROLLMENT_GRADUATED = 'training.enrollment.graduated';

export interface EnrollmentGraduatedV1 {
  enrollmentId: number;
  classId: number;
  programmeCode: string;
  participantCategory: string;
  year: number;
  predicate: string;
  budgetOutputCode: string | null;
  indicatorCode: string | null;
  /** Added field (optional): the satker that paid for the class, e.g. 690552 or 369283. */
  satkerCode?: string | null;
  /** Added field (optional): the day the fact became known, YYYY-MM-DD (the class's last day, when the training was completed); performance places it in a quarter. */
  date?: string | null;
}

/** One builder for the mutation and the seed, so that both publish the same payload. */
export function graduatedEvent(e: EnrollmentEntity, cls: TrainingClassEntity, programme: ProgrammeEntity, participantCategory: string, occurredAt?: string): NewEvent<EnrollmentGraduatedV1> {
  return {
    type: ENROLLMENT_GRADUATED,
    unit: e.unitCode,
    occurredAt,
    data: {
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
    },
  };
}
