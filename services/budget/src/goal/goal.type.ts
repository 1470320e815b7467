import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { GoalFigure } from '../satker/satker.type';

@Directive('@key(fields: "unitCode year code")')
@ObjectType({
  description:
    'A performance goal (sasaran kegiatan) of a unit and year; owned by the performance subgraph, extended here with its budget absorption',
})
export class Goal {
  @Field(() => ID, { description: 'Unit code, e.g. BBPPKS-PADANG' })
  unitCode!: string;

  @Field(() => Int, { description: 'Reporting year' })
  year!: number;

  @Field({ description: 'Goal code, e.g. SK1' })
  code!: string;

  /** Internal: the goal's budget figures, loaded by the reference resolver; null when no line is tagged with it. */
  figure?: GoalFigure | null;
}
