import { Provenance, RupiahScalar } from '@kesos/infra';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RevisionAuthority {
  DJA = 'DJA',
  DJPB = 'DJPB',
}
registerEnumType(RevisionAuthority, {
  name: 'RevisionAuthority',
  description: 'Who approved a DIPA or its revision',
  valuesConfig: {
    DJA: { description: 'Directorate General of Budget (Direktorat Jenderal Anggaran)' },
    DJPB: {
      description:
        'Directorate General of Treasury (Direktorat Jenderal Perbendaharaan), through its regional office (Kanwil DJPb)',
    },
  },
});

@ObjectType({ description: "One budget line's change in a revision" })
export class LineChange {
  @Field(() => ID, { description: "The changed line's id" })
  lineId!: number;

  @Field(() => RupiahScalar, { description: "Change of the line's ceiling (pagu) in whole rupiah; negative for a cut" })
  ceilingChange!: number;

  @Field(() => RupiahScalar, {
    description: 'Change of the blocked amount (blokir) in whole rupiah; negative when unblocked (buka blokir)',
  })
  blockedChange!: number;

  @Field(() => Provenance, {
    description:
      "Where the change comes from (asal data): RECONSTRUCTED where a line's share of a revision the report gives only in total was made up",
  })
  provenance!: Provenance;
}

@ObjectType({
  description:
    'A DIPA state: the initial DIPA (number 0) or a numbered revision (revisi DIPA); never edited once recorded',
})
export class BudgetRevision {
  @Field(() => ID, { description: 'Revision id' })
  id!: number;

  @Field(() => Int, { description: 'Revision number: 0 for the initial DIPA, then 1, 2, ...' })
  number!: number;

  @Field(() => RevisionAuthority, { description: 'Approving authority: DJA or DJPB' })
  authority!: RevisionAuthority;

  @Field({ description: 'Approval date, YYYY-MM-DD' })
  date!: string;

  @Field({ description: 'Reason for the revision (alasan revisi)' })
  description!: string;

  @Field(() => Provenance, {
    description:
      'Where the revision record comes from (asal data): REPORTED when the report lists it, RECONSTRUCTED when made to reach a printed ceiling',
  })
  provenance!: Provenance;

  @Field(() => RupiahScalar, {
    description:
      'Ceiling (pagu) after this revision in whole rupiah: the sum of the line changes of this and every earlier revision',
  })
  ceilingAfter!: number;

  @Field(() => RupiahScalar, {
    description:
      'Net change of the ceiling made by this revision in whole rupiah (0 when money only moved between lines)',
  })
  ceilingChange!: number;
}

@ObjectType({
  description: 'Budget moved from one satker (or unit) to another, linked to the revisions that cut and received it',
})
export class BudgetTransfer {
  @Field(() => ID, { description: 'Transfer id' })
  id!: number;

  @Field(() => Int, { description: 'Fiscal year (tahun anggaran)' })
  year!: number;

  @Field({ description: 'Unit code the budget came from' })
  fromUnitCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Satker code the budget came from; null when that satker is not recorded here',
  })
  fromSatkerCode!: string | null;

  @Field(() => Int, { nullable: true, description: "Number of the giving satker's revision that cut the budget" })
  fromRevisionNumber!: number | null;

  @Field({ description: 'Satker code that received the budget' })
  toSatkerCode!: string;

  @Field(() => Int, {
    description: "Number of the receiving satker's revision that added the budget (0 = its initial DIPA)",
  })
  toRevisionNumber!: number;

  @Field(() => RupiahScalar, { description: 'Amount moved in whole rupiah' })
  amount!: number;

  @Field({ description: 'Date of the transfer, YYYY-MM-DD' })
  date!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Legal basis (dasar hukum), e.g. a finance ministry letter number',
  })
  reference!: string | null;

  @Field({ description: 'What was moved and why' })
  description!: string;

  @Field(() => Provenance, { description: 'Where the transfer record comes from (asal data)' })
  provenance!: Provenance;
}
