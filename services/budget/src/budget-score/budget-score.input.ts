import { Provenance } from '@kesos/infra';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType({ description: "A unit's score on one IKPA component (nilai indikator IKPA)" })
export class IkpaComponentScoreInput {
  @Field({ description: 'Component code, e.g. PENYERAPAN (see UnitBudget.ikpaComponents)' })
  code!: string;

  @Field(() => Float, { description: 'Score 0-100, at most 2 decimals' })
  score!: number;
}

@InputType({ description: "A year's budget performance scores as the finance ministry published them" })
export class RecordBudgetPerformanceInput {
  @Field(() => ID, { description: 'Unit code, e.g. BBPPKS-PADANG' })
  unitCode!: string;

  @Field(() => Int, { description: 'Fiscal year (tahun anggaran)' })
  year!: number;

  @Field(() => Float, { description: 'SMART score (Nilai SMART), 0-100, at most 2 decimals' })
  smartScore!: number;

  @Field(() => Float, { description: 'Budget execution index (IKPA), 0-100, at most 2 decimals' })
  ikpaScore!: number;

  @Field(() => Float, {
    nullable: true,
    description: "The combined score as printed in the unit's report, when it differs from the derived one",
  })
  publishedScore?: number | null;

  @Field(() => String, { nullable: true, description: 'Source or remark' })
  note?: string | null;

  @Field(() => [IkpaComponentScoreInput], {
    nullable: true,
    description:
      "The IKPA component scores, all of the year's components when given; ikpaScore must then equal their weighted sum (sum of weight x score / 100, rounded half-up to 2 decimals)",
  })
  ikpaComponents?: IkpaComponentScoreInput[] | null;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the scores come from (asal data); OPERATIONAL when left out, another only from an admin loading data',
  })
  provenance?: Provenance | null;
}
