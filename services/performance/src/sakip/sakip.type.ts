import { unavailableNote, Provenance } from '@kesos/infra';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Unit } from '../unit/unit.type';

export enum SakipCategory {
  AA = 'AA',
  A = 'A',
  BB = 'BB',
  B = 'B',
  CC = 'CC',
  C = 'C',
  D = 'D',
}
registerEnumType(SakipCategory, {
  name: 'SakipCategory',
  description: 'SAKIP evaluation category (predikat), derived from the score',
  valuesConfig: {
    AA: { description: 'Score above 90 to 100 (sangat memuaskan)' },
    A: { description: 'Score above 80 to 90 (memuaskan)' },
    BB: { description: 'Score above 70 to 80 (sangat baik)' },
    B: { description: 'Score above 60 to 70 (baik)' },
    CC: { description: 'Score above 50 to 60 (cukup)' },
    C: { description: 'Score above 30 to 50 (kurang)' },
    D: { description: 'Score 0 to 30 (sangat kurang)' },
  },
});

@ObjectType({ description: "A unit's SAKIP evaluation (evaluasi SAKIP) for a performance year and round" })
export class SakipEvaluation {
  @Field(() => Unit, {
    nullable: true,
    description:
      'The unit evaluated (unit yang dievaluasi); its name comes from the training subgraph.' +
      unavailableNote('training'),
  })
  unit!: Unit;

  @Field(() => Int, { description: 'Performance year evaluated (tahun yang dievaluasi)' })
  year!: number;

  @Field(() => Int, { description: 'Evaluation round, 1 = first; the highest round of a year is final' })
  round!: number;

  @Field({ description: 'Round label, e.g. "Maret 2022" (putaran evaluasi)' })
  roundLabel!: string;

  @Field(() => Boolean, { description: 'Whether this is the final round of the year' })
  final!: boolean;

  @Field(() => Float, { description: 'Score (nilai) 0-100 as published by the inspectorate, 2 decimals' })
  score!: number;

  @Field(() => SakipCategory, {
    description:
      'Category derived from the score: AA >90-100, A >80-90, BB >70-80, B >60-70, CC >50-60, C >30-50, D 0-30',
  })
  category!: SakipCategory;

  @Field(() => Int, { description: 'Rank among the units listed, best first; equal scores share a rank' })
  rank!: number;

  @Field(() => String, { nullable: true, description: 'Source of the score (sumber)' })
  source!: string | null;

  @Field(() => Provenance, {
    description: 'Where the evaluation record comes from (asal data): REPORTED when the report prints the score',
  })
  provenance!: Provenance;
}
