import { BadInputError, hasAtMost2Decimals, Provenance } from '@kesos/infra';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { assertYear } from '../unit/unit.service';

@InputType({
  description:
    'A unit takes up the strategic plan (Renstra) of another unit as its own: goals, indicators, formulas and targets',
})
export class AdoptStrategicPlanInput {
  @Field(() => ID, { description: 'Unit that adopts the plan (kode unit)' })
  unitCode!: string;

  @Field(() => ID, { description: 'Unit whose plan is the template, e.g. BBPPKS-PADANG' })
  templateUnitCode!: string;

  @Field(() => Int, { description: 'A year the template plan covers; the whole plan period is adopted' })
  year!: number;

  @Field(() => Provenance, {
    nullable: true,
    description:
      "Where the adopted plan and its targets come from (asal data); OPERATIONAL when left out, whatever the template's",
  })
  provenance?: Provenance | null;
}

@InputType({
  description: 'The target of an indicator for a year (target kinerja), e.g. after a performance agreement',
})
export class SetIndicatorTargetInput {
  @Field(() => ID, { description: 'Unit code (kode unit)' })
  unitCode!: string;

  @Field(() => Int, { description: "Year of the target, within the unit's plan" })
  year!: number;

  @Field({ description: 'Indicator code, e.g. SK1.1' })
  indicatorCode!: string;

  @Field(() => Float, {
    description: "Target value in the indicator's measure (percent, index or score), 0-1000, at most 2 decimals",
  })
  target!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "Volume behind a ratio's denominator where no record carries it (SK2.2: persons to train); unchanged when omitted",
  })
  volumeTarget?: number | null;
}

export function validateTarget(input: SetIndicatorTargetInput): SetIndicatorTargetInput {
  assertYear(input.year);
  if (!Number.isFinite(input.target) || input.target < 0 || input.target > 1000 || !hasAtMost2Decimals(input.target)) {
    throw new BadInputError('target', 'the target is a number from 0 to 1000 with at most 2 decimals');
  }
  if (input.volumeTarget != null && (!Number.isInteger(input.volumeTarget) || input.volumeTarget < 0))
    throw new BadInputError('volumeTarget', 'the volume target is a whole number, 0 or more');
  return { ...input, indicatorCode: input.indicatorCode.trim() };
}
