import { type Connection, connectionType, Provenance, ProvenanceSummary } from '@kesos/infra';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum LksKind {
  CHILDREN = 'CHILDREN',
  ELDERLY = 'ELDERLY',
  DISABILITY = 'DISABILITY',
  SOCIAL_REHABILITATION = 'SOCIAL_REHABILITATION',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(LksKind, {
  name: 'LksKind',
  description: 'Field of service of an institution (jenis LKS)',
  valuesConfig: {
    CHILDREN: { description: 'Child welfare institution (LKS Anak, LKSA)' },
    ELDERLY: { description: 'Institution for older people (LKS Lanjut Usia)' },
    DISABILITY: { description: 'Institution for persons with disabilities (LKS Penyandang Disabilitas)' },
    SOCIAL_REHABILITATION: {
      description:
        'Social rehabilitation, e.g. of drug users or the socially displaced (LKS rehabilitasi sosial, korban NAPZA, tuna sosial)',
    },
    COMMUNITY: { description: 'Community welfare and empowerment (LKS pemberdayaan masyarakat / umum)' },
  },
});

export enum AccreditationResult {
  A = 'A',
  B = 'B',
  C = 'C',
  NOT_ACCREDITED = 'NOT_ACCREDITED',
}
registerEnumType(AccreditationResult, {
  name: 'AccreditationResult',
  description: 'Accreditation decision (hasil akreditasi); the grade fixes how long it is valid',
  valuesConfig: {
    A: { description: 'Accredited A, very good (terakreditasi A, sangat baik); valid 5 years' },
    B: { description: 'Accredited B, good (terakreditasi B, baik); valid 3 years' },
    C: { description: 'Accredited C, fair (terakreditasi C, cukup); valid 2 years' },
    NOT_ACCREDITED: { description: 'Not accredited (tidak terakreditasi); no validity' },
  },
});

/** Years of validity per grade (masa berlaku akreditasi). */
export const VALIDITY_YEARS: Record<AccreditationResult, number | null> = { A: 5, B: 3, C: 2, NOT_ACCREDITED: null };

@ObjectType({
  description:
    'A social-welfare institution (Lembaga Kesejahteraan Sosial, LKS); seeded institutions are synthetic and named so',
})
export class LksInstitution {
  @Field(() => ID, { description: 'Institution id (id LKS)' })
  id!: number;

  @Field(() => ID, { description: 'Code of the unit whose work area holds the institution (kode unit)' })
  unitCode!: string;

  @Field({ description: 'Name (nama lembaga)' })
  name!: string;

  @Field(() => LksKind, { description: 'Field of service (jenis LKS)' })
  kind!: LksKind;

  @Field({ description: 'Province (provinsi)' })
  province!: string;

  @Field({ description: 'Regency or city (kabupaten/kota)' })
  regency!: string;

  @Field(() => Provenance, {
    description:
      'Where the institution record comes from (asal data): OPERATIONAL when written through the API, REPORTED, RECONSTRUCTED or SYNTHETIC for loaded data',
  })
  provenance!: Provenance;
}

@ObjectType({ description: 'An accreditation visit (visitasi) of an LKS and its decision (hasil akreditasi)' })
export class AccreditationAssessment {
  @Field(() => ID, { description: 'Assessment id (id penilaian akreditasi)' })
  id!: number;

  @Field(() => ID, { description: 'Code of the assessing unit (kode unit)' })
  unitCode!: string;

  @Field(() => Int, { description: 'Year of the visit, the year the assessment counts towards (tahun)' })
  year!: number;

  @Field({ description: 'Day of the visit, ISO YYYY-MM-DD (tanggal visitasi)' })
  visitDate!: string;

  @Field(() => [String], { description: 'Assessors who made the visit (tim asesor)' })
  assessorTeam!: string[];

  @Field(() => AccreditationResult, { description: 'Decision (hasil akreditasi): A, B, C or NOT_ACCREDITED' })
  result!: AccreditationResult;

  @Field({ description: 'Day of the decision, ISO YYYY-MM-DD (tanggal penetapan)' })
  decidedOn!: string;

  institutionId!: number;

  @Field(() => Provenance, {
    description:
      'Where the assessment record comes from (asal data): OPERATIONAL when written through the API, REPORTED, RECONSTRUCTED or SYNTHETIC for loaded data',
  })
  provenance!: Provenance;
}

@ObjectType({ description: 'Number of decisions with one result (jumlah per hasil akreditasi)' })
export class AccreditationResultCount {
  @Field(() => AccreditationResult, { description: 'Result (hasil)' })
  result!: AccreditationResult;

  @Field(() => Int, { description: 'Institutions with that result (jumlah LKS)' })
  count!: number;
}

@ObjectType({ description: 'Accreditation of LKS in a year (rekap akreditasi LKS)' })
export class AccreditationSummary {
  @Field(() => Int, { description: 'Year (tahun)' })
  year!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Institutions planned for assessment (target RKT, LKS yang mengikuti proses akreditasi); null when no target is set',
  })
  target!: number | null;

  @Field(() => Int, { description: 'Institutions assessed (LKS yang dinilai)' })
  assessed!: number;

  @Field(() => Int, { description: 'Institutions accredited A, B or C (LKS yang terakreditasi)' })
  accredited!: number;

  @Field(() => Int, { description: 'Institutions assessed but not accredited (tidak terakreditasi)' })
  notAccredited!: number;

  @Field(() => [AccreditationResultCount], {
    description: 'Decisions per result, in the order A, B, C, NOT_ACCREDITED (sebaran hasil)',
  })
  byResult!: AccreditationResultCount[];

  @Field(() => Float, {
    nullable: true,
    description:
      'Accredited rate (persentase lembaga terakreditasi, indikator SK1.1): accredited / assessed x 100, rounded half-up to 2 decimals; null when none was assessed',
  })
  accreditedRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Target realisation (realisasi target RKT): assessed / target x 100, rounded half-up to 2 decimals; null without a target',
  })
  targetRealization!: number | null;

  @Field(() => ProvenanceSummary, {
    description:
      "The year's assessments the figures are counted from, by where they come from (asal data): RECONSTRUCTED records reproduce a printed total, they are not evidence for it",
  })
  provenance!: ProvenanceSummary;
}

@ObjectType({ description: 'Planned number of institutions to assess in a year (target akreditasi RKT)' })
export class AccreditationTarget {
  @Field(() => ID, { description: 'Unit code (kode unit)' })
  unitCode!: string;

  @Field(() => Int, { description: 'Year (tahun)' })
  year!: number;

  @Field(() => Int, { description: 'Institutions to assess (jumlah LKS)' })
  institutions!: number;
}

/** One page of accreditation decisions, oldest first. */
export const AccreditationAssessmentPage = connectionType(AccreditationAssessment, {
  name: 'AccreditationAssessmentPage',
  items: 'accreditation decisions (hasil akreditasi)',
});
export type AccreditationAssessmentPage = Connection<AccreditationAssessment>;

/** One page of institutions, oldest first. */
export const LksInstitutionPage = connectionType(LksInstitution, {
  name: 'LksInstitutionPage',
  items: 'institutions (LKS)',
});
export type LksInstitutionPage = Connection<LksInstitution>;
