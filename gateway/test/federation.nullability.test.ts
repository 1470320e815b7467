import type { FieldDefinitionNode, ObjectTypeDefinitionNode, TypeNode } from 'graphql';
import { Kind, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_FILE } from '../src';

/**
 * When a subgraph is down, the gateway leaves out the fields only it resolves. A non-null field
 * among them would null its parent instead, and so on up: one subgraph's failure would wipe the
 * others' data (a stopped performance service turned the whole `unit` into null). These checks
 * read the composed supergraph, so a field added later is held to the same rule.
 */
const types = parse(readFileSync(SUPERGRAPH_FILE, 'utf8')).definitions.filter(
  (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION,
);

const argument = (
  node: { arguments?: readonly { name: { value: string }; value: { kind: string } }[] },
  name: string,
): string | undefined => {
  const value = node.arguments?.find((a) => a.name.value === name)?.value as { value?: string } | undefined;
  return value?.value;
};
const graphsOfType = (t: ObjectTypeDefinitionNode) =>
  (t.directives ?? []).filter((d) => d.name.value === 'join__type').map((d) => argument(d, 'graph')!);
const keyFields = (t: ObjectTypeDefinitionNode) =>
  new Set(
    (t.directives ?? [])
      .filter((d) => d.name.value === 'join__type')
      .flatMap((d) => (argument(d, 'key') ?? '').split(/\s+/).filter(Boolean)),
  );
/** The graphs that resolve a field: those of its @join__field, or every graph of the type. */
const graphsOfField = (t: ObjectTypeDefinitionNode, f: FieldDefinitionNode) => {
  const joined = (f.directives ?? []).filter((d) => d.name.value === 'join__field').map((d) => argument(d, 'graph')!);
  return joined.length ? joined : graphsOfType(t);
};
const nonNull = (type: TypeNode) => type.kind === Kind.NON_NULL_TYPE;
const named = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type));
const entities = types.filter((t) => keyFields(t).size > 0 && graphsOfType(t).length > 1);

/** The graph that owns an entity: the one resolving most of its fields (Unit: training, Goal: performance). */
function owner(t: ObjectTypeDefinitionNode): string {
  const counts = new Map<string, number>();
  for (const f of t.fields ?? []) for (const g of graphsOfField(t, f)) counts.set(g, (counts.get(g) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

describe('federated fields degrade alone when their subgraph is down', () => {
  it("every field a subgraph adds to another subgraph's entity is nullable", () => {
    // The check below reads the supergraph right only if it finds the shared entities and their owners.
    expect(entities.map((t) => `${t.name.value}:${owner(t)}`).sort()).toEqual([
      'Goal:PERFORMANCE',
      'ReportConsistency:PERFORMANCE',
      'Unit:TRAINING',
    ]);
    const nonNullable = entities.flatMap((t) =>
      (t.fields ?? [])
        .filter((f) => !keyFields(t).has(f.name.value) && !graphsOfField(t, f).includes(owner(t)) && nonNull(f.type))
        .map((f) => `${t.name.value}.${f.name.value}`),
    );
    expect(nonNullable).toEqual([]);
  });

  it('every field that returns an entity some of whose non-null fields another subgraph resolves is nullable', () => {
    const byName = new Map(entities.map((t) => [t.name.value, t]));
    const offenders: string[] = [];
    for (const t of types) {
      for (const f of t.fields ?? []) {
        const entity = byName.get(named(f.type));
        if (!entity || !nonNull(f.type)) continue;
        const from = graphsOfField(t, f);
        const elsewhere = (entity.fields ?? []).filter(
          (ef) =>
            !keyFields(entity).has(ef.name.value) &&
            nonNull(ef.type) &&
            !graphsOfField(entity, ef).some((g) => from.includes(g)),
        );
        if (elsewhere.length)
          offenders.push(
            `${t.name.value}.${f.name.value} (needs ${entity.name.value}.${elsewhere.map((e) => e.name.value).join(', ')} from another subgraph)`,
          );
      }
    }
    expect(offenders).toEqual([]);
  });

  it('their descriptions say what null with SUBGRAPH_UNAVAILABLE means', () => {
    const undocumented = entities.flatMap((t) =>
      (t.fields ?? [])
        .filter(
          (f) =>
            !keyFields(t).has(f.name.value) &&
            !graphsOfField(t, f).includes(owner(t)) &&
            !f.description?.value.includes('SUBGRAPH_UNAVAILABLE'),
        )
        .map((f) => `${t.name.value}.${f.name.value}`),
    );
    expect(undocumented).toEqual([]);
  });
});
