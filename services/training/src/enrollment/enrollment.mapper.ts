import { enumValue } from '../common/common.mapper';
import type { EnrollmentEntity } from './enrollment.entity';
import type { Enrollment } from './enrollment.type';
import { EnrollmentStatus, Predicate } from './enrollment.type';

export const toEnrollmentStatus = (stored: string): EnrollmentStatus =>
  enumValue(EnrollmentStatus, stored, 'enrollment status');

export const toPredicate = (stored: string): Predicate => enumValue(Predicate, stored, 'predicate');

/** Columns left unset on a row created in this request (e.g. attendedOn on a new enrollment) read as null. */
export function toEnrollment(row: EnrollmentEntity): Enrollment {
  return {
    id: row.id,
    provenance: row.provenance,
    unitCode: row.unitCode,
    status: toEnrollmentStatus(row.status),
    registeredOn: row.registeredOn,
    attendedOn: row.attendedOn ?? null,
    preTestScore: row.preTestScore ?? null,
    postTestScore: row.postTestScore ?? null,
    predicate: row.predicate ? toPredicate(row.predicate) : null,
    certificateNumber: row.certificateNumber ?? null,
    certificateIssuedOn: row.certificateIssuedOn ?? null,
    endedOn: row.endedOn ?? null,
    dropOutReason: row.dropOutReason ?? null,
    participantId: row.participantId,
    classId: row.classId,
  };
}
