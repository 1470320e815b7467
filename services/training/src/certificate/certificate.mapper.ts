import { maskName } from '../common/common.helpers';
import { toEnrollmentStatus, toPredicate } from '../enrollment/enrollment.mapper';
import type { CertificateVerification } from './certificate.type';

/** The joined row a certificate number finds: the enrollment with its holder, class, programme and unit. */
export interface CertificateRow {
  number: string;
  holder: string;
  programmeCode: string;
  programmeName: string;
  startDate: string;
  endDate: string;
  unitCode: string;
  unitName: string;
  status: string;
  predicate: string;
  issuedOn: string;
}

/** Only what a public verifier may see: the holder's name masked. */
export function toCertificateVerification(row: CertificateRow): CertificateVerification {
  return {
    number: row.number,
    holderName: maskName(row.holder),
    programmeCode: row.programmeCode,
    programmeName: row.programmeName,
    classStartDate: row.startDate,
    classEndDate: row.endDate,
    unitCode: row.unitCode,
    unitName: row.unitName,
    status: toEnrollmentStatus(row.status),
    predicate: toPredicate(row.predicate),
    issuedOn: row.issuedOn,
  };
}
