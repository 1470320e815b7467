import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType({
  description: 'A training unit of the ministry; owned by the training subgraph, extended here with its budget',
})
export class Unit {
  @Field(() => ID, { description: 'Unit code, e.g. BBPPKS-PADANG' })
  code!: string;
}
