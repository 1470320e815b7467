/** `training.certification.assessed`: a candidate's competency result was recorded (performance counts SK2.1). */
export const CERTIFICATION_ASSESSED = 'training.certification.assessed';

export interface CertificationAssessedV1 {
  assessmentId: number;
  year: number;
  competent: boolean;
  /** Optional addition: lets a consumer count people rather than results when a candidate is re-assessed. */
  candidateId?: number;
}
