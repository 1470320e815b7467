import type { AtensiCaseEntity } from './atensi.entity';
import type { AtensiCase } from './atensi.type';

/** Entity to API type, field by field: a field added to either side and not mapped fails to compile. */
export function toAtensiCase(row: AtensiCaseEntity): AtensiCase {
  return {
    id: row.id,
    provenance: row.provenance,
    unitCode: row.unitCode,
    year: row.year,
    serviceType: row.serviceType,
    receivedOn: row.receivedOn,
    province: row.province,
    regency: row.regency,
    description: row.description,
    status: row.status,
    closedOn: row.closedOn,
    served: row.served,
    peopleServed: row.peopleServed,
  };
}
