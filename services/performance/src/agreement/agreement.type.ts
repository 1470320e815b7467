import { Provenance } from '@kesos/infra';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AgreementParty {
  FIRST = 'FIRST',
  SECOND = 'SECOND',
}
registerEnumType(AgreementParty, {
  name: 'AgreementParty',
  description: 'Party to a performance agreement',
  valuesConfig: {
    FIRST: { description: 'First party (pihak pertama): the head of the unit, who promises the targets' },
    SECOND: { description: 'Second party (pihak kedua): the superior, who supervises and evaluates' },
  },
});

@ObjectType({ description: 'A signatory of a performance agreement, by position (penandatangan)' })
export class AgreementSignatory {
  @Field(() => AgreementParty, { description: 'Which party signed' })
  party!: AgreementParty;

  @Field({ description: 'Position title (jabatan), e.g. Kepala BBPPKS Padang' })
  positionTitle!: string;
}

@ObjectType({ description: 'A line of a performance agreement: goal, indicator and target' })
export class AgreementItem {
  @Field(() => Int, { description: 'Line number' })
  position!: number;

  @Field({ description: 'Goal as written in the agreement (sasaran)' })
  goal!: string;

  @Field({ description: 'Indicator as written in the agreement (indikator kinerja)' })
  indicator!: string;

  @Field(() => String, {
    nullable: true,
    description: "The strategic plan's indicator code when the line is one of its indicators",
  })
  indicatorCode!: string | null;

  @Field(() => Float, { description: 'Target (target)' })
  target!: number;

  @Field({ description: 'Unit of the target: %, orang (persons), nilai (score), skala 1-4' })
  targetUnit!: string;

  @Field(() => Provenance, { description: 'Where the line comes from (asal data)' })
  provenance!: Provenance;
}

@ObjectType({
  description: 'One version of a performance agreement (perjanjian kinerja, PK); versions are immutable snapshots',
})
export class PerformanceAgreement {
  @Field(() => Int, { description: 'Year of the agreement' })
  year!: number;

  @Field(() => Int, { description: 'Version: 1 = original, 2.. = revisions (revisi PK)' })
  version!: number;

  @Field({ description: 'Title' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Why this version was made (alasan revisi)' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'Place of signing (tempat)' })
  signedPlace!: string | null;

  @Field(() => String, { nullable: true, description: 'Month of signing, ISO YYYY-MM (the documents give no day)' })
  signedMonth!: string | null;

  @Field(() => Boolean, { description: 'Whether this is the latest version of the year (berlaku)' })
  current!: boolean;

  @Field(() => [AgreementSignatory], { description: 'Signatories by position' })
  signatories!: AgreementSignatory[];

  @Field(() => [AgreementItem], { description: 'Goals, indicators and targets as signed' })
  items!: AgreementItem[];

  @Field(() => Provenance, {
    description: 'Where the agreement record comes from (asal data): REPORTED when the report reproduces it',
  })
  provenance!: Provenance;
}
