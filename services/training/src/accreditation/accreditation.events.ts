import type { NewEvent } from '@kesos/infra';
import type { AccreditationAssessmentEntity } from './accreditation.entity';
import { AccreditationResult, VALIDITY_YEARS } from './accreditation.type';

/** `training.accreditation.decided`: an LKS was visited and a decision recorded (performance counts SK1.1). */
export const ACCREDITATION_DECIDED = 'training.accreditation.decided';

export interface AccreditationDecidedV1 {
  assessmentId: number;
  institutionId: number;
  year: number;
  /** A, B, C or NOT_ACCREDITED. */
  result: string;
  accredited: boolean;
  /** Added field (optional): the day the fact became known, YYYY-MM-DD (day of the decision); performance places it in a quarter. */
  date?: string | null;
}

/** One builder for the mutation and the seed, so that both publish the same payload. */
export function accreditationDecidedEvent(a: AccreditationAssessmentEntity, occurredAt?: string): NewEvent<AccreditationDecidedV1> {
  return {
    type: ACCREDITATION_DECIDED,
    unit: a.unitCode,
    occurredAt,
    data: { assessmentId: a.id, institutionId: a.institutionId, year: a.year, result: a.result, accredited: VALIDITY_YEARS[a.result as AccreditationResult] != null, date: a.decidedOn },
  };
}
