import { BadInputError } from '@kesos/infra';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AgreementParty } from './agreement.type';

@InputType({ description: 'A signatory by position title; no personal names are recorded' })
export class AgreementSignatoryInput {
  @Field(() => AgreementParty, { description: 'Which party signs' })
  party!: AgreementParty;

  @Field({ description: 'Position title (jabatan)' })
  positionTitle!: string;
}

@InputType({ description: 'A line of the agreement' })
export class AgreementItemInput {
  @Field({ description: 'Goal (sasaran)' })
  goal!: string;

  @Field({ description: 'Indicator (indikator kinerja)' })
  indicator!: string;

  @Field(() => String, {
    nullable: true,
    description: "The plan's indicator code, e.g. SK1.1, when the line is one of its indicators",
  })
  indicatorCode?: string | null;

  @Field(() => Float, { description: 'Target' })
  target!: number;

  @Field({ description: 'Unit of the target: %, orang, nilai, skala 1-4' })
  targetUnit!: string;
}

@InputType({ description: "A new version of a unit's performance agreement for a year (the first, or a revision)" })
export class SignAgreementInput {
  @Field(() => ID, { description: 'Unit code' })
  unitCode!: string;

  @Field(() => Int, { description: 'Year of the agreement' })
  year!: number;

  @Field({ description: 'Title' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Why this version (alasan revisi)' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'Place of signing' })
  signedPlace?: string | null;

  @Field(() => String, { nullable: true, description: 'Month of signing, YYYY-MM' })
  signedMonth?: string | null;

  @Field(() => [AgreementSignatoryInput], { description: 'Both parties by position' })
  signatories!: AgreementSignatoryInput[];

  @Field(() => [AgreementItemInput], { description: 'Lines in order' })
  items!: AgreementItemInput[];
}

export function validateAgreement(input: SignAgreementInput): void {
  if (!input.title.trim() || input.title.length > 300)
    throw new BadInputError('title', 'Title is required and at most 300 characters');
  if (input.signedMonth && !/^\d{4}-(0[1-9]|1[0-2])$/.test(input.signedMonth))
    throw new BadInputError('signedMonth', 'Month of signing is YYYY-MM, e.g. 2022-09');
  const parties = input.signatories
    .map((s) => s.party)
    .sort()
    .join(',');
  if (parties !== 'FIRST,SECOND')
    throw new BadInputError('signatories', 'An agreement has exactly one first and one second party');
  if (input.signatories.some((s) => !s.positionTitle.trim() || s.positionTitle.length > 300))
    throw new BadInputError('signatories', 'Each signatory needs a position title of at most 300 characters');
  if (!input.items.length) throw new BadInputError('items', 'An agreement has at least one line');
  input.items.forEach((item, i) => {
    if (!item.goal.trim() || !item.indicator.trim())
      throw new BadInputError('items', `Line ${i + 1}: goal and indicator are required`);
    if (!Number.isFinite(item.target) || item.target < 0)
      throw new BadInputError('items', `Line ${i + 1}: target must be a number >= 0`);
    if (!item.targetUnit.trim() || item.targetUnit.length > 20)
      throw new BadInputError('items', `Line ${i + 1}: unit of the target is required (at most 20 characters)`);
  });
}
