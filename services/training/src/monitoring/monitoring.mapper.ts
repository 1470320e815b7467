import type { AlumniMonitoringEntity } from './monitoring.entity';
import type { AlumniMonitoring } from './monitoring.type';

export function toAlumniMonitoring(row: AlumniMonitoringEntity): AlumniMonitoring {
  return {
    id: row.id,
    provenance: row.provenance,
    unitCode: row.unitCode,
    year: row.year,
    assessedOn: row.assessedOn,
    marketingImproved: row.marketingImproved,
    permitsObtained: row.permitsObtained,
    quantityImproved: row.quantityImproved,
    qualityImproved: row.qualityImproved,
    hasLifeSkills: row.hasLifeSkills,
    notes: row.notes,
    enrollmentId: row.enrollmentId,
  };
}
