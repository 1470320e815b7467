import { connectionType, Provenance } from '@kesos/infra';
import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum EnrollmentStatus {
  REGISTERED = 'REGISTERED',
  ATTENDING = 'ATTENDING',
  GRADUATED = 'GRADUATED',
  FAILED = 'FAILED',
  DROPPED_OUT = 'DROPPED_OUT',
}
registerEnumType(EnrollmentStatus, {
  name: 'EnrollmentStatus',
  description:
    'Status of an enrollment: REGISTERED -> ATTENDING -> GRADUATED or FAILED; REGISTERED or ATTENDING -> DROPPED_OUT',
  valuesConfig: {
    REGISTERED: { description: 'Registered for the class (terdaftar)' },
    ATTENDING: { description: 'Attending the running class (mengikuti pelatihan)' },
    GRADUATED: { description: 'Graduated with a predicate and a certificate (lulus)' },
    FAILED: { description: 'Completed without passing (tidak lulus)' },
    DROPPED_OUT: { description: 'Left before the end (mengundurkan diri/gugur)' },
  },
});

export enum Predicate {
  SANGAT_BAIK = 'SANGAT_BAIK',
  BAIK = 'BAIK',
  CUKUP = 'CUKUP',
  KURANG = 'KURANG',
}
registerEnumType(Predicate, {
  name: 'Predicate',
  description:
    'Graduation predicate (predikat kelulusan); derived from the post-test score unless given: >= 90.00 SANGAT_BAIK, >= 80.00 BAIK, >= 70.00 CUKUP, otherwise KURANG',
  valuesConfig: {
    SANGAT_BAIK: { description: 'Very good (sangat baik)' },
    BAIK: { description: 'Good (baik)' },
    CUKUP: { description: 'Sufficient (cukup)' },
    KURANG: { description: 'Poor (kurang)' },
  },
});

@ObjectType({
  description: "A participant's enrollment in a class (pendaftaran peserta pada angkatan) and its outcome",
})
export class Enrollment {
  @Field(() => ID, { description: 'Enrollment id' })
  id!: number;

  @Field(() => ID, { description: 'Code of the unit that runs the class' })
  unitCode!: string;

  @Field(() => EnrollmentStatus, { description: 'Status (status peserta)' })
  status!: EnrollmentStatus;

  @Field({ description: 'Day of registration (tanggal daftar), YYYY-MM-DD' })
  registeredOn!: string;

  @Field(() => String, { nullable: true, description: 'Day attendance began (tanggal hadir), YYYY-MM-DD' })
  attendedOn!: string | null;

  @Field(() => Float, { nullable: true, description: 'Pre-test score (nilai pre test), 0-100 with 2 decimals' })
  preTestScore!: number | null;

  @Field(() => Float, { nullable: true, description: 'Post-test score (nilai post test), 0-100 with 2 decimals' })
  postTestScore!: number | null;

  @Field(() => Predicate, { nullable: true, description: 'Graduation predicate (predikat); set on graduation' })
  predicate!: Predicate | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Certificate number (nomor sertifikat), issued on graduation: unit/programme/year/enrollment id/16 random characters in groups of four, e.g. BBPPKS-PADANG/PPM/2022/000123/7QK4-M2XA-HT9C-RB3E; verifiable with verifyCertificate',
  })
  certificateNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Day the certificate was issued (tanggal terbit), YYYY-MM-DD' })
  certificateIssuedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Day the enrollment reached its final status, YYYY-MM-DD' })
  endedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the participant dropped out (alasan)' })
  dropOutReason!: string | null;

  /** Key of the enrolled participant, for the `participant` field resolver. */
  participantId!: number;

  /** Key of the class, for the `trainingClass` field resolver. */
  classId!: number;

  @Field(() => Provenance, {
    description:
      'Where the enrollment record comes from (asal data): OPERATIONAL when written through the API, REPORTED, RECONSTRUCTED or SYNTHETIC for loaded data',
  })
  provenance!: Provenance;
}

/** A page of enrollments (halaman pendaftaran), in registration order. */
export const EnrollmentPage = connectionType(Enrollment, {
  name: 'EnrollmentPage',
  items: 'enrollments (pendaftaran)',
});
export type EnrollmentPage = InstanceType<typeof EnrollmentPage>;
