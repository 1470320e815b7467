import { Provenance, ProvenanceSummary, RupiahScalar } from '@kesos/infra';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ExpenseType } from '../account/account.type';

const RATE = 'rounded half-up to 2 decimals; null when the ceiling is 0';

/** What every budget figure's `evidence` is. */
export const EVIDENCE =
  'The revision changes (ceiling) and spending transactions (realisation) the figures are summed from, counted by provenance (asal data); RECONSTRUCTED records make a figure a reconstruction of the printed total, not evidence for it';

@ObjectType({
  description: 'A budget line: one account (akun) under a component of an output, with its current figures',
})
export class BudgetLine {
  @Field(() => ID, { description: 'Line id, used by revisions to name the line they change' })
  id!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Programme code (kode program); null for expense-type summary lines',
  })
  programmeCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Activity code (kode kegiatan)' })
  activityCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Output code (kode RO), e.g. 6391.SCM.001' })
  outputCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Component code (kode komponen), e.g. 051' })
  componentCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Component name (nama komponen)' })
  componentName!: string | null;

  @Field({ description: 'Account code (kode akun), e.g. 524111; 51/52/53 for expense-type summary lines' })
  accountCode!: string;

  @Field({ description: 'Account name (nama akun)' })
  accountName!: string;

  @Field(() => ExpenseType, { description: 'Expense type (jenis belanja) of the account' })
  expenseType!: ExpenseType;

  @Field(() => String, { nullable: true, description: 'Performance goal (sasaran kegiatan) the line serves, e.g. SK3' })
  goalCode!: string | null;

  @Field(() => RupiahScalar, {
    description: "Current ceiling (pagu) in whole rupiah: sum of the line's revision changes",
  })
  ceiling!: number;

  @Field(() => RupiahScalar, { description: 'Blocked amount (blokir) in whole rupiah' })
  blocked!: number;

  @Field(() => RupiahScalar, { description: 'Realised spending (realisasi) in whole rupiah' })
  realized!: number;

  @Field(() => Float, { nullable: true, description: `Absorption rate (penyerapan) in percent, ${RATE}` })
  absorptionRate!: number | null;

  @Field(() => Provenance, {
    description:
      'Where the line comes from (asal data): RECONSTRUCTED where the report gives only the totals the lines split',
  })
  provenance!: Provenance;

  @Field(() => ProvenanceSummary, { description: EVIDENCE })
  evidence!: ProvenanceSummary;
}

@ObjectType({
  description: 'An output (rincian output, RO) under its output class (KRO), with volume target and realisation',
})
export class BudgetOutput {
  @Field(() => ID, {
    description: 'Output code (kode RO), e.g. 6391.SCM.001; training events name it as budgetOutputCode',
  })
  code!: string;

  @Field({ description: 'Output name (nama RO)' })
  name!: string;

  @Field({ description: 'Output class code (kode KRO), e.g. 6391.SCM' })
  kroCode!: string;

  @Field({ description: 'Output class name (nama KRO), e.g. Pelatihan Bidang Sosial' })
  kroName!: string;

  @Field({ description: 'Activity code (kode kegiatan)' })
  activityCode!: string;

  @Field({ description: 'Volume unit (satuan), e.g. orang, LKS, layanan' })
  volumeUnit!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Volume target (target volume) set by the latest revision that set one',
  })
  volumeTarget!: number | null;

  @Field(() => Int, { description: 'Realised volume (realisasi volume) counted from training events (e.g. graduates)' })
  realizedVolume!: number;

  @Field(() => ProvenanceSummary, {
    description:
      'The volume entries (one per graduate, from training events) the realised volume counts, by provenance (asal data)',
  })
  realizedVolumeEvidence!: ProvenanceSummary;

  @Field(() => RupiahScalar, { description: "Budget ceiling (pagu) of the output's lines in whole rupiah" })
  ceiling!: number;

  @Field(() => RupiahScalar, { description: "Realised spending (realisasi) on the output's lines in whole rupiah" })
  realized!: number;

  @Field(() => ProvenanceSummary, { description: EVIDENCE })
  evidence!: ProvenanceSummary;
}
