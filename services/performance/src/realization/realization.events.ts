/** Payloads (version 1) this service consumes; see docs/events.md. */
export const ACCREDITATION_DECIDED = 'training.accreditation.decided';
export const CERTIFICATION_ASSESSED = 'training.certification.assessed';
export const ENROLLMENT_GRADUATED = 'training.enrollment.graduated';
export const CLASS_CLOSED = 'training.class.closed';
export const MONITORING_ASSESSED = 'training.monitoring.assessed';
export const ATENSI_CASE_CLOSED = 'training.atensi.case-closed';
export const BUDGET_PERFORMANCE_SCORED = 'budget.performance.scored';

/**
 * Added field (optional) of every training payload: the day the fact became known, YYYY-MM-DD;
 * it places the fact in a quarter of its year (see quarterOf).
 */
export interface Dated {
  date?: string | null;
}

export interface AccreditationDecidedV1 extends Dated {
  assessmentId: string | number;
  institutionId: string | number;
  year: number;
  result: string;
  accredited: boolean;
}

export interface CertificationAssessedV1 extends Dated {
  assessmentId: string | number;
  year: number;
  competent: boolean;
  /** Added field (optional): the person assessed; SK2.1 counts people, not assessments. */
  candidateId?: string | number | null;
}

export interface EnrollmentGraduatedV1 extends Dated {
  enrollmentId: string | number;
  classId: string | number;
  programmeCode: string;
  participantCategory: string;
  year: number;
  predicate: string;
  budgetOutputCode: string | null;
  indicatorCode: string | null;
}

export interface ClassClosedV1 extends Dated {
  classId: string | number;
  programmeCode: string;
  year: number;
  targetParticipants: number;
  participants: number;
  graduates: number;
  indicatorCode: string | null;
}

export interface MonitoringAssessedV1 extends Dated {
  monitoringId: string | number;
  enrollmentId: string | number;
  year: number;
  hasLifeSkills: boolean;
}

export interface AtensiCaseClosedV1 extends Dated {
  caseId: string | number;
  year: number;
  serviceType: string;
  peopleServed: number;
  served: boolean;
}

export interface BudgetPerformanceScoredV1 {
  year: number;
  smartScore: number;
  ikpaScore: number;
  budgetPerformanceScore: number;
}
