import { ProvenanceSummary } from '@kesos/infra';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Measure, Metric, Polarity } from '../plan/plan.type';
import type { IndicatorTargetEntity, PlanIndicatorEntity } from '../plan/plan.entity';
import type {
  MetricCounterEntity,
  PublishedFigureEntity,
  RealizationEntryEntity,
} from '../realization/realization.entity';

/** What an indicator's figures are derived from (performance.rules.ts). */
export interface IndicatorInputs {
  indicator: PlanIndicatorEntity;
  target: IndicatorTargetEntity | null;
  counter: MetricCounterEntity | null;
  surveyIndex: number | null;
  /** The answer sheets behind surveyIndex, by provenance. */
  surveyEvidence: ProvenanceSummary | null;
  entry: RealizationEntryEntity | null;
  published: PublishedFigureEntity | null;
}

export enum RealizationSource {
  DERIVED = 'DERIVED',
  ENTERED = 'ENTERED',
  NONE = 'NONE',
}
registerEnumType(RealizationSource, {
  name: 'RealizationSource',
  description: 'How a realisation was obtained (sumber realisasi)',
  valuesConfig: {
    DERIVED: { description: 'Computed from records (events of the training and budget subgraphs, survey responses)' },
    ENTERED: {
      description: 'Entered by hand (external evaluation or a historic year without records), with who and when',
    },
    NONE: { description: 'Not measured (belum diukur)' },
  },
});

@ObjectType({
  description: 'Realisation of a ratio indicator as it stood at the end of a quarter (capaian kumulatif triwulan)',
})
export class QuarterResult {
  @Field(() => Int, { description: 'Quarter (triwulan), 1-4' })
  quarter!: number;

  @Field(() => Int, {
    description: 'Numerator counted from the records dated up to the end of the quarter (pembilang kumulatif)',
  })
  numerator!: number;

  @Field(() => Int, {
    description:
      'Denominator counted the same way (penyebut kumulatif); for SK2.2 the volume target while no class has closed',
  })
  denominator!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'numerator / denominator x 100, rounded half-up to 2 decimals; null while nothing is counted',
  })
  realization!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Achievement against the annual target by the indicator's rules (capaian terhadap target tahunan)",
  })
  achievement!: number | null;
}

@ObjectType({
  description:
    'An indicator of a goal with its target, realisation and achievement for a year (capaian indikator kinerja)',
})
export class IndicatorResult {
  @Field({ description: 'Indicator code, e.g. SK1.1' })
  code!: string;

  @Field({ description: 'Name in English with the Indonesian term (indikator kinerja)' })
  name!: string;

  @Field({ description: 'Name in Indonesian as in the agreement' })
  nameId!: string;

  @Field(() => Measure, { description: 'Unit of measure (satuan)' })
  measure!: Measure;

  @Field(() => Polarity, { description: 'Polarity (polaritas)' })
  polarity!: Polarity;

  @Field(() => Metric, { description: 'Records the realisation is derived from (sumber data)' })
  metric!: Metric;

  @Field(() => Float, { nullable: true, description: 'Target for the year (target); null when the plan sets none' })
  target!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Unit of target and realisation when the year differs from the measure (e.g. "orang" in 2021)',
  })
  unitLabel!: string | null;

  @Field(() => Int, { nullable: true, description: 'Numerator of a ratio indicator (pembilang), counted from records' })
  numerator!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Denominator of a ratio indicator (penyebut), counted from records or the entered volume target',
  })
  denominator!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Realisation (realisasi): numerator / denominator x 100 for ratios, the score or index otherwise; rounded half-up to 2 decimals',
  })
  realization!: number | null;

  @Field(() => RealizationSource, {
    description:
      'Whether the realisation was derived, entered or is missing; DERIVED says how it was computed, evidence says what from',
  })
  realizationSource!: RealizationSource;

  @Field(() => String, { nullable: true, description: 'Who entered an entered realisation' })
  enteredBy!: string | null;

  @Field(() => String, { nullable: true, description: 'When an entered realisation was entered, ISO timestamp' })
  enteredAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why an entered realisation has its value' })
  entryNote!: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Achievement (% capaian): R / T x 100 (positive polarity) or (1 + (1 - R / T)) x 100 (negative), R being the realisation already rounded; rounded half-up to 2 decimals, capped when the indicator has a cap; null without target or realisation',
  })
  achievement!: number | null;

  @Field(() => Float, { nullable: true, description: 'Target as printed in the report (target terbit)' })
  publishedTarget!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Realisation as printed in the report, kept beside the derived one for auditors (realisasi terbit)',
  })
  publishedRealization!: number | null;

  @Field(() => Float, { nullable: true, description: 'Achievement as printed in the report (capaian terbit)' })
  publishedAchievement!: number | null;

  @Field(() => String, { nullable: true, description: 'Where and why the printed figure differs from the derived one' })
  publishedNote!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when derived realisation and achievement equal the printed ones; null when nothing was printed. A match computed from RECONSTRUCTED records (see evidence) holds by construction, since those records were made to add up to the printed figure: it is not evidence that the report is right',
  })
  matchesPublished!: boolean | null;

  @Field(() => ProvenanceSummary, {
    description:
      'The records the realisation rests on, counted by provenance (asal data): the facts counted from events for a derived ratio or score, the answer sheets for the satisfaction index, the one entry for an entered value; no records when not measured',
  })
  evidence!: ProvenanceSummary;

  @Field(() => [QuarterResult], {
    description:
      'Cumulative realisation at the end of each quarter (triwulan I-IV), from the days the records became known; a record dated after the year counts in the annual figure only. Empty for indicators without dated records (entered, score and index indicators)',
  })
  quarters?: QuarterResult[];

  /** The unit and year of the figures, and what they were derived from: IndicatorResult.quarters reads its counters with them. */
  unitCode!: string;
  year!: number;
  inputs!: IndicatorInputs;
}

@Directive('@key(fields: "unitCode year code")')
@ObjectType({
  description: 'An activity goal (sasaran kegiatan) of a unit in a year, with its indicators and achievement',
})
export class Goal {
  @Field(() => ID, { description: 'Unit code, e.g. BBPPKS-PADANG' })
  unitCode!: string;

  @Field(() => Int, { description: 'Year (tahun)' })
  year!: number;

  @Field({ description: 'Goal code, SK1..SK6' })
  code!: string;

  @Field({ description: 'Title in English with the Indonesian term (sasaran kegiatan)' })
  title!: string;

  @Field({ description: 'Title in Indonesian as in the agreement' })
  titleId!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      "Goal achievement (capaian sasaran): mean of its indicators' achievements, rounded half-up to 2 decimals; null when none has one",
  })
  achievement!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Goal achievement as printed in the report's efficiency table (capaian terbit)",
  })
  publishedAchievement!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where and why the printed goal achievement differs from the derived one (catatan angka terbit)',
  })
  publishedNote!: string | null;

  @Field(() => [IndicatorResult], { description: 'Indicators in the order of the performance agreement' })
  indicators!: IndicatorResult[];

  @Field(() => ProvenanceSummary, {
    description: "The records behind the goal's achievement: its indicators' evidence added up (asal data)",
  })
  evidence!: ProvenanceSummary;
}

@ObjectType({ description: 'Performance of a unit in a year (capaian kinerja): the goals of its strategic plan' })
export class UnitPerformance {
  @Field(() => ID, { description: 'Unit code' })
  unitCode!: string;

  @Field(() => Int, { description: 'Year (tahun)' })
  year!: number;

  @Field(() => [Goal], { description: 'Activity goals SK1..SK6; empty when the unit has no plan covering the year' })
  goals!: Goal[];
}
