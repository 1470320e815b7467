import type { NewEvent } from '@kesos/infra';
import type { AlumniMonitoringEntity } from './monitoring.entity';

/** `training.monitoring.assessed`: performance counts graduates with life skills (SK3.1). */
export const MONITORING_ASSESSED = 'training.monitoring.assessed';

export interface MonitoringAssessedV1 {
  monitoringId: number;
  enrollmentId: number;
  year: number;
  hasLifeSkills: boolean;
  /** Added field (optional): programme of the graduate's class, e.g. PPM. */
  programmeCode?: string;
  /** Added field (optional): the day the fact became known, YYYY-MM-DD (day of the monitoring visit); performance places it in a quarter. */
  date?: string | null;
}

export function monitoringAssessedEvent(m: AlumniMonitoringEntity, programmeCode: string, occurredAt?: string): NewEvent<MonitoringAssessedV1> {
  return {
    type: MONITORING_ASSESSED,
    unit: m.unitCode,
    occurredAt,
    data: { monitoringId: m.id, enrollmentId: m.enrollmentId, year: m.year, hasLifeSkills: m.hasLifeSkills, programmeCode, date: m.assessedOn },
  };
}
