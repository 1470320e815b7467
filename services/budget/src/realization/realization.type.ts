import { type Connection, connectionType, Provenance, RupiahScalar } from '@kesos/infra';
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

  @Field(() => Provenance, {
    description:
      'Where the transaction comes from (asal data): RECONSTRUCTED for the monthly split of an annual total the report prints, OPERATIONAL when recorded at work',
  })
  provenance!: Provenance;
}

/** Transactions of a DIPA in id order, a page at a time; `items` and `nextCursor` stay for older clients. */
export const RealizationPage = connectionType(Realization, {
  name: 'RealizationPage',
  items: 'spending transactions (realisasi)',
});
export type RealizationPage = Connection<Realization>;
