import { composeServices } from '@apollo/composition';
import type { ServiceDefinition } from '@kesos/infra';
import { buildFederatedSchema } from '@kesos/infra';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

export interface ComposedGraph {
  subgraphs: { name: string; sdl: string }[];
  supergraphSdl: string;
}

/** Default subgraph URLs written into the supergraph; deployments override them at start. */
export const defaultSubgraphUrl = (def: ServiceDefinition): string => `http://localhost:${def.defaultPort}/graphql`;

/** Builds every subgraph schema from its resolvers and composes them; throws on composition errors. */
export async function composeSupergraph(services: ServiceDefinition[]): Promise<ComposedGraph> {
  const subgraphs: { name: string; sdl: string; url: string }[] = [];
  for (const def of services) {
    const schema = await buildFederatedSchema(def.schema);
    subgraphs.push({ name: def.name, sdl: printSubgraphSchema(schema), url: defaultSubgraphUrl(def) });
  }
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors?.length)
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  return { subgraphs: subgraphs.map(({ name, sdl }) => ({ name, sdl })), supergraphSdl: result.supergraphSdl! };
}
