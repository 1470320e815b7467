import { BadInputError, Provenance } from '@kesos/infra';
import { Field, ID, InputType, Int } from 'type-graphql';
import { parseId } from '../common/common.helpers';
import { CertificationCategory, CertificationResult } from './certification.type';
import { isoDate, requiredText, validYear } from '../common/common.validation';

@InputType({ description: 'A person to plan for certification (pendaftaran asesi)' })
export class RegisterCertificationCandidateInput {
  @Field(() => ID, { description: 'Code of the certifying unit (kode unit), e.g. BBPPKS-PADANG' })
  unit!: string;

  @Field(() => Int, { description: 'Year of the certification plan (tahun rencana sertifikasi)' })
  year!: number;

  @Field({ description: 'Full name (nama lengkap), at most 200 characters' })
  name!: string;

  @Field(() => CertificationCategory, { description: 'Kind of SDM Kesos (jenis SDM Kesos)' })
  category!: CertificationCategory;

  @Field({ description: "Province of the unit's work area the candidate serves in (provinsi asal)" })
  originProvince!: string;

  @Field({ description: 'Regency or city the candidate serves in (kabupaten/kota asal)' })
  originRegency!: string;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the record comes from (asal data): OPERATIONAL when left out; only an admin loading a report or generated data gives another',
  })
  provenance?: Provenance | null;
}

@InputType({ description: 'A competency assessment session to schedule (jadwal uji kompetensi)' })
export class ScheduleCertificationSessionInput {
  @Field(() => ID, { description: 'Code of the unit holding the session (kode unit)' })
  unit!: string;

  @Field({ description: 'Session name (nama sesi), at most 200 characters' })
  name!: string;

  @Field({ description: "Province of the unit's work area where it is held (provinsi lokasi)" })
  province!: string;

  @Field({ description: 'Regency or city where it is held (kabupaten/kota lokasi)' })
  regency!: string;

  @Field({ description: 'First day, ISO YYYY-MM-DD (tanggal mulai); its year is the year results count towards' })
  startDate!: string;

  @Field({ description: 'Last day, ISO YYYY-MM-DD, in the same year and on or after the first (tanggal selesai)' })
  endDate!: string;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the record comes from (asal data): OPERATIONAL when left out; only an admin loading a report or generated data gives another',
  })
  provenance?: Provenance | null;
}

@InputType({ description: 'The result of a candidate in a session (input hasil uji kompetensi)' })
export class RecordCertificationAssessmentInput {
  @Field(() => ID, { description: 'Session id (id sesi uji kompetensi)' })
  sessionId!: string;

  @Field(() => ID, {
    description: "Candidate id (id asesi); the candidate must be planned by the session's unit for the session's year",
  })
  candidateId!: string;

  @Field(() => CertificationResult, { description: 'Result (hasil): KOMPETEN or BELUM_KOMPETEN' })
  result!: CertificationResult;

  @Field({ description: "Day of the assessment, ISO YYYY-MM-DD, within the session's days (tanggal asesmen)" })
  assessedOn!: string;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the record comes from (asal data): OPERATIONAL when left out; only an admin loading a report or generated data gives another',
  })
  provenance?: Provenance | null;
}

export function validateCandidate(input: RegisterCertificationCandidateInput) {
  return {
    unit: requiredText('unit', input.unit, 40),
    year: validYear('year', input.year),
    name: requiredText('name', input.name, 200),
    category: input.category,
  };
}

export function validateSession(input: ScheduleCertificationSessionInput) {
  const startDate = isoDate('startDate', input.startDate);
  const endDate = isoDate('endDate', input.endDate);
  if (endDate < startDate) throw new BadInputError('endDate', 'endDate must be on or after startDate');
  if (endDate.slice(0, 4) !== startDate.slice(0, 4))
    throw new BadInputError(
      'endDate',
      'a session ends in the year it starts, so that its results count towards one year',
    );
  return {
    unit: requiredText('unit', input.unit, 40),
    name: requiredText('name', input.name, 200),
    startDate,
    endDate,
  };
}

export function validateAssessment(input: RecordCertificationAssessmentInput) {
  return {
    sessionId: parseId('sessionId', input.sessionId),
    candidateId: parseId('candidateId', input.candidateId),
    result: input.result,
    assessedOn: isoDate('assessedOn', input.assessedOn),
  };
}
