import { ProvenanceSummary, unavailableNote } from '@kesos/infra';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Polarity } from '../plan/plan.type';
import { Gender, RespondentEducation, SatisfactionGrade } from '../survey/survey.type';
import { Unit } from '../unit/unit.type';

export enum IndicatorStatsField {
  ACHIEVEMENT = 'ACHIEVEMENT',
  REALIZATION = 'REALIZATION',
  TARGET = 'TARGET',
  YEAR = 'YEAR',
}
registerEnumType(IndicatorStatsField, {
  name: 'IndicatorStatsField',
  description: 'What indicator statistics can be ordered by (urutan statistik indikator)',
  valuesConfig: {
    ACHIEVEMENT: { description: 'Achievement in percent (capaian)' },
    REALIZATION: { description: 'Realisation (realisasi)' },
    TARGET: { description: 'Target of the year (target)' },
    YEAR: { description: 'Year (tahun)' },
  },
});

export enum SurveyStatsDimension {
  UNIT = 'UNIT',
  YEAR = 'YEAR',
  GENDER = 'GENDER',
  EDUCATION = 'EDUCATION',
}
registerEnumType(SurveyStatsDimension, {
  name: 'SurveyStatsDimension',
  description: 'What satisfaction survey statistics can be grouped by (dimensi statistik IKM)',
  valuesConfig: {
    UNIT: { description: 'Unit surveyed (unit kerja)' },
    YEAR: { description: 'Year surveyed (tahun)' },
    GENDER: { description: "Respondent's gender (jenis kelamin responden)" },
    EDUCATION: { description: "Respondent's education (pendidikan responden)" },
  },
});

export enum SurveyStatsField {
  RESPONDENTS = 'RESPONDENTS',
  INDEX = 'INDEX',
  YEAR = 'YEAR',
}
registerEnumType(SurveyStatsField, {
  name: 'SurveyStatsField',
  description: 'What satisfaction survey statistics can be ordered by (urutan statistik IKM)',
  valuesConfig: {
    RESPONDENTS: { description: 'Number of respondents (jumlah responden)' },
    INDEX: { description: 'Satisfaction index (nilai IKM)' },
    YEAR: { description: 'Year surveyed (tahun); rows not grouped by YEAR come last' },
  },
});

@ObjectType({
  description:
    "One indicator of one unit in one year (statistik indikator kinerja): the same figures as the unit's performance(year)",
})
export class IndicatorStatsRow {
  @Field(() => Int, {
    nullable: true,
    description: 'Rank in the order of orderBy, 1-based, equal values share a rank (peringkat); null without orderBy',
  })
  rank!: number | null;

  @Field(() => ID, { description: 'Code of the unit (kode unit kerja)' })
  unitCode!: string;

  @Field(() => Unit, {
    nullable: true,
    description: 'The unit (unit kerja); its name comes from the training subgraph.' + unavailableNote('training'),
  })
  unit!: Unit;

  @Field(() => Int, { description: 'Performance year (tahun kinerja)' })
  year!: number;

  @Field({ description: 'Code of the activity goal, e.g. SK1 (kode sasaran kegiatan)' })
  goalCode!: string;

  @Field({ description: 'Code of the indicator, e.g. SK1.1 (kode indikator kinerja)' })
  indicatorCode!: string;

  @Field({ description: 'Name of the indicator in English with the Indonesian term (nama indikator)' })
  indicatorName!: string;

  @Field(() => Polarity, { description: 'Whether a higher or lower realisation is better (polaritas)' })
  polarity!: Polarity;

  @Field(() => Float, { nullable: true, description: 'Target for the year (target); null when the plan sets none' })
  target!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Realisation (realisasi), derived from records or entered; null when there is none yet',
  })
  realization!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Achievement in percent (capaian): R / T x 100, or (1 + (1 - R / T)) x 100 where lower is better, half-up to 2 decimals, capped where the indicator has a cap; null without target or realisation',
  })
  achievement!: number | null;

  @Field(() => ProvenanceSummary, {
    description:
      "The records behind the realisation and achievement (asal data), as the indicator's evidence in Unit.performance(year): facts for a derived figure, answer sheets for the satisfaction index, the entry for an entered value",
  })
  evidence!: ProvenanceSummary;
}

@ObjectType({
  description:
    'Satisfaction survey (IKM) over one group of responses (statistik IKM); a dimension not grouped by is null',
})
export class SurveyStatsRow {
  @Field(() => Int, {
    nullable: true,
    description: 'Rank in the order of orderBy, 1-based, equal values share a rank (peringkat); null without orderBy',
  })
  rank!: number | null;

  @Field(() => ID, { nullable: true, description: 'Code of the unit (kode unit kerja); null unless grouped by UNIT' })
  unitCode!: string | null;

  @Field(() => Unit, {
    nullable: true,
    description:
      'The unit (unit kerja); null unless grouped by UNIT. Its name comes from the training subgraph.' +
      unavailableNote('training'),
  })
  unit!: Unit | null;

  @Field(() => Int, { nullable: true, description: 'Year surveyed (tahun); null unless grouped by YEAR' })
  year!: number | null;

  @Field(() => Gender, {
    nullable: true,
    description: "Respondent's gender (jenis kelamin); null unless grouped by GENDER",
  })
  gender!: Gender | null;

  @Field(() => RespondentEducation, {
    nullable: true,
    description: "Respondent's education (pendidikan); null unless grouped by EDUCATION",
  })
  education!: RespondentEducation | null;

  @Field(() => Int, { description: 'Number of respondents in the group (jumlah responden)' })
  respondents!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Satisfaction index (nilai IKM) 25-100 over the group's responses: sum of all answers / (9 x respondents) x 25, half-up to 2 decimals (so a total is weighted by respondents); null without respondents",
  })
  index!: number | null;

  @Field(() => SatisfactionGrade, {
    nullable: true,
    description:
      'Grade (mutu pelayanan) of the rounded index: A 88.31-100, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99',
  })
  grade!: SatisfactionGrade | null;

  @Field(() => ProvenanceSummary, {
    description:
      "The group's answer sheets counted by provenance, and the weakest (asal data): RECONSTRUCTED sheets were made to add up to a printed index",
  })
  evidence!: ProvenanceSummary;
}
