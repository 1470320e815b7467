import { type Connection, connectionType, Provenance, ProvenanceSummary } from '@kesos/infra';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum CertificationCategory {
  TKS = 'TKS',
  RS = 'RS',
  PEKSOS = 'PEKSOS',
  PENYULUH_SOSIAL = 'PENYULUH_SOSIAL',
}
registerEnumType(CertificationCategory, {
  name: 'CertificationCategory',
  description: 'Kind of social-welfare human resource being certified (jenis SDM Kesos)',
  valuesConfig: {
    TKS: { description: 'Social welfare worker (Tenaga Kesejahteraan Sosial, TKS)' },
    RS: { description: 'Social volunteer (Relawan Sosial, RS)' },
    PEKSOS: { description: 'Professional social worker (Pekerja Sosial, Peksos)' },
    PENYULUH_SOSIAL: { description: 'Social extension worker (Penyuluh Sosial)' },
  },
});

export enum CertificationResult {
  KOMPETEN = 'KOMPETEN',
  BELUM_KOMPETEN = 'BELUM_KOMPETEN',
}
registerEnumType(CertificationResult, {
  name: 'CertificationResult',
  description: 'Outcome of a competency assessment (hasil uji kompetensi)',
  valuesConfig: {
    KOMPETEN: { description: 'Competent (kompeten): the candidate is certified' },
    BELUM_KOMPETEN: {
      description: 'Not yet competent (belum kompeten): the candidate may be re-assessed in a later session',
    },
  },
});

@ObjectType({
  description: 'A person planned for certification of SDM Kesos (asesi); seeded people are synthetic and named so',
})
export class CertificationCandidate {
  @Field(() => ID, { description: 'Candidate id (id asesi)' })
  id!: number;

  @Field(() => ID, { description: 'Code of the unit that certifies the candidate (kode unit)' })
  unitCode!: string;

  @Field(() => Int, {
    description: 'Year of the certification plan the candidate belongs to (tahun rencana sertifikasi)',
  })
  year!: number;

  /** Exposed through a field resolver that masks it for callers outside the unit. */
  name!: string;

  @Field(() => CertificationCategory, { description: 'Kind of SDM Kesos (jenis SDM Kesos): TKS, RS, ...' })
  category!: CertificationCategory;

  @Field({ description: 'Province of the work area the candidate serves in (provinsi asal)' })
  originProvince!: string;

  @Field({ description: 'Regency or city the candidate serves in (kabupaten/kota asal)' })
  originRegency!: string;

  @Field(() => Provenance, {
    description:
      'Where the candidate record comes from (asal data): OPERATIONAL when written through the API, REPORTED, RECONSTRUCTED or SYNTHETIC for loaded data',
  })
  provenance!: Provenance;
}

@ObjectType({ description: 'A competency assessment session (uji kompetensi) held by a unit' })
export class CertificationSession {
  @Field(() => ID, { description: 'Session id (id sesi uji kompetensi)' })
  id!: number;

  @Field(() => ID, { description: 'Code of the unit holding the session (kode unit)' })
  unitCode!: string;

  @Field(() => Int, { description: 'Year of the start date, the year its results count towards (tahun)' })
  year!: number;

  @Field({ description: 'Session name (nama sesi), e.g. Uji Kompetensi SDM Kesos Aceh Angkatan 1' })
  name!: string;

  @Field({ description: 'Province where the session is held (provinsi lokasi)' })
  province!: string;

  @Field({ description: 'Regency or city where the session is held (kabupaten/kota lokasi)' })
  regency!: string;

  @Field({ description: 'First day, ISO YYYY-MM-DD (tanggal mulai)' })
  startDate!: string;

  @Field({ description: 'Last day, ISO YYYY-MM-DD (tanggal selesai)' })
  endDate!: string;

  @Field(() => Provenance, {
    description:
      'Where the session record comes from (asal data): OPERATIONAL when written through the API, REPORTED, RECONSTRUCTED or SYNTHETIC for loaded data',
  })
  provenance!: Provenance;
}

@ObjectType({ description: 'The result of one candidate in one assessment session (hasil uji kompetensi)' })
export class CertificationAssessment {
  @Field(() => ID, { description: 'Assessment id (id hasil asesmen)' })
  id!: number;

  @Field(() => ID, { description: 'Code of the unit that assessed (kode unit)' })
  unitCode!: string;

  @Field(() => Int, { description: 'Year the result counts towards: the year of its session (tahun)' })
  year!: number;

  @Field(() => CertificationResult, { description: 'Result (hasil): KOMPETEN or BELUM_KOMPETEN' })
  result!: CertificationResult;

  @Field({ description: 'Day of the assessment, ISO YYYY-MM-DD (tanggal asesmen)' })
  assessedOn!: string;

  sessionId!: number;
  candidateId!: number;

  @Field(() => Provenance, {
    description:
      'Where the result record comes from (asal data): OPERATIONAL when written through the API, REPORTED, RECONSTRUCTED or SYNTHETIC for loaded data',
  })
  provenance!: Provenance;
}

@ObjectType({
  description: 'Certification of SDM Kesos in a year (rekap sertifikasi); counts are of distinct candidates',
})
export class CertificationSummary {
  @Field(() => Int, { description: 'Year (tahun)' })
  year!: number;

  @Field(() => Int, { description: 'Candidates planned for the year (SDM Kesos yang direncanakan disertifikasi)' })
  planned!: number;

  @Field(() => Int, {
    description: 'Candidates with at least one result in the year (SDM Kesos yang telah mengikuti proses sertifikasi)',
  })
  assessed!: number;

  @Field(() => Int, {
    description: 'Candidates found competent in the year (SDM Kesos yang kompeten / tersertifikasi)',
  })
  competent!: number;

  @Field(() => Int, { description: 'Assessed candidates not (yet) competent (belum kompeten): assessed - competent' })
  notCompetent!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Certified rate (persentase SDM Kesos tersertifikasi): competent / assessed x 100, rounded half-up to 2 decimals; null when nobody was assessed',
  })
  competentRate!: number | null;

  @Field(() => ProvenanceSummary, {
    description:
      "The year's candidates and results the figures are counted from, by where they come from (asal data): RECONSTRUCTED records reproduce a printed total, they are not evidence for it",
  })
  provenance!: ProvenanceSummary;
}

/** One page of certification results, oldest first. */
export const CertificationAssessmentPage = connectionType(CertificationAssessment, {
  name: 'CertificationAssessmentPage',
  items: 'certification results (hasil sertifikasi)',
});
export type CertificationAssessmentPage = Connection<CertificationAssessment>;

/** One page of certification candidates, oldest first. */
export const CertificationCandidatePage = connectionType(CertificationCandidate, {
  name: 'CertificationCandidatePage',
  items: 'certification candidates (asesi)',
});
export type CertificationCandidatePage = Connection<CertificationCandidate>;
