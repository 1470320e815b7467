import type {
  CertificationAssessmentEntity,
  CertificationCandidateEntity,
  CertificationSessionEntity,
} from './certification.entity';
import type { CertificationAssessment, CertificationCandidate, CertificationSession } from './certification.type';

/** Entity to API type, field by field: a field added to either side and not mapped fails to compile. */

export function toCertificationCandidate(row: CertificationCandidateEntity): CertificationCandidate {
  return {
    id: row.id,
    provenance: row.provenance,
    unitCode: row.unitCode,
    year: row.year,
    name: row.name,
    category: row.category,
    originProvince: row.originProvince,
    originRegency: row.originRegency,
  };
}

export function toCertificationSession(row: CertificationSessionEntity): CertificationSession {
  return {
    id: row.id,
    provenance: row.provenance,
    unitCode: row.unitCode,
    year: row.year,
    name: row.name,
    province: row.province,
    regency: row.regency,
    startDate: row.startDate,
    endDate: row.endDate,
  };
}

export function toCertificationAssessment(row: CertificationAssessmentEntity): CertificationAssessment {
  return {
    id: row.id,
    provenance: row.provenance,
    unitCode: row.unitCode,
    year: row.year,
    result: row.result,
    assessedOn: row.assessedOn,
    sessionId: row.sessionId,
    candidateId: row.candidateId,
  };
}
