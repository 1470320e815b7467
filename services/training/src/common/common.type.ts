import { Field, ObjectType } from 'type-graphql';

/** Named for this subgraph so that it never collides with another subgraph's paging type in the supergraph. */
@ObjectType({ description: 'Where a page of a list ends and whether more follows (paging with cursors)' })
export class TrainingPageInfo {
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item on this page; pass it as `after` to get the next page',
  })
  endCursor!: string | null;

  @Field({ description: 'True when more items follow this page' })
  hasNextPage!: boolean;
}
