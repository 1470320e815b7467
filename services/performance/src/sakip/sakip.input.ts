import { BadInputError, hasAtMost2Decimals } from '@kesos/infra';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A SAKIP evaluation score to record (nilai evaluasi SAKIP)' })
export class RecordSakipEvaluationInput {
  @Field(() => ID, { description: 'Unit evaluated' })
  unitCode!: string;

  @Field(() => Int, { description: 'Performance year evaluated' })
  year!: number;

  @Field(() => Int, { description: 'Evaluation round, 1 = first' })
  round!: number;

  @Field({ description: 'Round label, e.g. "Agustus 2022"' })
  roundLabel!: string;

  @Field(() => Float, { description: 'Score 0-100 with at most 2 decimals' })
  score!: number;

  @Field(() => String, { nullable: true, description: "Source of the score, e.g. the inspectorate's letter" })
  source?: string | null;
}

export function validateSakip(input: RecordSakipEvaluationInput): void {
  if (!Number.isInteger(input.round) || input.round < 1 || input.round > 12)
    throw new BadInputError('round', 'Round is a number from 1 to 12');
  if (!input.roundLabel.trim() || input.roundLabel.length > 60)
    throw new BadInputError('roundLabel', 'Round label is required and at most 60 characters');
  if (!Number.isFinite(input.score) || input.score < 0 || input.score > 100)
    throw new BadInputError('score', 'Score must be from 0 to 100');
  if (!hasAtMost2Decimals(input.score)) throw new BadInputError('score', 'Score has at most 2 decimals');
  if (input.source && input.source.length > 200) throw new BadInputError('source', 'Source is at most 200 characters');
}
