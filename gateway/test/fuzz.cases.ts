import type { GraphQLField, GraphQLInputType, GraphQLSchema, StringValueNode } from 'graphql';
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, Kind } from 'graphql';

/**
 * A generated table of malformed mutation arguments: for every mutation of the supergraph, a
 * plausible argument set (right GraphQL types, seed codes, an admin's reach) with one leaf or
 * one input object replaced by a malformed value. Deterministic, so a failure names its case.
 */
export interface FuzzCase {
  mutation: string;
  /** Subgraph that owns the mutation (from `@join__field(graph:)`). */
  service: string;
  /** Where the malformed value sits, e.g. `input.lines.0.ceiling`. */
  path: string;
  label: string;
  query: string;
  variables: Record<string, unknown>;
}

const HUGE = 'x'.repeat(70_000);
const HUGE_EMOJI = '\u{1F600}'.repeat(20_000);
const TEXT: [string, unknown][] = [
  ['huge', HUGE],
  ['huge emoji', HUGE_EMOJI],
  ['empty', ''],
  ['blank', '   '],
  ['NUL', '\u0000'],
  ['lone surrogate', '\ud800'],
  ['bidi override', '\u202eSintetis'],
  ['quote and comment', "'; -- x"],
  ['40 digits', '9'.repeat(40)],
  ['number', 42],
  ['boolean', true],
  ['object', { a: 1 }],
  ['list of strings', ['x', 'y']],
];
const DATES: [string, unknown][] = [
  ['30 February', '2022-02-30'],
  ['month 13', '2022-13-01'],
  ['day-month-year', '01/06/2022'],
  ['date-time', '2022-06-01T00:00:00Z'],
  ['zero date', '0000-00-00'],
  ['year 99999', '99999-01-01'],
];
const CODES: [string, unknown][] = [
  ['unknown code', 'ZZZ-9'],
  ['code with spaces', ' 690 552 '],
];
const INTS: [string, unknown][] = [
  ['2^31', 2 ** 31],
  ['-2^31-1', -(2 ** 31) - 1],
  ['-1', -1],
  ['fraction', 1.5],
  ['numeric string', '1'],
  ['1e308', 1e308],
  ['boolean', true],
];
const FLOATS: [string, unknown][] = [
  ['negative', -1],
  ['1e308', 1e308],
  ['over 100', 100.001],
  ['string', 'x'],
];
const IDS: [string, unknown][] = [
  ['empty', ''],
  ['-1', '-1'],
  ['0', '0'],
  ['fraction', '1.5'],
  ['letters', 'abc'],
  ['30 digits', '9'.repeat(30)],
  ['float', 12.5],
  ['boolean', false],
];
const MONEY: [string, unknown][] = [
  ['0.5', 0.5],
  ['2^53', 2 ** 53],
  ['string', '1000'],
  ['1e21', 1e21],
  ['negative', -1],
  ['zero', 0],
];
const ENUMS: [string, unknown][] = [
  ['unknown value', 'NOT_A_VALUE'],
  ['lower case', 'dja'],
  ['number', 1],
];
const BOOLEANS: [string, unknown][] = [
  ['string', 'true'],
  ['number', 1],
];
const OBJECTS: [string, unknown][] = [
  ['string instead of object', 'x'],
  ['empty object', {}],
];

const isDateField = (name: string) => /(^date$|Date$|On$|^(start|end|birth)|At$)/.test(name);
const isCodeField = (name: string) => /(code|Code|^unit$|^nik$)/.test(name);

/** A plausible value by field name: seed codes, a date in 2022, whole numbers. */
function plausibleScalar(typeName: string, name: string): unknown {
  switch (typeName) {
    case 'Int':
      return /year/i.test(name) ? 2022 : 1;
    case 'Float':
      return 80;
    case 'Boolean':
      return false;
    case 'SafeInt':
      return 1000;
    case 'ID':
      return /unit/i.test(name) ? 'BBPPKS-PADANG' : '1';
    default:
      if (isDateField(name)) return '2022-06-01';
      if (/^unit$|unitCode$|UnitCode$/.test(name)) return 'BBPPKS-PADANG';
      if (name.includes('satkerCode')) return '690552';
      if (name.includes('accountCode')) return '521211';
      if (name.includes('outputCode')) return '6391.SCM.001';
      if (name.includes('componentCode')) return '051';
      if (name.includes('goalCode')) return 'SK3';
      if (/nik$/i.test(name)) return '1371014101990001';
      if (name.includes('content')) return Buffer.from('nik,name\n').toString('base64');
      return 'Sintetis';
  }
}

function plausible(type: GraphQLInputType, name: string, depth = 0): unknown {
  if (isNonNullType(type)) return plausible(type.ofType, name, depth);
  if (isListType(type)) return [plausible(type.ofType, name, depth)];
  if (isEnumType(type)) return type.getValues()[0].value as unknown;
  if (isScalarType(type)) return plausibleScalar(type.name, name);
  if (isInputObjectType(type) && depth < 6) {
    return Object.fromEntries(
      Object.values(type.getFields()).map((f) => [f.name, plausible(f.type, f.name, depth + 1)]),
    );
  }
  return null;
}

function malformations(type: GraphQLInputType, name: string): [string, unknown][] {
  const named = getNamedType(type);
  const required: [string, unknown][] = isNonNullType(type) ? [['null', null]] : [];
  if (isListType(isNonNullType(type) ? type.ofType : type))
    return [...required, ['empty list', []], ['list of null', [null]]];
  if (isEnumType(named)) return [...required, ...ENUMS];
  if (isInputObjectType(named)) return [...required, ...OBJECTS];
  switch (named.name) {
    case 'Int':
      return [...required, ...INTS];
    case 'Float':
      return [...required, ...FLOATS];
    case 'Boolean':
      return [...required, ...BOOLEANS];
    case 'ID':
      return [...required, ...IDS];
    case 'SafeInt':
      return [...required, ...MONEY];
    default:
      return [...required, ...TEXT, ...(isDateField(name) ? DATES : []), ...(isCodeField(name) ? CODES : [])];
  }
}

function printType(type: GraphQLInputType): string {
  return String(type);
}

/** Every leaf and input object position of a plausible value, with its GraphQL type. */
function positions(
  type: GraphQLInputType,
  name: string,
  path: (string | number)[],
  depth = 0,
): { path: (string | number)[]; type: GraphQLInputType; name: string }[] {
  const here = { path, type, name };
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [here, ...positions(inner.ofType, name, [...path, 0], depth)];
  if (isInputObjectType(inner) && depth < 6)
    return [
      here,
      ...Object.values(inner.getFields()).flatMap((f) => positions(f.type, f.name, [...path, f.name], depth + 1)),
    ];
  return [here];
}

function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (!path.length) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? setAt(item, rest, replacement) : item));
  const object = value as Record<string, unknown>;
  return { ...object, [head as string]: setAt(object[head as string], rest, replacement) };
}

function owner(field: GraphQLField<unknown, unknown>): string {
  const join = field.astNode?.directives?.find((d) => d.name.value === 'join__field');
  const graph = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
  return graph && graph.kind === Kind.ENUM
    ? graph.value.toLowerCase()
    : ((graph as StringValueNode | undefined)?.value ?? 'unknown');
}

export function fuzzCases(schema: GraphQLSchema): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const field of Object.values(schema.getMutationType()!.getFields())) {
    const declarations = field.args.map((a) => `$${a.name}: ${printType(a.type)}`).join(', ');
    const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const query = `mutation Fuzz${declarations ? `(${declarations})` : ''} { ${field.name}${call ? `(${call})` : ''} { __typename } }`;
    const base = Object.fromEntries(field.args.map((a) => [a.name, plausible(a.type, a.name)]));
    for (const arg of field.args) {
      for (const position of positions(arg.type, arg.name, [arg.name])) {
        for (const [label, value] of malformations(position.type, position.name)) {
          cases.push({
            mutation: field.name,
            service: owner(field),
            path: position.path.join('.'),
            label,
            query,
            variables: setAt(base, position.path, value) as Record<string, unknown>,
          });
        }
      }
    }
  }
  return cases;
}
