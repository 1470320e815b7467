import { defineContract } from './event.contract';
import { field } from './payload.field';

/**
 * Events the training service publishes (docs/events.md, "training"). Fields marked `added()`
 * came after version 1 was published: older events lack them, so consumers must cope.
 */

/** A unit joined the graph; other services learn its code and name. */
export const unitRegisteredV1 = defineContract('training.unit.registered', 1, {
  code: field.text(),
  name: field.text(),
});

/** Budget counts it towards the RO output volume, performance towards its indicator. */
export const enrollmentGraduatedV1 = defineContract('training.enrollment.graduated', 1, {
  enrollmentId: field.id(),
  classId: field.id(),
  /** e.g. PPM, PPPS. */
  programmeCode: field.text(),
  /** PM_KPM_PKH, PENDAMPING_PKH, TKSP, TKSM or OTHER. */
  participantCategory: field.text(),
  year: field.year(),
  /** SANGAT_BAIK, BAIK, CUKUP or KURANG. */
  predicate: field.text(),
  budgetOutputCode: field.text().nullable(),
  indicatorCode: field.text().nullable(),
  /** The satker that paid for the class, e.g. 690552 or 369283. */
  satkerCode: field.text().nullable().added(),
  /** The class's last day, when the training was completed; performance places it in a quarter. */
  date: field.day().nullable().added(),
  /** Where the record behind the event comes from (OPERATIONAL, REPORTED, RECONSTRUCTED, SYNTHETIC); absent means OPERATIONAL. */
  provenance: field.text().nullable().added(),
});

/** A class ended; performance compares its graduates with its target. */
export const classClosedV1 = defineContract('training.class.closed', 1, {
  classId: field.id(),
  programmeCode: field.text(),
  year: field.year(),
  targetParticipants: field.count(),
  /** Every enrollment of the class, whatever its final status. */
  participants: field.count(),
  graduates: field.count(),
  indicatorCode: field.text().nullable(),
  satkerCode: field.text().nullable().added(),
  budgetOutputCode: field.text().nullable().added(),
  /** The class's last day. */
  date: field.day().nullable().added(),
  /** Where the record behind the event comes from (OPERATIONAL, REPORTED, RECONSTRUCTED, SYNTHETIC); absent means OPERATIONAL. */
  provenance: field.text().nullable().added(),
});

/** Performance counts graduates with life skills (SK3.1). */
export const monitoringAssessedV1 = defineContract('training.monitoring.assessed', 1, {
  monitoringId: field.id(),
  enrollmentId: field.id(),
  /** The year of the graduate's class (the cohort the indicator counts). */
  year: field.year(),
  hasLifeSkills: field.flag(),
  programmeCode: field.text().added(),
  /** Day of the monitoring visit. */
  date: field.day().nullable().added(),
  /** Where the record behind the event comes from (OPERATIONAL, REPORTED, RECONSTRUCTED, SYNTHETIC); absent means OPERATIONAL. */
  provenance: field.text().nullable().added(),
});

/** A candidate's competency result was recorded (performance counts SK2.1). */
export const certificationAssessedV1 = defineContract('training.certification.assessed', 1, {
  assessmentId: field.id(),
  year: field.year(),
  competent: field.flag(),
  /** Lets a consumer count people rather than results when a candidate is re-assessed. */
  candidateId: field.id().nullable().added(),
  /** Day of the assessment. */
  date: field.day().nullable().added(),
  /** Where the record behind the event comes from (OPERATIONAL, REPORTED, RECONSTRUCTED, SYNTHETIC); absent means OPERATIONAL. */
  provenance: field.text().nullable().added(),
});

/** An LKS was visited and a decision recorded (performance counts SK1.1). */
export const accreditationDecidedV1 = defineContract('training.accreditation.decided', 1, {
  assessmentId: field.id(),
  institutionId: field.id(),
  year: field.year(),
  /** A, B, C or NOT_ACCREDITED. */
  result: field.text(),
  accredited: field.flag(),
  /** Day of the decision. */
  date: field.day().nullable().added(),
  /** Where the record behind the event comes from (OPERATIONAL, REPORTED, RECONSTRUCTED, SYNTHETIC); absent means OPERATIONAL. */
  provenance: field.text().nullable().added(),
});

/** An ATENSI case was closed, served or not (performance counts SK4.1). */
export const atensiCaseClosedV1 = defineContract('training.atensi.case-closed', 1, {
  caseId: field.id(),
  /** The year the case was received. */
  year: field.year(),
  /** RESPON_KASUS, TANGGAP_DARURAT_BENCANA, DUKUNGAN_PSIKOSOSIAL or SENTRA_KREASI_ATENSI. */
  serviceType: field.text(),
  /** 0 when not served. */
  peopleServed: field.count(),
  served: field.flag(),
  /** Day the case was closed. */
  date: field.day().nullable().added(),
  /** Where the record behind the event comes from (OPERATIONAL, REPORTED, RECONSTRUCTED, SYNTHETIC); absent means OPERATIONAL. */
  provenance: field.text().nullable().added(),
});

export const trainingContracts = [
  unitRegisteredV1,
  enrollmentGraduatedV1,
  classClosedV1,
  monitoringAssessedV1,
  certificationAssessedV1,
  accreditationDecidedV1,
  atensiCaseClosedV1,
];
