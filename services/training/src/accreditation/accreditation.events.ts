import { accreditationDecidedV1, type NewEvent, type Payload } from '@kesos/infra';
import type { AccreditationAssessmentEntity } from './accreditation.entity';
import { VALIDITY_YEARS } from './accreditation.type';

/** One builder for the mutation and the seed, so that both publish the same payload. */
export function accreditationDecidedEvent(
  a: AccreditationAssessmentEntity,
  occurredAt?: string,
): NewEvent<Payload<typeof accreditationDecidedV1>> {
  return accreditationDecidedV1.event(
    a.unitCode,
    {
      assessmentId: a.id,
      institutionId: a.institutionId,
      year: a.year,
      result: a.result,
      accredited: VALIDITY_YEARS[a.result] != null,
      date: a.decidedOn,
      provenance: a.provenance,
    },
    occurredAt,
  );
}
