import type { Caller } from '@kesos/infra';
import { ForbiddenError, Provenance } from '@kesos/infra';

/**
 * The provenance a write stores. A centre's own writes are OPERATIONAL; saying that a record comes
 * from a report, reconstructs a printed total or is generated is a claim about evidence an auditor
 * relies on, so only an admin (who loads reports and generated data) may make it.
 */
export function writtenProvenance(caller: Caller, given: Provenance | null | undefined): Provenance {
  if (given == null || given === Provenance.OPERATIONAL) return Provenance.OPERATIONAL;
  if (caller.role !== 'admin')
    throw new ForbiddenError(`only an admin writes ${given} records; a unit's own writes are OPERATIONAL`);
  return given;
}
