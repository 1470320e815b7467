import { printSubgraphSchema } from '@apollo/subgraph';
import { graphql } from 'graphql';
import 'reflect-metadata';
import { Arg, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { buildFederatedSchema, connectionType, encodeCursor, pageWindow, toConnection } from '../src';

@ObjectType('PagedThing', { description: 'A thing to page over (benda)' })
class Thing {
  @Field(() => ID, { description: 'Id (nomor)' })
  id!: number;
}

const ThingPage = connectionType(Thing, { name: 'PagedThingPage', items: 'things (benda)' });
const ALL = Array.from({ length: 7 }, (_, i) => ({ id: i + 1, secret: 's' }));
let counted = 0;

@Resolver()
class ThingResolver {
  @Query(() => ThingPage, { description: 'Things, a page at a time (daftar benda)' })
  things(
    @Arg('first', () => Int, { description: 'Page size (jumlah)' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor (kursor)' }) after: string | null,
  ) {
    const window = pageWindow(first, after, 5);
    const rows = ALL.filter((t) => t.id > window.afterId).slice(0, window.take + 1);
    return toConnection(
      rows,
      window,
      () => {
        counted += 1;
        return Promise.resolve(ALL.length);
      },
      (row): Thing => ({ id: row.id }),
    );
  }
}

describe('paging: one Relay connection shape', () => {
  const run = async (query: string) =>
    graphql({ schema: await buildFederatedSchema({ resolvers: [ThingResolver] }), source: query });

  it('answers nodes, edges with cursors, pageInfo and a totalCount counted only when selected', async () => {
    counted = 0;
    const first = await run('{ things(first: 3) { nodes { id } pageInfo { endCursor hasNextPage hasPreviousPage } } }');
    expect(first.errors).toBeUndefined();
    expect(counted).toBe(0);
    expect(first.data).toEqual({
      things: {
        nodes: [{ id: '1' }, { id: '2' }, { id: '3' }],
        pageInfo: { endCursor: encodeCursor(3), hasNextPage: true, hasPreviousPage: false },
      },
    });
    const last = await run(
      `{ things(first: 5, after: "${encodeCursor(3)}") { edges { cursor node { id } } pageInfo { startCursor hasNextPage hasPreviousPage } totalCount } }`,
    );
    expect(last.errors).toBeUndefined();
    expect(counted).toBe(1);
    expect(last.data).toEqual({
      things: {
        edges: [4, 5, 6, 7].map((id) => ({ cursor: encodeCursor(id), node: { id: String(id) } })),
        pageInfo: { startCursor: encodeCursor(4), hasNextPage: false, hasPreviousPage: true },
        totalCount: 7,
      },
    });
  });

  it('declares PageInfo shareable, so every subgraph can answer it', async () => {
    const sdl = printSubgraphSchema(await buildFederatedSchema({ resolvers: [ThingResolver] }));
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);
    expect(sdl).toMatch(/type PagedThingPageEdge/);
  });

  it('names the argument a caller got wrong', async () => {
    const tooMany = await run('{ things(first: 6) { nodes { id } } }');
    expect(tooMany.errors?.[0]?.message).toBe('first must be between 1 and 5');
    const forged = await run('{ things(first: 2, after: "bm90LWEtY3Vyc29y") { nodes { id } } }');
    expect(forged.errors?.[0]?.message).toBe('after is not a cursor this list handed out');
  });
});
