import { BadInputError, Provenance } from '@kesos/infra';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType({
  description: 'A realisation entered by hand, e.g. the SAKIP score from the inspectorate (realisasi yang diinput)',
})
export class EnterRealizationInput {
  @Field(() => ID, { description: 'Unit code' })
  unitCode!: string;

  @Field(() => Int, { description: 'Year the realisation counts towards' })
  year!: number;

  @Field({ description: 'Indicator code, e.g. SK5.1' })
  indicatorCode!: string;

  @Field(() => Float, { description: 'Realised value; stored rounded half-up to 2 decimals' })
  value!: number;

  @Field(() => String, { nullable: true, description: 'Why this value (e.g. "2021 score; 2022 not yet evaluated")' })
  note?: string | null;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the value comes from (asal data); OPERATIONAL when left out, another only from an admin loading data',
  })
  provenance?: Provenance | null;
}

export function validateEntry(input: EnterRealizationInput): void {
  if (!/^SK\d\.\d$/.test(input.indicatorCode))
    throw new BadInputError('indicatorCode', 'Indicator code looks like SK5.1');
  if (!Number.isFinite(input.value) || input.value < 0 || input.value > 99999)
    throw new BadInputError('value', 'Value must be a number from 0 to 99,999');
  if (input.note && input.note.length > 500) throw new BadInputError('note', 'Note is at most 500 characters');
}
