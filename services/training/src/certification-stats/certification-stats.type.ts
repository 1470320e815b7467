import { ProvenanceSummary } from '@kesos/infra';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CertificationCategory } from '../certification/certification.type';

export enum CertificationStatsDimension {
  UNIT = 'UNIT',
  YEAR = 'YEAR',
  CATEGORY = 'CATEGORY',
  OUTCOME = 'OUTCOME',
}
registerEnumType(CertificationStatsDimension, {
  name: 'CertificationStatsDimension',
  description: 'What certification statistics can be grouped by (dimensi pengelompokan)',
  valuesConfig: {
    UNIT: { description: 'The unit that plans the candidate (unit pelaksana)' },
    YEAR: { description: "The candidate's plan year, as in certificationSummary (tahun rencana sertifikasi)" },
    CATEGORY: { description: 'Kind of SDM Kesos being certified (jenis SDM Kesos)' },
    OUTCOME: { description: "The candidate's outcome so far (hasil sertifikasi)" },
  },
});

export enum CertificationOutcome {
  COMPETENT = 'COMPETENT',
  NOT_YET_COMPETENT = 'NOT_YET_COMPETENT',
  NOT_ASSESSED = 'NOT_ASSESSED',
}
registerEnumType(CertificationOutcome, {
  name: 'CertificationOutcome',
  description: "A candidate's outcome over the year's results (hasil sertifikasi asesi)",
  valuesConfig: {
    COMPETENT: { description: 'Found competent in some session (kompeten)' },
    NOT_YET_COMPETENT: { description: 'Assessed, never found competent (belum kompeten)' },
    NOT_ASSESSED: { description: 'Planned, without a result yet (belum diuji)' },
  },
});

export enum CertificationStatsField {
  YEAR = 'YEAR',
  CANDIDATES = 'CANDIDATES',
  ASSESSED = 'ASSESSED',
  COMPETENT = 'COMPETENT',
  NOT_YET_COMPETENT = 'NOT_YET_COMPETENT',
  COMPETENCE_RATE = 'COMPETENCE_RATE',
}
registerEnumType(CertificationStatsField, {
  name: 'CertificationStatsField',
  description: 'What certification statistics rows can be ordered (and ranked) by (urutan)',
  valuesConfig: {
    YEAR: { description: 'Year (tahun); rows not grouped by YEAR have none' },
    CANDIDATES: { description: 'Candidates planned (asesi yang direncanakan)' },
    ASSESSED: { description: 'Candidates assessed (asesi yang telah diuji)' },
    COMPETENT: { description: 'Candidates found competent (asesi kompeten)' },
    NOT_YET_COMPETENT: { description: 'Candidates assessed, not yet competent (asesi belum kompeten)' },
    COMPETENCE_RATE: { description: 'Competence rate (persentase kompeten)' },
  },
});

@ObjectType({
  description:
    'One row of certification statistics (statistik sertifikasi SDM Kesos): the candidates of one combination of the grouped dimensions; a dimension not grouped by is null',
})
export class CertificationStatsRow {
  @Field(() => String, {
    nullable: true,
    description: "The unit's code (kode unit) when grouped by UNIT; `unit` is the whole unit",
  })
  unitCode!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: '1-based competition rank in the order of orderBy (peringkat: 1, 2, 2, 4); null without orderBy',
  })
  rank!: number | null;

  @Field(() => Int, { nullable: true, description: "The candidates' plan year (tahun) when grouped by YEAR" })
  year!: number | null;

  @Field(() => CertificationCategory, {
    nullable: true,
    description: 'Kind of SDM Kesos (jenis SDM Kesos) when grouped by CATEGORY',
  })
  category!: CertificationCategory | null;

  @Field(() => CertificationOutcome, {
    nullable: true,
    description: "The candidates' outcome (hasil sertifikasi) when grouped by OUTCOME",
  })
  outcome!: CertificationOutcome | null;

  @Field(() => Int, {
    description: 'Candidates planned (SDM Kesos yang direncanakan disertifikasi); certificationSummary planned',
  })
  candidates!: number;

  @Field(() => Int, {
    description: 'Candidates with at least one result (SDM Kesos yang telah mengikuti proses sertifikasi)',
  })
  assessed!: number;

  @Field(() => Int, { description: 'Candidates found competent (SDM Kesos kompeten)' })
  competent!: number;

  @Field(() => Int, {
    description:
      'Candidates assessed but not found competent (SDM Kesos belum kompeten); certificationSummary notCompetent',
  })
  notYetCompetent!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Competence rate (persentase kompeten): competent / assessed x 100, rounded half-up to 2 decimals as certificationSummary competentRate; null without assessed candidates',
  })
  competenceRate!: number | null;

  @Field(() => ProvenanceSummary, {
    description:
      "The row's candidates counted by provenance, and the weakest (asal data): RECONSTRUCTED records make a figure that matches a printed total by construction",
  })
  evidence!: ProvenanceSummary;
}
