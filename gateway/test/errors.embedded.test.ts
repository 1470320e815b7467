import type { GraphQLInputType, GraphQLSchema } from 'graphql';
import { buildSchema, getNamedType, isInputObjectType, isScalarType } from 'graphql';
import { IDENTITY_HEADER, signIdentity } from '@kesos/infra';
import { callers, TEST_SECRETS } from '@kesos/infra/testing';
import { readFileSync } from 'node:fs';
import type { EmbeddedSystem } from '../src';
import { SUPERGRAPH_FILE } from '../src';
import { importSlots } from '../../services/training/src/import/import.limits';
import { errorFromSubgraph } from '../src/subgraph.datasource';
import { startTestGraph, tokenFor } from './support';

/** An enum value: a bare name in a GraphQL literal, a string in JSON variables. */
class EnumValue {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

/** A malformed amount as JSON (variables) and as the literal a client would type. */
interface BadAmount {
  json: unknown;
  literal: string;
}
const BAD_AMOUNTS: BadAmount[] = [
  { json: 0.5, literal: '0.5' },
  { json: 2 ** 53, literal: '9007199254740992' },
  { json: '1000', literal: '"1000"' },
  { json: 1e21, literal: '1e21' },
];
const HOLE = Symbol('bad amount');

const side = (satkerCode: string, ceilingChange: number) => ({
  satkerCode,
  authority: new EnumValue('DJA'),
  changes: [{ lineId: '1', ceilingChange, blockedChange: 0 }],
});

/** Inputs of the right GraphQL types for the four money mutations; the guard refuses before any business rule. */
const BASES: Record<string, { inputType: string; input: Record<string, unknown> }> = {
  recordRealization: {
    inputType: 'RecordRealizationInput',
    input: {
      satkerCode: '690552',
      year: 2022,
      accountCode: '521211',
      date: '2022-12-29',
      amount: 1000,
      documentNumber: 'SP2D-1',
    },
  },
  openDipa: {
    inputType: 'OpenDipaInput',
    input: {
      unit: 'BBPPKS-PADANG',
      satkerCode: '690552',
      year: 2031,
      date: '2031-01-02',
      description: 'DIPA 2031',
      programmes: [],
      lines: [{ accountCode: '51', ceiling: 1000, blocked: 0 }],
    },
  },
  recordBudgetRevision: {
    inputType: 'RecordRevisionInput',
    input: {
      satkerCode: '690552',
      year: 2022,
      date: '2022-12-30',
      authority: new EnumValue('DJPB'),
      description: 'revisi',
      changes: [{ lineId: '1', ceilingChange: 1000, blockedChange: 0 }],
      newLines: [{ accountCode: '51', ceiling: 1000, blocked: 0 }],
    },
  },
  recordBudgetTransfer: {
    inputType: 'RecordBudgetTransferInput',
    input: {
      year: 2022,
      date: '2022-09-10',
      description: 'transfer',
      from: side('369283', -1000),
      to: side('690552', 1000),
    },
  },
};

/** Every path to a SafeInt field of an input type, list positions left out, as the services name fields. */
function moneyPaths(schema: GraphQLSchema, type: GraphQLInputType, prefix: string[] = []): string[][] {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === 'SafeInt' ? [prefix] : [];
  if (!isInputObjectType(named)) return [];
  return Object.values(named.getFields()).flatMap((f) => moneyPaths(schema, f.type, [...prefix, f.name]));
}

/** A copy of value with the hole at path (in the first element of every list on the way). */
function withHole(value: unknown, path: string[]): unknown {
  if (!path.length) return HOLE;
  if (Array.isArray(value)) return [withHole(value[0], path), ...value.slice(1)];
  const [head, ...rest] = path;
  const object = value as Record<string, unknown>;
  return { ...object, [head]: withHole(object[head], rest) };
}

function literal(value: unknown, bad: BadAmount): string {
  if (value === HOLE) return bad.literal;
  if (value instanceof EnumValue) return value.name;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, bad)).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v, bad)}`)
      .join(', ')} }`;
  return JSON.stringify(value);
}

const json = (value: unknown, bad: BadAmount): unknown =>
  JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (v === undefined ? null : v)).replace(
      '"__HOLE__"',
      JSON.stringify(bad.json),
    ),
  );
const marked = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, function (this: unknown, _k, v: unknown) {
      return v === HOLE ? '__HOLE__' : v;
    }),
  );

describe('errors as promised, through the gateway (embedded graph)', () => {
  let system: EmbeddedSystem;
  beforeAll(async () => {
    system = await startTestGraph();
  }, 120000);
  afterAll(async () => system?.stop());

  const url = () => system.gateway.url.replace('localhost', '127.0.0.1');
  const post = async (body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return {
      status: res.status,
      body: (await res.json()) as {
        data?: unknown;
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      },
    };
  };
  const admin = () => ({ authorization: `Bearer ${tokenFor('admin')}` });

  test('every malformed amount in every money argument of the four budget mutations answers BAD_USER_INPUT naming the field', async () => {
    const schema = buildSchema(readFileSync(SUPERGRAPH_FILE, 'utf8'), { assumeValidSDL: true });
    const failures: string[] = [];
    let cases = 0;
    for (const [mutation, base] of Object.entries(BASES)) {
      const paths = moneyPaths(schema, schema.getType(base.inputType) as GraphQLInputType);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        for (const bad of BAD_AMOUNTS) {
          const input = withHole(base.input, path);
          const asVariables = JSON.stringify({
            query: `mutation($input: ${base.inputType}!) { ${mutation}(input: $input) { __typename } }`,
            variables: { input: json(marked(input), bad) },
          });
          const asLiteral = JSON.stringify({
            query: `mutation { ${mutation}(input: ${literal(input, bad)}) { __typename } }`,
          });
          for (const [mode, body] of [
            ['variables', asVariables],
            ['literal', asLiteral],
          ] as const) {
            cases++;
            const r = await post(body, admin());
            const error = r.body.errors?.[0];
            const field = path.join('.');
            if (
              r.status !== 200 ||
              error?.extensions?.code !== 'BAD_USER_INPUT' ||
              error.extensions.field !== field ||
              !error.message.includes('SafeInt') ||
              r.body.errors!.length !== 1
            ) {
              failures.push(
                `${mutation} ${field} ${bad.literal} (${mode}): HTTP ${r.status} ${JSON.stringify(r.body.errors)}`,
              );
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // recordRealization 1, openDipa 2, recordBudgetRevision 4, recordBudgetTransfer 4 money fields; 4 values; literal and variable.
    expect(cases).toBe(88);
  }, 60000);

  test('a missing, malformed or invalid token answers HTTP 401 with UNAUTHENTICATED', async () => {
    const ask = JSON.stringify({ query: '{ units { code } }' });
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Basic abc' },
      { authorization: 'Bearer not-a-jwt' },
      { authorization: `Bearer ${tokenFor('admin')}x` },
    ]) {
      const r = await post(ask, headers);
      expect([r.status, r.body.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
      expect(r.body.errors?.[0]?.extensions).not.toHaveProperty('http');
    }
    // The public root field stays open without a token.
    expect((await post(JSON.stringify({ query: '{ verifyCertificate(number: "none") { predicate } }' }))).status).toBe(
      200,
    );
  });

  test('parse errors, validation errors and badly typed variables answer HTTP 400, also past the token limit', async () => {
    const cases: [string, string][] = [
      [JSON.stringify({ query: '{ units { code ' }), 'GRAPHQL_PARSE_FAILED'],
      [JSON.stringify({ query: `{ ${'units { code } '.repeat(300)} }` }), 'GRAPHQL_PARSE_FAILED'],
      [JSON.stringify({ query: '{ unitz { code } }' }), 'GRAPHQL_VALIDATION_FAILED'],
      [
        JSON.stringify({ query: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: units { code }`).join(' ')} }` }),
        'GRAPHQL_VALIDATION_FAILED',
      ],
      [
        JSON.stringify({
          query: 'query($y: Int!) { units { code budget(year: $y) { ceiling } } }',
          variables: { y: 'x' },
        }),
        'BAD_USER_INPUT',
      ],
      [
        JSON.stringify({
          query: 'query($y: Int!) { units { code budget(year: $y) { ceiling } } }',
          variables: { y: null },
        }),
        'BAD_USER_INPUT',
      ],
      ['{not json', 'BAD_REQUEST'],
    ];
    for (const [body, code] of cases) {
      const r = await post(body, admin());
      expect([r.status, r.body.errors?.[0]?.extensions?.code]).toEqual([400, code]);
    }
  });

  test('an operationName the document does not hold, or several operations and none named, answer HTTP 400 naming what it holds', async () => {
    const twoOperations = 'query First { units { code } } query Second { units { name } }';
    const cases: [Record<string, unknown>, string][] = [
      // What an explorer tab sent when run just after a switch: the previous tab's name.
      [
        { query: 'query SatisfactionAcrossUnits { units { code } }', operationName: 'UnitOverview' },
        'operationName "UnitOverview" names no operation in the document; it holds SatisfactionAcrossUnits',
      ],
      [{ query: twoOperations }, 'the document holds several operations (First, Second); name the one to run'],
      [{ query: twoOperations, operationName: 'Third' }, 'it holds First, Second'],
    ];
    const training = system.services.find((s) => s.name === 'training')!;
    const identity = signIdentity({ caller: callers.admin(), requestId: 'test' }, TEST_SECRETS.internalSecret);
    for (const [request, message] of cases) {
      const r = await post(JSON.stringify(request), admin());
      expect([r.status, r.body.errors?.[0]?.extensions?.code]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
      expect(r.body.errors?.[0]?.message).toContain(message);
      // A subgraph refuses it the same way.
      const direct = await fetch(training.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: identity },
        body: JSON.stringify(request),
      });
      expect(direct.status).toBe(400);
    }
    // The named operation of a document with several runs as before.
    const chosen = await post(JSON.stringify({ query: twoOperations, operationName: 'Second' }), admin());
    expect(chosen.status).toBe(200);
    expect(chosen.body.errors).toBeUndefined();
  });

  test('text with a control character or half a UTF-16 pair answers BAD_USER_INPUT naming the field; tabs, line breaks and whole pairs pass', async () => {
    const register = (name: string, nik: string) =>
      post(
        JSON.stringify({
          query: 'mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { id name } }',
          variables: {
            i: {
              unit: 'BBPPKS-PADANG',
              nik,
              name,
              gender: 'FEMALE',
              birthDate: '1990-01-01',
              education: 'S1',
              category: 'OTHER',
            },
          },
        }),
        admin(),
      );
    for (const bad of ['Nama\u0000Sintetis', 'Nama\ud800Sintetis', 'Nama\udc00', 'Nama\u001bSintetis', 'Nama\u007f']) {
      const r = await register(bad, '1371015001900001');
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(r.body.errors?.[0]?.message).toContain('control character');
    }
    // A query argument is checked the same way.
    const search = await post(
      JSON.stringify({ query: '{ programmes(unit: "BBPPKS-PADANG\\u0000") { id } }' }),
      admin(),
    );
    expect(search.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unit' });
    const fine = await register('Peserta\tSintetis 😀', '1371015001900002');
    expect(fine.body.errors).toBeUndefined();
    expect((fine.body.data as { registerParticipant: { name: string } }).registerParticipant.name).toBe(
      'Peserta\tSintetis 😀',
    );
  });

  test('a subgraph called without the gateway answers HTTP 401, and a malformed request to it 400', async () => {
    for (const service of system.services) {
      const direct = await fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(direct.status).toBe(401);
      const identity = signIdentity({ caller: callers.admin(), requestId: 'test' }, TEST_SECRETS.internalSecret);
      const broken = await fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: identity },
        body: JSON.stringify({ query: '{ __typename ' }),
      });
      expect(broken.status).toBe(400);
    }
  });

  describe('a request refused as a whole for authorization answers HTTP 403; a refusal beside data stays 200', () => {
    const UNIT = 'BBPPKS-PADANG';
    const OTHER = 'BBPPKS-BANDUNG';
    let classId: string;
    type Answer = {
      status: number;
      body: {
        data?: Record<string, unknown> | null;
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      };
    };
    /** The training subgraph called directly, as the gateway calls it, by a viewer of another unit. */
    const direct = async (query: string): Promise<Answer> => {
      const identity = signIdentity({ caller: callers.viewer(OTHER), requestId: 'test' }, TEST_SECRETS.internalSecret);
      const training = system.services.find((s) => s.name === 'training')!;
      const res = await fetch(training.url.replace('localhost', '127.0.0.1'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: identity },
        body: JSON.stringify({ query }),
      });
      return { status: res.status, body: (await res.json()) as Answer['body'] };
    };
    const viaGateway = (query: string): Promise<Answer> =>
      post(JSON.stringify({ query }), { authorization: `Bearer ${tokenFor('viewer', OTHER)}` }) as Promise<Answer>;
    const codes = (r: Answer) => (r.body.errors ?? []).map((e) => e.extensions?.code);

    beforeAll(async () => {
      const r = await post(
        JSON.stringify({ query: `{ trainingClasses(unit: "${UNIT}", first: 1) { nodes { id } } }` }),
        admin(),
      );
      classId = (r.body.data as { trainingClasses: { nodes: { id: string }[] } }).trainingClasses.nodes[0].id;
    });

    test('a non-null root field refused: data null, HTTP 403, through the gateway and on the subgraph', async () => {
      const source = `{ trainingClasses(unit: "${UNIT}") { nodes { id } } }`;
      for (const r of [await viaGateway(source), await direct(source)]) {
        expect({ status: r.status, codes: codes(r), data: r.body.data ?? null }).toEqual({
          status: 403,
          codes: ['FORBIDDEN'],
          data: null,
        });
        // The subgraph's own refusal, not a relay failure.
        expect(r.body.errors![0].message).toMatch(/reads only the records of BBPPKS-BANDUNG/);
      }
    });

    test('a nullable root field refused: every root field null is no data, HTTP 403', async () => {
      const source = `{ trainingClass(id: "${classId}") { id } }`;
      for (const r of [await viaGateway(source), await direct(source)]) {
        expect({ status: r.status, codes: codes(r), data: r.body.data }).toEqual({
          status: 403,
          codes: ['FORBIDDEN'],
          data: { trainingClass: null },
        });
      }
    });

    test("a mutation refused by role answers 403 with the subgraph's message", async () => {
      const r = await viaGateway('mutation { registerUnit(input: { code: "X-1", name: "X" }) { code } }');
      expect({ status: r.status, codes: codes(r), message: r.body.errors?.[0]?.message }).toEqual({
        status: 403,
        codes: ['FORBIDDEN'],
        message: 'only an admin can register a unit',
      });
    });

    test('one field refused beside another that answers: HTTP 200 with the data and the error', async () => {
      const source = `{ unit(code: "${UNIT}") { code } trainingClass(id: "${classId}") { id } }`;
      for (const r of [await viaGateway(source), await direct(source)]) {
        expect({ status: r.status, codes: codes(r), data: r.body.data }).toEqual({
          status: 200,
          codes: ['FORBIDDEN'],
          data: { unit: { code: UNIT }, trainingClass: null },
        });
      }
    });
  });

  test('too many imports at once answers TOO_MANY_REQUESTS with HTTP 429, through the gateway', async () => {
    // The caller's one import slot is held, as by an import still running.
    const release = importSlots.take('test-operator');
    try {
      const r = await post(
        JSON.stringify({
          query: 'mutation($i: ImportParticipantsInput!) { importParticipants(input: $i) { id } }',
          variables: { i: { unit: 'BBPPKS-PADANG', format: 'CSV', contentBase64: '', dryRun: true } },
        }),
        { authorization: `Bearer ${tokenFor('operator', 'BBPPKS-PADANG')}` },
      );
      expect({ status: r.status, data: r.body.data ?? null, errors: r.body.errors }).toEqual({
        status: 429,
        data: null,
        errors: [
          expect.objectContaining({
            message: expect.stringContaining('you already have 1 import running'),
            extensions: expect.objectContaining({ code: 'TOO_MANY_REQUESTS', scope: 'caller', limit: 1 }),
          }),
        ],
      });
    } finally {
      release();
    }
  });

  test("the gateway relays a subgraph's 4xx client error (message, code, field) and nothing else of the response", async () => {
    const relayed = errorFromSubgraph(400, {
      errors: [
        {
          message: 'amount is not a whole number of rupiah',
          extensions: { code: 'BAD_USER_INPUT', field: 'amount', stacktrace: ['at x'] },
        },
      ],
    });
    expect({ message: relayed.message, extensions: relayed.extensions }).toEqual({
      message: 'amount is not a whole number of rupiah',
      extensions: { code: 'BAD_USER_INPUT', field: 'amount' },
    });
    const unauthenticated = errorFromSubgraph(401, {
      errors: [{ message: 'the gateway identity header has expired', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(unauthenticated.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const forbidden = errorFromSubgraph(403, {
      errors: [{ message: 'only an admin can register a unit', extensions: { code: 'FORBIDDEN' } }],
    });
    expect({ message: forbidden.message, extensions: forbidden.extensions }).toEqual({
      message: 'only an admin can register a unit',
      extensions: { code: 'FORBIDDEN' },
    });
    const tooMany = errorFromSubgraph(429, {
      errors: [{ message: 'try again in 7 s', extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 7 } }],
    });
    expect(tooMany.extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 7 });
    // A server fault stays what it was: the masking plugin answers it as INTERNAL_SERVER_ERROR.
    const fault = errorFromSubgraph(500, {
      errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(fault.message).toMatch(/^500: /);
    expect(fault.extensions.code).toBeUndefined();
  });
});
