import type { NewEvent } from '@kesos/infra';
import type { AtensiCaseEntity } from './atensi.entity';

/** `training.atensi.case-closed`: an ATENSI case was closed, served or not (performance counts SK4.1). */
export const ATENSI_CASE_CLOSED = 'training.atensi.case-closed';

export interface AtensiCaseClosedV1 {
  caseId: number;
  year: number;
  /** RESPON_KASUS, TANGGAP_DARURAT_BENCANA, DUKUNGAN_PSIKOSOSIAL or SENTRA_KREASI_ATENSI. */
  serviceType: string;
  peopleServed: number;
  served: boolean;
  /** Added field (optional): the day the fact became known, YYYY-MM-DD (day the case was closed); performance places it in a quarter. */
  date?: string | null;
}

/** One builder for the mutation and the seed, so that both publish the same payload. */
export function atensiCaseClosedEvent(c: AtensiCaseEntity, occurredAt?: string): NewEvent<AtensiCaseClosedV1> {
  return {
    type: ATENSI_CASE_CLOSED,
    unit: c.unitCode,
    occurredAt,
    data: { caseId: c.id, year: c.year, serviceType: c.serviceType, peopleServed: c.peopleServed ?? 0, served: c.served === true, date: c.closedOn },
  };
}
