import { atensiCaseClosedV1, type NewEvent, type Payload } from '@kesos/infra';
import type { AtensiCaseEntity } from './atensi.entity';

/** One builder for the mutation and the seed, so that both publish the same payload. */
export function atensiCaseClosedEvent(
  c: AtensiCaseEntity,
  occurredAt?: string,
): NewEvent<Payload<typeof atensiCaseClosedV1>> {
  return atensiCaseClosedV1.event(
    c.unitCode,
    {
      caseId: c.id,
      year: c.year,
      serviceType: c.serviceType,
      peopleServed: c.peopleServed ?? 0,
      served: c.served === true,
      date: c.closedOn,
      provenance: c.provenance,
    },
    occurredAt,
  );
}
