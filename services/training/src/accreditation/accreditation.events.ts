/** `training.accreditation.decided`: an LKS was visited and a decision recorded (performance counts SK1.1). */
export const ACCREDITATION_DECIDED = 'training.accreditation.decided';

export interface AccreditationDecidedV1 {
  assessmentId: number;
  institutionId: number;
  year: number;
  /** A, B, C or NOT_ACCREDITED. */
  result: string;
  accredited: boolean;
}
