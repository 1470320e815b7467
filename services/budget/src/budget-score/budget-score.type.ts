import { Provenance } from '@kesos/infra';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An IKPA component (indikator pelaksanaan anggaran) and its weight for the year' })
export class IkpaComponent {
  @Field({ description: 'Component code, e.g. REVISI_DIPA' })
  code!: string;

  @Field({ description: 'Component name, e.g. Revisi DIPA' })
  name!: string;

  @Field(() => Int, { description: "Weight (bobot) in percent; the year's weights sum to 100" })
  weight!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Component score; null where the source gives only the IKPA total',
  })
  score!: number | null;

  @Field(() => Provenance, {
    nullable: true,
    description: 'Where the component score comes from (asal data); null without a score',
  })
  provenance!: Provenance | null;
}

@ObjectType({ description: "A year's budget performance as recorded" })
export class BudgetPerformance {
  @Field({ description: 'Unit code' })
  unitCode!: string;

  @Field(() => Int, { description: 'Fiscal year' })
  year!: number;

  @Field(() => Float, { nullable: true, description: 'SMART score (Nilai SMART)' })
  smartScore!: number | null;

  @Field(() => Float, { nullable: true, description: 'Budget execution index (IKPA)' })
  ikpaScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Budget performance score (Nilai Kinerja Anggaran) = 60% x SMART + 40% x IKPA, computed exactly and rounded half-up to 2 decimals',
  })
  budgetPerformanceScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The combined score as printed in the unit's report (may differ by truncation)",
  })
  publishedBudgetPerformanceScore!: number | null;

  @Field(() => Provenance, {
    description: 'Where the scores come from (asal data): REPORTED when the published report gives them',
  })
  provenance!: Provenance;
}
