import { ProvenanceSummary, RupiahScalar } from '@kesos/infra';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { EVIDENCE } from '../line/line.type';
import { ExpenseTypeFigure, SatkerBudget } from '../satker/satker.type';

@ObjectType({
  description: "A unit's budget for one fiscal year (anggaran): its satkers' DIPAs, realisation and budget performance",
})
export class UnitBudget {
  /** Internal: the unit the field resolvers load for. */
  unitCode!: string;

  @Field(() => Int, { description: 'Fiscal year (tahun anggaran)' })
  year!: number;
}

@ObjectType({
  description: "One year of a unit's budget history: ceilings and realisation per satker and expense type",
})
export class UnitBudgetYear {
  @Field(() => Int, { description: 'Fiscal year (tahun anggaran)' })
  year!: number;

  @Field(() => [SatkerBudget], { description: 'The satkers that held a DIPA in the year, by code' })
  satkers!: SatkerBudget[];

  @Field(() => RupiahScalar, { description: 'Total ceiling (pagu) of all satkers in whole rupiah' })
  ceiling!: number;

  @Field(() => RupiahScalar, { description: 'Total realisation (realisasi) of all satkers in whole rupiah' })
  realized!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Absorption rate (penyerapan) = realized / ceiling x 100, rounded half-up to 2 decimals; null when the ceiling is 0',
  })
  absorptionRate!: number | null;

  @Field(() => ProvenanceSummary, { description: EVIDENCE })
  evidence!: ProvenanceSummary;

  @Field(() => [ExpenseTypeFigure], { description: 'All satkers together per expense type: PERSONNEL, GOODS, CAPITAL' })
  byExpenseType!: ExpenseTypeFigure[];
}
