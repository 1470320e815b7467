import { certificationAssessedV1, type NewEvent, type Payload } from '@kesos/infra';
import type { CertificationAssessmentEntity } from './certification.entity';
import { CertificationResult } from './certification.type';

/** One builder for the mutation and the seed, so that both publish the same payload. */
export function certificationAssessedEvent(
  a: CertificationAssessmentEntity,
  occurredAt?: string,
): NewEvent<Payload<typeof certificationAssessedV1>> {
  return certificationAssessedV1.event(
    a.unitCode,
    {
      assessmentId: a.id,
      year: a.year,
      competent: a.result === CertificationResult.KOMPETEN,
      candidateId: a.candidateId,
      date: a.assessedOn,
      provenance: a.provenance,
    },
    occurredAt,
  );
}
