import { monitoringAssessedV1, type NewEvent, type Payload } from '@kesos/infra';
import type { AlumniMonitoringEntity } from './monitoring.entity';

export function monitoringAssessedEvent(
  m: AlumniMonitoringEntity,
  programmeCode: string,
  occurredAt?: string,
): NewEvent<Payload<typeof monitoringAssessedV1>> {
  return monitoringAssessedV1.event(
    m.unitCode,
    {
      monitoringId: m.id,
      enrollmentId: m.enrollmentId,
      year: m.year,
      hasLifeSkills: m.hasLifeSkills,
      programmeCode,
      date: m.assessedOn,
      provenance: m.provenance,
    },
    occurredAt,
  );
}
