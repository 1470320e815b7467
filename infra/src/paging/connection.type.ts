import { ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';

/** One type in every subgraph (hence @shareable), so clients page every list the same way. */
@Directive('@shareable')
@ObjectType('PageInfo', {
  description:
    'Where a page of a list starts and ends and whether more follows (posisi halaman), Relay paging with cursors',
})
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Cursor of the first item on this page (kursor awal)' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item on this page; pass it as `after` to get the next page (kursor akhir)',
  })
  endCursor!: string | null;

  @Field({ description: 'True when more items follow this page (ada halaman berikutnya)' })
  hasNextPage!: boolean;

  @Field({
    description: 'True when items come before this page, i.e. it was asked for with `after` (ada halaman sebelumnya)',
  })
  hasPreviousPage!: boolean;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What every paged list answers; `totalCount` is a getter so the count query runs only when it is selected. */
export interface Connection<T> {
  nodes: T[];
  edges: Edge<T>[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

export interface ConnectionNames {
  /** GraphQL type name of the page, e.g. `EnrollmentPage`; its edge type is named `<name>Edge`. */
  name: string;
  /** English plural with the Indonesian term, e.g. 'enrollments (pendaftaran)'. */
  items: string;
}

/**
 * The Relay connection type of a node type: `nodes` for the common case, `edges { cursor node }`
 * for clients that page from any item, `pageInfo` and `totalCount`.
 */
export function connectionType<T extends object>(node: ClassType<T>, names: ConnectionNames): ClassType<Connection<T>> {
  @ObjectType(`${names.name}Edge`, { description: `One of the ${names.items} with its cursor (item halaman)` })
  class EdgeType {
    @Field({ description: 'Cursor of this item; pass it as `after` to continue after it (kursor)' })
    cursor!: string;

    @Field(() => node, { description: 'The item (data)' })
    node!: T;
  }

  @ObjectType(names.name, { description: `One page of ${names.items} (satu halaman)` })
  class ConnectionType {
    @Field(() => [node], { description: `The ${names.items} on this page (daftar)` })
    nodes!: T[];

    @Field(() => [EdgeType], {
      description: `The ${names.items} on this page, each with its cursor (daftar dengan kursor)`,
    })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page starts and ends (posisi halaman)' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${names.items} the whole list holds, all pages (jumlah seluruhnya)` })
    totalCount!: Promise<number>;
  }
  return ConnectionType;
}
