import type { NewEvent } from '@kesos/infra';
import type { CertificationAssessmentEntity } from './certification.entity';
import { CertificationResult } from './certification.type';

/** `training.certification.assessed`: a candidate's competency result was recorded (performance counts SK2.1). */
export const CERTIFICATION_ASSESSED = 'training.certification.assessed';

export interface CertificationAssessedV1 {
  assessmentId: number;
  year: number;
  competent: boolean;
  /** Optional addition: lets a consumer count people rather than results when a candidate is re-assessed. */
  candidateId?: number;
  /** Added field (optional): the day the fact became known, YYYY-MM-DD (day of the assessment); performance places it in a quarter. */
  date?: string | null;
}

/** One builder for the mutation and the seed, so that both publish the same payload. */
export function certificationAssessedEvent(a: CertificationAssessmentEntity, occurredAt?: string): NewEvent<CertificationAssessedV1> {
  return {
    type: CERTIFICATION_ASSESSED,
    unit: a.unitCode,
    occurredAt,
    data: { assessmentId: a.id, year: a.year, competent: a.result === CertificationResult.KOMPETEN, candidateId: a.candidateId, date: a.assessedOn },
  };
}
