import { ProvenanceSummary } from '@kesos/infra';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}
registerEnumType(Gender, {
  name: 'Gender',
  description: 'Gender (jenis kelamin)',
  valuesConfig: { FEMALE: { description: 'Female (perempuan)' }, MALE: { description: 'Male (laki-laki)' } },
});

export enum RespondentEducation {
  SD = 'SD',
  SMP = 'SMP',
  SMA = 'SMA',
  DIII = 'DIII',
  S1 = 'S1',
  S2 = 'S2',
}
registerEnumType(RespondentEducation, {
  name: 'RespondentEducation',
  description: 'Highest education of a survey respondent (pendidikan terakhir)',
  valuesConfig: {
    SD: { description: 'Primary school (Sekolah Dasar)' },
    SMP: { description: 'Junior secondary school (Sekolah Menengah Pertama)' },
    SMA: { description: 'Senior secondary school (Sekolah Menengah Atas)' },
    DIII: { description: 'Three-year diploma (Diploma III)' },
    S1: { description: 'Bachelor degree (Sarjana, S1)' },
    S2: { description: 'Master degree (Magister, S2)' },
  },
});

export enum SatisfactionGrade {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}
registerEnumType(SatisfactionGrade, {
  name: 'SatisfactionGrade',
  description: 'Service quality grade (mutu pelayanan) from the satisfaction index, Permenpan RB 14/2017',
  valuesConfig: {
    A: { description: 'Very good (sangat baik): index 88.31-100' },
    B: { description: 'Good (baik): index 76.61-88.30' },
    C: { description: 'Fair (kurang baik): index 65.00-76.60' },
    D: { description: 'Poor (tidak baik): index 25.00-64.99' },
  },
});

@ObjectType({ description: 'Respondents of one gender (responden per jenis kelamin)' })
export class RespondentsByGender {
  @Field(() => Gender, { description: 'Gender (jenis kelamin)' })
  key!: Gender;

  @Field(() => Int, { description: 'Number of respondents (jumlah responden)' })
  count!: number;
}

@ObjectType({ description: 'Respondents of one education level (responden per pendidikan)' })
export class RespondentsByEducation {
  @Field(() => RespondentEducation, { description: 'Education level (pendidikan)' })
  key!: RespondentEducation;

  @Field(() => Int, { description: 'Number of respondents (jumlah responden)' })
  count!: number;
}

@ObjectType({ description: 'Mean score of one service element (nilai rata-rata per unsur, NRR)' })
export class SurveyElementScore {
  @Field({ description: 'Element code U1..U9 (unsur pelayanan)' })
  code!: string;

  @Field({ description: 'Element name (nama unsur)' })
  name!: string;

  @Field(() => Float, {
    description: 'Mean answer 1-4 (NRR), rounded half-up to 2 decimals for display; the index uses the exact sums',
  })
  meanScore!: number;
}

@ObjectType({ description: 'Satisfaction survey (survei kepuasan masyarakat, IKM) of a unit for a year' })
export class SatisfactionSurvey {
  @Field(() => Int, { description: 'Year surveyed (tahun)' })
  year!: number;

  @Field(() => Int, { description: 'Number of respondents (jumlah responden)' })
  respondents!: number;

  @Field(() => Float, {
    description:
      'Satisfaction index (nilai IKM) 25-100: sum of all answers / (9 x respondents) x 25, i.e. each element weighted exactly 1/9, rounded half-up to 2 decimals',
  })
  index!: number;

  @Field(() => SatisfactionGrade, {
    description:
      'Grade (mutu pelayanan) of the rounded index: A 88.31-100, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99',
  })
  grade!: SatisfactionGrade;

  @Field(() => [SurveyElementScore], { description: 'Mean score per service element (NRR per unsur), U1..U9' })
  elements!: SurveyElementScore[];

  @Field(() => [RespondentsByGender], { description: 'Respondents by gender (responden menurut jenis kelamin)' })
  byGender!: RespondentsByGender[];

  @Field(() => [RespondentsByEducation], {
    description: 'Respondents by education, SD to S2 (responden menurut pendidikan)',
  })
  byEducation!: RespondentsByEducation[];

  @Field(() => ProvenanceSummary, {
    description:
      'The answer sheets the survey is computed from, counted by provenance (asal data); the 2022 sheets of BBPPKS Padang are RECONSTRUCTED (made to add up to the printed totals), so their index matches the report by construction',
  })
  evidence!: ProvenanceSummary;
}

@ObjectType({ description: 'Result of a bulk import of survey responses (hasil impor kuesioner IKM)' })
export class SurveyImportResult {
  @Field(() => Int, { description: 'Responses imported (jumlah responden diimpor)' })
  imported!: number;

  @Field(() => SatisfactionSurvey, { description: 'The survey with the imported responses included (hasil IKM)' })
  survey!: SatisfactionSurvey;
}
