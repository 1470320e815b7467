import { BadInputError } from '@kesos/infra';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LineChangeInput, RecordRevisionInput, validateRevision } from '../revision/revision.input';
import { RevisionAuthority } from '../revision/revision.type';

@InputType({ description: "One side of a transfer: the revision of a satker's DIPA that cuts or receives the budget" })
export class TransferSideInput {
  @Field({ description: 'Satker code (kode satker), e.g. 690552' })
  satkerCode!: string;

  @Field(() => RevisionAuthority, { description: "Approving authority of this side's revision: DJA or DJPB" })
  authority!: RevisionAuthority;

  @Field(() => [LineChangeInput], {
    description: 'Line changes: cuts (negative) on the giving side, additions (positive) on the receiving side',
  })
  changes!: LineChangeInput[];
}

@InputType({
  description:
    'Budget moved between satkers (or from another unit), e.g. after a reorganisation or a delegation (pelimpahan anggaran)',
})
export class RecordBudgetTransferInput {
  @Field(() => Int, { description: 'Fiscal year (tahun anggaran) of both DIPAs' })
  year!: number;

  @Field({ description: 'Date of the transfer and of both revisions, YYYY-MM-DD, in the fiscal year' })
  date!: string;

  @Field({ description: 'What is moved and why (uraian)' })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Legal basis (dasar hukum), e.g. a finance ministry letter number',
  })
  reference?: string | null;

  @Field(() => TransferSideInput, {
    nullable: true,
    description: 'The giving satker, when it is recorded in this graph',
  })
  from?: TransferSideInput | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The giving unit, when its satker is not recorded here (e.g. budget delegated by another centre); only without from',
  })
  fromUnitCode?: string | null;

  @Field({
    defaultValue: false,
    description: 'Close the giving satker on the transfer date (ditutup): it takes no spending or revision after that',
  })
  closeFromSatker!: boolean;

  @Field(() => TransferSideInput, { description: 'The receiving satker' })
  to!: TransferSideInput;
}

export interface ValidTransfer {
  input: RecordBudgetTransferInput;
  from: RecordRevisionInput | null;
  to: RecordRevisionInput;
  amount: number;
}

function side(input: RecordBudgetTransferInput, s: TransferSideInput, field: string): RecordRevisionInput {
  try {
    return validateRevision({
      satkerCode: s.satkerCode.trim(),
      year: input.year,
      authority: s.authority,
      date: input.date,
      description: input.description,
      changes: s.changes,
      outputTargets: null,
    });
  } catch (err) {
    if (err instanceof BadInputError) throw new BadInputError(`${field}${String(err.extensions.field)}`, err.message);
    throw err;
  }
}

/** Both sides must move the same amount: what the giver loses is what the receiver gains. */
export function validateTransfer(input: RecordBudgetTransferInput): ValidTransfer {
  if (!input.from === !input.fromUnitCode?.trim())
    throw new BadInputError(
      'from',
      'give exactly one giver: from (a satker recorded here) or fromUnitCode (another unit)',
    );
  if (input.closeFromSatker && !input.from)
    throw new BadInputError('closeFromSatker', 'only a giving satker recorded here can be closed');
  if (input.fromUnitCode && !/^[A-Z0-9][A-Z0-9-]{1,39}$/.test(input.fromUnitCode.trim()))
    throw new BadInputError('fromUnitCode', `"${input.fromUnitCode}" is not a unit code such as BBPPKS-YOGYAKARTA`);
  const to = side(input, input.to, 'to.');
  const from = input.from ? side(input, input.from, 'from.') : null;
  if (to.changes.some((c) => c.ceilingChange < 0))
    throw new BadInputError(
      'to.changes.ceilingChange',
      "the receiving satker's changes add budget; a cut belongs on the giving side",
    );
  const amount = to.changes.reduce((s, c) => s + c.ceilingChange, 0);
  if (amount <= 0) throw new BadInputError('to.changes.ceilingChange', 'a transfer moves more than 0 rupiah');
  if (from) {
    if (from.satkerCode === to.satkerCode)
      throw new BadInputError(
        'to.satkerCode',
        'a satker cannot transfer to itself; move money between its lines with recordBudgetRevision',
      );
    if (from.changes.some((c) => c.ceilingChange > 0))
      throw new BadInputError(
        'from.changes.ceilingChange',
        "the giving satker's changes cut budget; an addition belongs on the receiving side",
      );
    const given = -from.changes.reduce((s, c) => s + c.ceilingChange, 0);
    if (given !== amount)
      throw new BadInputError(
        'to.changes.ceilingChange',
        `the receiving satker gains Rp ${amount.toLocaleString('id-ID')} but the giving one loses Rp ${given.toLocaleString('id-ID')}; both sides must move the same amount`,
      );
  }
  const reference = input.reference?.trim() || null;
  if (reference && reference.length > 200)
    throw new BadInputError('reference', 'the reference is at most 200 characters');
  return { input: { ...input, reference, fromUnitCode: input.fromUnitCode?.trim() || null }, from, to, amount };
}
