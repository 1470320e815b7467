import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
} from 'graphql';

/**
 * How an operation's answer becomes tables: one table per root field (named after its alias),
 * one row per list item, one column per leaf named by its dotted path (`unit.code`).
 *
 * Nested lists: the first list of objects met depth-first (`units { budget { satkers } }`) is
 * flattened: one row per innermost item, its parents' columns repeated on each row; a parent
 * whose list is empty or null still gives one row with those columns blank. Any other nested
 * list of objects is one cell holding its JSON; a list of scalars is one cell, values joined by "; ".
 * A root field that is an object rather than a list (a connection `{ nodes pageInfo }`, one
 * `unit(code:)`) is its own row item: its first list (`nodes`) is flattened the same way.
 */

/** The kind of a column's cells, from the schema type of its leaf. */
export type CellKind = 'integer' | 'money' | 'decimal' | 'boolean' | 'text' | 'joined' | 'json';

export interface Column {
  /** Dotted path from the row item: `unit.code`. */
  name: string;
  kind: CellKind;
  /** Which flattened level the value is read from (0: the root list's item). */
  level: number;
  /** Path from that level's item. */
  path: string[];
}

export interface Table {
  /** The root field's alias, or its name. */
  name: string;
  columns: Column[];
  /** Each row's cells, in column order; generated on demand so no copy of the answer is built. */
  rows(): Generator<unknown[]>;
}

interface Shape {
  key: string;
  type: GraphQLNamedType | null;
  list: boolean;
  children: Shape[] | null;
}

/** The response shape of a selection: response keys in order, fragments merged, with each field's schema type. */
function shapeOf(
  set: SelectionSetNode,
  parent: GraphQLNamedType | null,
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode | undefined>,
  into: Shape[] = [],
): Shape[] {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      const key = s.alias?.value ?? s.name.value;
      const field =
        parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[s.name.value] : undefined;
      const type =
        s.name.value === '__typename' ? (schema.getType('String') ?? null) : field ? getNamedType(field.type) : null;
      let shape = into.find((x) => x.key === key);
      if (!shape) {
        shape = {
          key,
          type,
          list: field ? isListType(getNullableType(field.type)) : false,
          children: s.selectionSet || (type && isCompositeType(type)) ? [] : null,
        };
        into.push(shape);
      }
      if (s.selectionSet && shape.children) shapeOf(s.selectionSet, type, schema, fragments, shape.children);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      const type = s.typeCondition ? (schema.getType(s.typeCondition.name.value) ?? parent) : parent;
      shapeOf(s.selectionSet, type ?? null, schema, fragments, into);
    } else {
      const fragment = fragments[s.name.value];
      if (fragment)
        shapeOf(
          fragment.selectionSet,
          schema.getType(fragment.typeCondition.name.value) ?? parent,
          schema,
          fragments,
          into,
        );
    }
  }
  return into;
}

function leafKind(type: GraphQLNamedType | null): CellKind {
  switch (type?.name) {
    case 'Int':
      return 'integer';
    case 'SafeInt':
      return 'money';
    case 'Float':
      return 'decimal';
    case 'Boolean':
      return 'boolean';
    default:
      return 'text';
  }
}

/** Columns of a row item, and the chain of list paths flattened into rows (one per level). */
function plan(
  children: Shape[],
  columns: Column[],
  chain: string[][],
  level = 0,
  rel: string[] = [],
  full: string[] = [],
) {
  for (const child of children) {
    const path = [...rel, child.key];
    const name = [...full, child.key];
    if (!child.children)
      columns.push({ name: name.join('.'), kind: child.list ? 'joined' : leafKind(child.type), level, path });
    else if (!child.list) plan(child.children, columns, chain, level, path, name);
    else if (chain.length === level) {
      chain.push(path);
      plan(child.children, columns, chain, level + 1, [], name);
    } else columns.push({ name: name.join('.'), kind: 'json', level, path });
  }
}

const at = (value: unknown, path: readonly string[]): unknown => {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[key];
  }
  return v ?? null;
};

/** A scalar as text: strings as they are, numbers and booleans as JSON writes them, anything else as JSON. */
export const scalarText = (value: unknown): string =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : (JSON.stringify(value) ?? '');

function cell(value: unknown, kind: CellKind): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'json') return JSON.stringify(value);
  if (kind === 'joined') return Array.isArray(value) ? value.map(scalarText).join('; ') : scalarText(value);
  return value;
}

/** Every combination of the flattened lists' items, one array of items per level. */
function* levels(items: unknown[], chain: readonly string[][]): Generator<unknown[]> {
  const level = items.length - 1;
  if (level === chain.length) {
    yield items;
    return;
  }
  const list = at(items[level], chain[level]);
  if (!Array.isArray(list) || !list.length) {
    yield [...items, ...new Array<unknown>(chain.length - level).fill(null)];
    return;
  }
  for (const item of list) yield* levels([...items, item], chain);
}

/** The operation the request runs: the named one, or the only one. */
export function selectOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | null {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return (operationName ? operations.find((o) => o.name?.value === operationName) : operations[0]) ?? null;
}

/** The tables of an executed query's `data`, in the order of its root fields. */
export function tablesOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  data: Record<string, unknown>,
): Table[] {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const root = schema.getRootType(operation.operation) ?? null;
  return shapeOf(operation.selectionSet, root, schema, fragments).map((shape) => {
    const columns: Column[] = [];
    const chain: string[][] = [];
    if (shape.children) plan(shape.children, columns, chain);
    else columns.push({ name: shape.key, kind: leafKind(shape.type), level: 0, path: [] });
    const value = data[shape.key];
    const items = value === null || value === undefined ? [] : shape.list && Array.isArray(value) ? value : [value];
    return {
      name: shape.key,
      columns,
      *rows() {
        for (const item of items)
          for (const row of levels([item], chain)) yield columns.map((c) => cell(at(row[c.level], c.path), c.kind));
      },
    };
  });
}
