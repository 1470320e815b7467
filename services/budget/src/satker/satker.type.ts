import { ProvenanceSummary, RupiahScalar } from '@kesos/infra';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ExpenseType } from '../account/account.type';
import { BudgetLine, BudgetOutput, EVIDENCE } from '../line/line.type';

const RATE = 'rounded half-up to 2 decimals; null when the ceiling is 0';

@ObjectType({ description: 'Ceiling and realisation of one expense type (jenis belanja)' })
export class ExpenseTypeFigure {
  @Field(() => ExpenseType, { description: 'Expense type: PERSONNEL, GOODS or CAPITAL' })
  type!: ExpenseType;

  @Field(() => RupiahScalar, {
    description: 'Budget ceiling (pagu) in whole rupiah, summed from the lines of this type',
  })
  ceiling!: number;

  @Field(() => RupiahScalar, { description: 'Realised spending (realisasi) in whole rupiah, summed from transactions' })
  realized!: number;

  @Field(() => Float, {
    nullable: true,
    description: `Absorption rate (penyerapan) = realized / ceiling x 100, ${RATE}`,
  })
  absorptionRate!: number | null;

  @Field(() => ProvenanceSummary, { description: EVIDENCE })
  evidence!: ProvenanceSummary;
}

@ObjectType({ description: 'Ceiling and realisation of an activity (kegiatan)' })
export class ActivityFigure {
  @Field({ description: 'Activity code (kode kegiatan), e.g. 6391' })
  code!: string;

  @Field({ description: 'Activity name (nama kegiatan)' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Note on the source of the name where the report does not give it',
  })
  note!: string | null;

  @Field(() => RupiahScalar, { description: 'Budget ceiling (pagu) in whole rupiah' })
  ceiling!: number;

  @Field(() => RupiahScalar, { description: 'Realised spending (realisasi) in whole rupiah' })
  realized!: number;

  @Field(() => Float, { nullable: true, description: `Absorption rate (penyerapan) in percent, ${RATE}` })
  absorptionRate!: number | null;

  @Field(() => ProvenanceSummary, { description: EVIDENCE })
  evidence!: ProvenanceSummary;
}

@ObjectType({ description: 'Ceiling and realisation of a programme (program) with its activities' })
export class ProgrammeFigure {
  @Field({ description: 'Programme code (kode program), e.g. 027.DN' })
  code!: string;

  @Field({ description: 'Programme name (nama program)' })
  name!: string;

  @Field(() => RupiahScalar, { description: 'Budget ceiling (pagu) in whole rupiah' })
  ceiling!: number;

  @Field(() => RupiahScalar, { description: 'Realised spending (realisasi) in whole rupiah' })
  realized!: number;

  @Field(() => Float, { nullable: true, description: `Absorption rate (penyerapan) in percent, ${RATE}` })
  absorptionRate!: number | null;

  @Field(() => ProvenanceSummary, { description: EVIDENCE })
  evidence!: ProvenanceSummary;

  @Field(() => [ActivityFigure], { description: 'Activities (kegiatan) of the programme, by code' })
  activities!: ActivityFigure[];
}

@ObjectType({ description: 'Realisation in one month of the fiscal year' })
export class MonthFigure {
  @Field(() => Int, { description: 'Month (bulan), 1-12' })
  month!: number;

  @Field(() => RupiahScalar, { description: 'Spending dated in this month, reversals included, in whole rupiah' })
  realized!: number;

  @Field(() => RupiahScalar, { description: 'Spending from January to the end of this month (realisasi kumulatif)' })
  cumulativeRealized!: number;

  @Field(() => Float, {
    nullable: true,
    description: `Cumulative absorption against the current ceiling, in percent, ${RATE}`,
  })
  cumulativeAbsorptionRate!: number | null;

  @Field(() => ProvenanceSummary, {
    description:
      "The spending transactions dated in the month counted by provenance, and the weakest (asal data): RECONSTRUCTED where the month is the seed's split of a printed annual total",
  })
  evidence!: ProvenanceSummary;

  @Field(() => ProvenanceSummary, {
    description:
      'The transactions from January to the end of the month (behind cumulativeRealized and the absorption curve) counted by provenance (asal data)',
  })
  cumulativeEvidence!: ProvenanceSummary;
}

@ObjectType({ description: 'Ceiling and realisation of the lines tagged with one performance goal (sasaran kegiatan)' })
export class GoalFigure {
  @Field({ description: 'Goal code, e.g. SK1' })
  goalCode!: string;

  @Field(() => RupiahScalar, { description: "Budget ceiling (pagu) of the goal's lines in whole rupiah" })
  ceiling!: number;

  @Field(() => RupiahScalar, { description: "Realised spending (realisasi) on the goal's lines in whole rupiah" })
  realized!: number;

  @Field(() => Float, { nullable: true, description: `Absorption rate (penyerapan) in percent, ${RATE}` })
  absorptionRate!: number | null;

  @Field(() => ProvenanceSummary, { description: EVIDENCE })
  evidence!: ProvenanceSummary;
}

@ObjectType({ description: "One satker's DIPA for a fiscal year: ceiling, realisation and revision history" })
export class SatkerBudget {
  /** Internal key for the revision and month loaders; not in the schema. */
  dipaId!: number;

  @Field(() => ID, { description: 'Satker code (kode satker), e.g. 690552' })
  code!: string;

  @Field({ description: 'Satker name (nama satker)' })
  name!: string;

  @Field({ description: 'Organisation structure it belongs to, e.g. OTK baru (new organisation)' })
  organisation!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Date the satker was closed (ditutup), YYYY-MM-DD; null while open',
  })
  closedOn!: string | null;

  @Field(() => Int, { description: 'Fiscal year (tahun anggaran)' })
  year!: number;

  @Field(() => RupiahScalar, {
    description: 'Current budget ceiling (pagu) in whole rupiah: the sum of every line change of every revision',
  })
  ceiling!: number;

  @Field(() => RupiahScalar, {
    description: 'Part of the ceiling still blocked (blokir) in whole rupiah; it cannot be spent',
  })
  blocked!: number;

  @Field(() => RupiahScalar, {
    description: 'Realised spending (realisasi) in whole rupiah, summed from transactions (reversals included)',
  })
  realized!: number;

  @Field(() => Float, {
    nullable: true,
    description: `Absorption rate (penyerapan) = realized / ceiling x 100, ${RATE}`,
  })
  absorptionRate!: number | null;

  @Field(() => ProvenanceSummary, { description: EVIDENCE })
  evidence!: ProvenanceSummary;

  @Field(() => [ExpenseTypeFigure], {
    description: 'Ceiling and realisation per expense type; always PERSONNEL, GOODS, CAPITAL in that order',
  })
  byExpenseType!: ExpenseTypeFigure[];

  @Field(() => [ProgrammeFigure], {
    description: 'Ceiling and realisation per programme and activity (lines without a programme are not included)',
  })
  byProgramme!: ProgrammeFigure[];

  @Field(() => [GoalFigure], { description: 'Ceiling and realisation per performance goal the lines are tagged with' })
  byGoal!: GoalFigure[];

  @Field(() => [BudgetOutput], { description: 'Outputs (RO) with their volume targets and realised volumes' })
  outputs!: BudgetOutput[];

  @Field(() => [BudgetLine], {
    description: 'Budget lines (akun per komponen) with their current ceilings and realisation',
  })
  lines!: BudgetLine[];
}
