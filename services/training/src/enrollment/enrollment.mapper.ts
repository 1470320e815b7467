import { enumValue } from '../common/common.mapper';
import type { EnrollmentEntity } from './enrollment.entity';
import { Enrollment, EnrollmentStatus, Predicate } from './enrollment.type';

export const toEnrollmentStatus = (stored: string): EnrollmentStatus =>
  enumValue(EnrollmentStatus, stored, 'enrollment status');

export const toPredicate = (stored: string): Predicate => enumValue(Predicate, stored, 'predicate');

export function toEnrollment(row: EnrollmentEntity): Enrollment {
  return {
    id: row.id,
    unitCode: row.unitCode,
    status: toEnrollmentStatus(row.status),
    registeredOn: row.registeredOn,
    attendedOn: row.attendedOn,
    preTestScore: row.preTestScore,
    postTestScore: row.postTestScore,
    predicate: row.predicate === null ? null : toPredicate(row.predicate),
    certificateNumber: row.certificateNumber,
    certificateIssuedOn: row.certificateIssuedOn,
    endedOn: row.endedOn,
    dropOutReason: row.dropOutReason,
    participantId: row.participantId,
    classId: row.classId,
  };
}
