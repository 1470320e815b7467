import type {
  AccreditationAssessmentEntity,
  AccreditationTargetEntity,
  LksInstitutionEntity,
} from './accreditation.entity';
import type { AccreditationAssessment, AccreditationTarget, LksInstitution } from './accreditation.type';

/** Entity to API type, field by field: a field added to either side and not mapped fails to compile. */

export function toLksInstitution(row: LksInstitutionEntity): LksInstitution {
  return {
    id: row.id,
    provenance: row.provenance,
    unitCode: row.unitCode,
    name: row.name,
    kind: row.kind,
    province: row.province,
    regency: row.regency,
  };
}

export function toAccreditationAssessment(row: AccreditationAssessmentEntity): AccreditationAssessment {
  return {
    id: row.id,
    provenance: row.provenance,
    unitCode: row.unitCode,
    year: row.year,
    visitDate: row.visitDate,
    assessorTeam: row.assessorTeam,
    result: row.result,
    decidedOn: row.decidedOn,
    institutionId: row.institutionId,
  };
}

export function toAccreditationTarget(row: AccreditationTargetEntity): AccreditationTarget {
  return { unitCode: row.unitCode, year: row.year, institutions: row.institutions };
}
