import { SortDirection, StatsYears } from '@kesos/infra';
import { Field, ID, InputType } from 'type-graphql';
import { Gender, RespondentEducation } from '../survey/survey.type';
import { IndicatorStatsField, SurveyStatsField } from './stats.type';

@InputType({
  description: 'Which indicators of which units and years (saringan statistik indikator); filters are ANDed',
})
export class IndicatorStatsFilter extends StatsYears {
  @Field(() => [ID], {
    nullable: true,
    description: 'Units (unit kerja) by code; omitted: every unit the caller reads',
  })
  units?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Activity goals (sasaran kegiatan) by code, e.g. SK1; omitted: all',
  })
  goals?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Indicators (indikator kinerja) by code, e.g. SK1.1; omitted: all',
  })
  indicators?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only indicators below target (di bawah target), achievement < 100 (lower-is-better indicators included, their achievement already inverted); false: only those at or above target; omitted: all. Indicators without an achievement match neither',
  })
  belowTarget?: boolean | null;
}

@InputType({ description: 'One ordering of indicator statistics (urutan)' })
export class IndicatorStatsOrder {
  @Field(() => IndicatorStatsField, { description: 'Value to order by (diurutkan menurut)' })
  field!: IndicatorStatsField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction (arah urutan)' })
  direction!: SortDirection;
}

@InputType({ description: 'Which survey responses (saringan statistik IKM); filters are ANDed' })
export class SurveyStatsFilter extends StatsYears {
  @Field(() => [ID], {
    nullable: true,
    description: 'Units (unit kerja) by code; omitted: every unit the caller reads',
  })
  units?: string[] | null;

  @Field(() => [Gender], { nullable: true, description: "Respondents' genders (jenis kelamin); omitted: all" })
  genders?: Gender[] | null;

  @Field(() => [RespondentEducation], {
    nullable: true,
    description: "Respondents' education levels (pendidikan); omitted: all",
  })
  educations?: RespondentEducation[] | null;
}

@InputType({ description: 'One ordering of survey statistics (urutan)' })
export class SurveyStatsOrder {
  @Field(() => SurveyStatsField, { description: 'Value to order by (diurutkan menurut)' })
  field!: SurveyStatsField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction (arah urutan)' })
  direction!: SortDirection;
}
