import { Provenance } from '@kesos/infra';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum Measure {
  PERCENT = 'PERCENT',
  INDEX = 'INDEX',
  SCORE = 'SCORE',
}
registerEnumType(Measure, {
  name: 'IndicatorMeasure',
  description: 'What an indicator measures in (satuan)',
  valuesConfig: {
    PERCENT: { description: 'A percentage (persen), 0-100 or more' },
    INDEX: { description: 'An index (indeks), such as the satisfaction index 25-100' },
    SCORE: { description: 'A score (nilai) given by an evaluator, such as SAKIP or budget performance' },
  },
});

export enum Polarity {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
}
registerEnumType(Polarity, {
  name: 'IndicatorPolarity',
  description: 'Whether a higher or a lower realisation is better (polaritas)',
  valuesConfig: {
    HIGHER_IS_BETTER: { description: 'Positive polarity (polaritas positif): achievement = R / T x 100' },
    LOWER_IS_BETTER: { description: 'Negative polarity (polaritas negatif): achievement = (1 + (1 - R / T)) x 100' },
  },
});

/** Where an indicator's realisation comes from. */
export enum Metric {
  ACCREDITATION = 'ACCREDITATION',
  CERTIFICATION = 'CERTIFICATION',
  FACILITATOR_TRAINING = 'FACILITATOR_TRAINING',
  LIFE_SKILLS = 'LIFE_SKILLS',
  ATENSI = 'ATENSI',
  BUDGET_PERFORMANCE = 'BUDGET_PERFORMANCE',
  SATISFACTION_SURVEY = 'SATISFACTION_SURVEY',
  ENTERED = 'ENTERED',
}
registerEnumType(Metric, {
  name: 'IndicatorMetric',
  description: 'The records an indicator is derived from (sumber data)',
  valuesConfig: {
    ACCREDITATION: {
      description: 'Accreditation decisions of social-welfare institutions (akreditasi LKS): accredited / assessed',
    },
    CERTIFICATION: {
      description: 'Certification assessments of social-welfare workers (sertifikasi SDM Kesos): competent / assessed',
    },
    FACILITATOR_TRAINING: {
      description: 'PKH facilitators who graduated from training / target (pendamping PKH yang mengikuti diklat)',
    },
    LIFE_SKILLS: { description: 'Monitored alumni with life skills / monitored alumni (kecakapan hidup)' },
    ATENSI: { description: 'Closed ATENSI cases whose beneficiaries were served / closed cases' },
    BUDGET_PERFORMANCE: { description: 'Budget performance score (Nilai Kinerja Anggaran) from the budget subgraph' },
    SATISFACTION_SURVEY: { description: 'Satisfaction survey index (IKM) of this subgraph' },
    ENTERED: { description: 'Entered by hand from an external evaluation (e.g. the SAKIP score)' },
  },
});

@ObjectType({ description: 'Target of an indicator for a year (target tahunan)' })
export class IndicatorTarget {
  @Field(() => Int, { description: 'Year (tahun)' })
  year!: number;

  @Field(() => Float, { description: 'Target value (target)' })
  target!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Unit of the target when it differs from the indicator measure, e.g. "orang" (persons) in 2021',
  })
  unitLabel!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Volume behind the denominator where no record carries it, e.g. 2,400 facilitators to train',
  })
  volumeTarget!: number | null;

  @Field(() => Provenance, {
    description: 'Where the target comes from (asal data): REPORTED when the report prints it',
  })
  provenance!: Provenance;
}

@ObjectType({ description: 'A performance indicator of the strategic plan (indikator kinerja) with its formula' })
export class PlanIndicator {
  @Field({ description: 'Indicator code, e.g. SK1.1' })
  code!: string;

  @Field({ description: 'Name in English' })
  name!: string;

  @Field({ description: 'Name in Indonesian as in the plan (nama indikator)' })
  nameId!: string;

  @Field(() => Measure, { description: 'Unit of measure (satuan)' })
  measure!: Measure;

  @Field(() => Polarity, { description: 'Polarity (polaritas)' })
  polarity!: Polarity;

  @Field(() => Metric, { description: 'Where the realisation comes from (sumber data)' })
  metric!: Metric;

  @Field({ description: 'Numerator definition of the formula (pembilang), or what the score is' })
  numeratorDefinition!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Denominator definition of the formula (penyebut); null for scores',
  })
  denominatorDefinition!: string | null;

  @Field(() => Float, { nullable: true, description: 'Highest achievement counted, when capped (batas capaian)' })
  achievementCap!: number | null;

  @Field(() => [IndicatorTarget], { description: 'Targets per year of the plan' })
  targets!: IndicatorTarget[];
}

@ObjectType({ description: 'An activity goal of the strategic plan (sasaran kegiatan)' })
export class PlanGoal {
  @Field({ description: 'Goal code, SK1..SK6' })
  code!: string;

  @Field({ description: 'Title in English' })
  title!: string;

  @Field({ description: 'Title in Indonesian as in the plan (sasaran kegiatan)' })
  titleId!: string;

  @Field(() => [PlanIndicator], { description: 'Indicators of this goal in the order of the performance agreement' })
  indicators!: PlanIndicator[];
}

@ObjectType({ description: "A unit's five-year strategic plan (Renstra)" })
export class StrategicPlan {
  @Field({ description: 'Title (judul Renstra)' })
  title!: string;

  @Field(() => Int, { description: 'First year covered' })
  fromYear!: number;

  @Field(() => Int, { description: 'Last year covered' })
  toYear!: number;

  @Field(() => [PlanGoal], { description: 'Activity goals (sasaran kegiatan) SK1..SK6' })
  goals!: PlanGoal[];

  @Field(() => Provenance, {
    description: 'Where the plan record comes from (asal data): REPORTED for a Renstra the report gives',
  })
  provenance!: Provenance;
}
