import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { lexicographicSortSchema } from 'graphql';
import gql from 'graphql-tag';
import type { AuthChecker, NonEmptyArray } from 'type-graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import type { RequestContext } from '../context/request.context';
import { guardInputs } from './input.guard';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides"])';

export interface FederatedSchemaSpec {
  // type-graphql takes resolver classes as constructors of any shape.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type this subgraph owns or extends. */
  referenceResolvers?: GraphQLResolverMap<RequestContext>;
  authChecker?: AuthChecker<RequestContext>;
}

/**
 * type-graphql's own printer drops `@key`, so the schema is printed with its directives, given
 * the Federation 2 `@link`, and rebuilt as a subgraph schema with type-graphql's resolvers.
 */
export async function buildFederatedSchema(spec: FederatedSchemaSpec): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: spec.resolvers,
    orphanedTypes: spec.orphanedTypes,
    authChecker: spec.authChecker,
    skipCheck: true,
    validate: false,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(lexicographicSortSchema(schema))}`;
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<RequestContext>;
  for (const [typeName, resolver] of Object.entries(spec.referenceResolvers ?? {})) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      ...(resolver as object),
    };
  }
  return guardInputs(buildSubgraphSchema({ typeDefs: gql(sdl), resolvers: resolvers as GraphQLResolverMap<unknown> }));
}
