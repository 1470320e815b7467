import { RupiahScalar } from '@kesos/infra';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A spending transaction (realisasi) on a budget line; corrections are reversing entries' })
export class Realization {
  @Field(() => ID, { description: 'Transaction id' })
  id!: number;

  @Field({ description: 'Satker code (kode satker)' })
  satkerCode!: string;

  @Field(() => Int, { description: 'Fiscal year (tahun anggaran)' })
  year!: number;

  @Field(() => ID, { description: 'Budget line id' })
  lineId!: number;

  @Field({ description: 'Account code (kode akun)' })
  accountCode!: string;

  @Field({ description: 'Payment date, YYYY-MM-DD' })
  date!: string;

  @Field(() => RupiahScalar, { description: 'Amount in whole rupiah; negative for a reversing entry (koreksi)' })
  amount!: number;

  @Field({ description: 'Payment document number (nomor SP2D/SPM)' })
  documentNumber!: string;

  @Field(() => String, { nullable: true, description: 'What was paid for, or the reason of a reversal' })
  description!: string | null;

  @Field(() => ID, { nullable: true, description: 'For a reversing entry: the transaction it cancels' })
  reversesId!: number | null;
}

@ObjectType({ description: 'A page of transactions in id order' })
export class RealizationPage {
  @Field(() => [Realization], { description: 'Transactions on this page' })
  items!: Realization[];

  @Field(() => String, {
    nullable: true,
    description: 'Cursor to pass as `after` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
