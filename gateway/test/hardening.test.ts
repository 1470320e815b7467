import type { RunningService } from '@kesos/infra';
import { createDataSource, createLogger, MemoryEventBus, serviceEntities, startService } from '@kesos/infra';
import { callers, callSubgraph, TEST_SECRETS } from '@kesos/infra/testing';
import { trainingService } from '@kesos/training';
import { readFileSync } from 'node:fs';
import type { EmbeddedSystem, GatewayOptions, RunningGateway } from '../src';
import { PUBLIC_ROOT_FIELDS, startGateway, SUPERGRAPH_FILE } from '../src';
import { query, startTestGraph, tokenFor } from './support';

const UNIT = 'BBPPKS-PADANG';

describe('hardening: field suggestions, certificate look-up rate, class dates (embedded graph)', () => {
  let system: EmbeddedSystem;
  /** A second gateway over the same subgraphs, as production runs it: introspection off. */
  let production: RunningGateway;
  let quietTraining: RunningService;

  /** Another gateway process over the embedded graph's subgraphs, with the given options. */
  const gatewayOverSystem = (options: Partial<GatewayOptions>) =>
    startGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
      subgraphUrls: Object.fromEntries(system.services.map((s) => [s.name, s.url])),
      publicRootFields: PUBLIC_ROOT_FIELDS,
      secrets: TEST_SECRETS,
      logger,
      port: 0,
      host: '127.0.0.1',
      ...options,
    });
  const logger = createLogger('test', 'silent');

  beforeAll(async () => {
    system = await startTestGraph();
    production = await gatewayOverSystem({ introspection: false });
    const database = createDataSource({
      target: { kind: 'sqlite', file: ':memory:' },
      entities: serviceEntities(trainingService),
      synchronize: true,
    });
    quietTraining = await startService(trainingService, {
      database,
      bus: new MemoryEventBus(logger),
      secrets: TEST_SECRETS,
      logger,
      port: 0,
      host: '127.0.0.1',
      introspection: false,
    });
  }, 300000);
  afterAll(async () => {
    await production?.stop();
    await quietTraining?.stop();
    await system?.stop();
  });

  const productionGraph = () => ({ gateway: production, stop: async () => undefined });
  const misspelt = `{ unit(code: "${UNIT}") { nme } }`;

  it('suggests field names only where introspection is on (the gateway and the subgraphs)', async () => {
    const open = await query(system, misspelt, {}, tokenFor('admin'));
    expect(open.errors?.[0]?.message).toMatch(/Did you mean "name"\?/);
    const closed = await query(productionGraph(), misspelt, {}, tokenFor('admin'));
    expect(closed.errors?.[0]?.message).toBe('Cannot query field "nme" on type "Unit".');
    expect(closed.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const schema = await query(productionGraph(), '{ __schema { types { name } } }', {}, tokenFor('admin'));
    expect(schema.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const identity = { caller: callers.admin(), secret: TEST_SECRETS.internalSecret };
    const subgraph = await callSubgraph(quietTraining.url, '{ unitz(code: "X") { code } }', {}, identity);
    expect(subgraph.errors?.[0]?.message).toBe('Cannot query field "unitz" on type "Query".');
    const variable = await callSubgraph(
      quietTraining.url,
      'query($i: RegisterUnitInput!) { registerUnit(input: $i) { code } }',
      { i: { cod: 'X', name: 'Y' } },
      identity,
    );
    expect(variable.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('limits certificate look-ups per client address, aliases included, with a retry hint', async () => {
    const aliases = Array.from(
      { length: 15 },
      (_, i) =>
        `c${i}: verifyCertificate(number: "BBPPKS-PADANG/PPM/2022/${String(i).padStart(6, '0')}/XXXX") { number }`,
    ).join(' ');
    const url = production.url.replace('localhost', '127.0.0.1');
    const ask = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ ${aliases} }` }),
      });
    for (let i = 0; i < 2; i++) {
      const allowed = await ask();
      expect(allowed.status).toBe(200);
      expect(((await allowed.json()) as { errors?: unknown }).errors).toBeUndefined();
    }
    const refused = await ask();
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as {
      data?: unknown;
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0]).toMatchObject({
      message: expect.stringContaining('at most 30 per 60 s'),
      extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: retryAfter },
    });
    // Other operations of the same client are not limited.
    const other = await query(productionGraph(), '{ units { code } }', {}, tokenFor('viewer', UNIT));
    expect(other.errors).toBeUndefined();
  });

  it('behind a trusted proxy, counts the client the proxy forwarded for, never what the client wrote left of it', async () => {
    const proxied = await gatewayOverSystem({ trustProxy: 1 });
    try {
      const fifteen = Array.from({ length: 15 }, (_, i) => `c${i}: verifyCertificate(number: "X/${i}") { number }`);
      const ask = (forwardedFor: string) =>
        fetch(proxied.url.replace('localhost', '127.0.0.1'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ query: `{ ${fifteen.join(' ')} }` }),
        }).then((r) => r.status);
      expect(await ask('forged-1, 203.0.113.7')).toBe(200);
      expect(await ask('forged-2, 203.0.113.7')).toBe(200);
      expect(await ask('forged-3, 203.0.113.7')).toBe(429);
      // Another client behind the same proxy (the same TCP peer) has a window of its own.
      expect(await ask('203.0.113.8')).toBe(200);
    } finally {
      await proxied.stop();
    }
  });

  it('refuses class dates outside 2000-2100, as every other record does', async () => {
    const programmeId = (
      (await query(system, `{ programmes(unit: "${UNIT}") { id } }`, {}, tokenFor('admin'))).data as {
        programmes: { id: string }[];
      }
    ).programmes[0].id;
    const create = (startDate: string, endDate: string) =>
      query(
        system,
        `mutation($i: CreateTrainingClassInput!) { createTrainingClass(input: $i) { id } }`,
        {
          i: {
            programmeId,
            province: 'Sumatera Barat',
            regency: 'Kota Padang',
            startDate,
            endDate,
            capacity: 5,
            targetParticipants: 5,
          },
        },
        tokenFor('operator', UNIT),
      );
    for (const [start, end, field] of [
      ['1999-12-31', '2000-01-05', 'startDate'],
      ['0001-01-01', '0001-01-02', 'startDate'],
      ['2100-12-30', '2101-01-02', 'endDate'],
    ] as const) {
      const r = await create(start, end);
      expect({
        start,
        data: r.data?.createTrainingClass ?? null,
        code: r.errors?.[0]?.extensions?.code,
        field: r.errors?.[0]?.extensions?.field,
      }).toEqual({ start, data: null, code: 'BAD_USER_INPUT', field });
    }
    const inRange = await create('2100-12-01', '2100-12-05');
    expect(inRange.errors).toBeUndefined();
  });
});
