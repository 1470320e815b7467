import { buildFederatedSchema } from '@kesos/infra';
import type { GraphQLSchema } from 'graphql';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isIntrospectionType,
  isSpecifiedScalarType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, SERVICES, SUPERGRAPH_FILE } from '../src';

const FEDERATION_TYPES = /^(_Any|_Entity|_Service|FieldSet|link__.*|federation__.*)$/;

/** Every type, field, argument and enum value a subgraph defines, without a description. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type) || FEDERATION_TYPES.test(type.name)) continue;
    const isRoot = ['Query', 'Mutation'].includes(type.name);
    if (!type.description && !isRoot) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_')) continue;
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : [])
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
  }
  return missing.filter((m) => !getNamedType(schema.getType(m.split('.')[0]) ?? undefined)?.name.startsWith('__'));
}

describe('schemas', () => {
  it('the committed subgraph schemas and supergraph are what `npm run compose` prints', async () => {
    const graph = await composeSupergraph(SERVICES);
    for (const s of graph.subgraphs) {
      const committed = readFileSync(join(__dirname, '..', '..', 'services', s.name, 'schema.graphql'), 'utf8');
      expect({ service: s.name, sdl: committed.trimEnd() }).toEqual({ service: s.name, sdl: s.sdl.trimEnd() });
    }
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8').trimEnd()).toBe(graph.supergraphSdl.trimEnd());
  });

  it.each(SERVICES.map((s) => [s.name, s] as const))(
    'every type, field, argument and enum value of %s has a description',
    async (_name, def) => {
      expect(undescribed(await buildFederatedSchema(def.schema))).toEqual([]);
    },
  );
});
