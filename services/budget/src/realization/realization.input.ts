import { BadInputError, Provenance, RupiahScalar } from '@kesos/infra';
import { Field, ID, InputType, Int } from 'type-graphql';
import { validDate, wholeRupiah } from '../revision/revision.input';

@InputType({ description: 'A spending transaction to record against a budget line' })
export class RecordRealizationInput {
  @Field({ description: 'Satker code (kode satker), e.g. 690552' })
  satkerCode!: string;

  @Field(() => Int, { description: 'Fiscal year (tahun anggaran) the spending counts towards' })
  year!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Output code (kode RO) of the line, e.g. 6391.SCM.001; omit for expense-type summary lines',
  })
  outputCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Component code (kode komponen) of the line, e.g. 051' })
  componentCode?: string | null;

  @Field({ description: 'Account code (kode akun), e.g. 524111' })
  accountCode!: string;

  @Field({ description: 'Payment date, YYYY-MM-DD, within the fiscal year' })
  date!: string;

  @Field(() => RupiahScalar, { description: 'Amount in whole rupiah, more than 0' })
  amount!: number;

  @Field({ description: 'Payment document number (nomor SP2D/SPM)' })
  documentNumber!: string;

  @Field(() => String, { nullable: true, description: 'What was paid for' })
  description?: string | null;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the transaction comes from (asal data); OPERATIONAL when left out, another only from an admin loading data',
  })
  provenance?: Provenance | null;
}

@InputType({ description: 'A correction: a reversing entry that cancels an earlier transaction in full' })
export class ReverseRealizationInput {
  @Field(() => ID, { description: 'Id of the transaction to cancel' })
  transactionId!: string;

  @Field({ description: 'Date of the correction, YYYY-MM-DD, in the same fiscal year and not before the transaction' })
  date!: string;

  @Field({ description: 'Document number of the correction (e.g. nomor surat koreksi)' })
  documentNumber!: string;

  @Field({ description: 'Why the transaction is cancelled' })
  reason!: string;
}

export function validateRealization(input: RecordRealizationInput): RecordRealizationInput {
  const date = validDate('date', input.date, input.year);
  const amount = wholeRupiah('amount', input.amount, { positive: true });
  const accountCode = input.accountCode.trim();
  if (!/^\d{2}(\d{4})?$/.test(accountCode))
    throw new BadInputError(
      'accountCode',
      `"${input.accountCode}" is not an account code; use the six digits of the akun, e.g. 524111`,
    );
  const documentNumber = input.documentNumber.trim();
  if (!documentNumber || documentNumber.length > 60)
    throw new BadInputError('documentNumber', 'The document number (SP2D/SPM) is required and at most 60 characters');
  if (input.description && input.description.length > 500)
    throw new BadInputError('description', 'The description is at most 500 characters');
  return {
    ...input,
    date,
    amount,
    accountCode,
    documentNumber,
    outputCode: input.outputCode?.trim() || null,
    componentCode: input.componentCode?.trim() || null,
    description: input.description?.trim() || null,
  };
}
