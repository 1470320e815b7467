import { createDataSource, createLogger, serviceEntities, startService } from '@kesos/infra';
import { TEST_MYSQL_URL, TEST_SECRETS, until } from '@kesos/infra/testing';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RunningGateway } from '../src';
import { PUBLIC_ROOT_FIELDS, SERVICES, startGateway, SUPERGRAPH_FILE } from '../src';
import type { DistributedGraph } from './distributed.support';
import { startDistributedTestGraph } from './distributed.support';
import type { GraphResult } from './support';
import { query, tokenFor } from './support';

const LABEL = 'availability';
const UNIT = `{ unit(code: "BBPPKS-PADANG") { name budget(year: 2022) { ceiling } performance(year: 2022) { goals { code budgetAbsorption } } } }`;
const SAKIP = `{ sakipEvaluations(year: 2021) { score unit { code name } } }`;

type UnitAnswer = {
  unit: {
    name: string;
    budget: { ceiling: number } | null;
    performance: { goals: { code: string; budgetAbsorption: number | null }[] } | null;
  } | null;
};
type SakipAnswer = { sakipEvaluations: { score: number; unit: { code: string; name: string } | null }[] };

/**
 * Stands in for a subgraph at its own URL: forwards to the real one, or, while `hanging`,
 * accepts the request and never answers, as a subgraph stuck on a lock or a full pool would;
 * `reply` answers in its place, as a proxy in front of a stopped subgraph would.
 */
class StandIn {
  hanging = false;
  reply: { status: number; body: unknown } | null = null;
  private readonly sockets = new Set<Socket>();
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(target: string): Promise<StandIn> {
    let standIn: StandIn | undefined;
    const server = createServer((req, res) => {
      if (standIn!.hanging) return;
      const reply = standIn!.reply;
      if (reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply.body));
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)),
        ) as Record<string, string>;
        const bodyless = req.method === 'GET' || req.method === 'HEAD';
        fetch(new URL(req.url ?? '/graphql', target), {
          method: req.method,
          headers,
          body: bodyless ? undefined : Buffer.concat(chunks),
        })
          .then(async (answer) => {
            res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
            res.end(Buffer.from(await answer.arrayBuffer()));
          })
          .catch(() => res.destroy());
      });
    });
    server.on('connection', (s: Socket) => {
      standIn!.sockets.add(s);
      s.on('close', () => standIn!.sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    standIn = new StandIn(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
    return standIn;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const unavailable = (res: GraphResult, service: string) =>
  (res.errors ?? []).filter(
    (e) =>
      e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' &&
      e.extensions?.service === service &&
      e.message.includes(`${service} subgraph is unavailable`),
  );

describe('availability: a subgraph that is down or hangs degrades only its own fields (distributed mode)', () => {
  let graph: DistributedGraph;
  let baseline: UnitAnswer;
  const admin = tokenFor('admin');
  beforeAll(async () => {
    graph = await startDistributedTestGraph(LABEL);
    await graph.settle();
    const res = await query<UnitAnswer>(graph, UNIT, {}, admin);
    expect(res.errors).toBeUndefined();
    baseline = res.data!;
    expect(baseline.unit!.performance!.goals.length).toBeGreaterThan(0);
    expect(baseline.unit!.performance!.goals.some((g) => g.budgetAbsorption !== null)).toBe(true);
  }, 300_000);
  afterAll(async () => graph?.stop(), 120_000);

  it('a stopped performance subgraph: training and budget fields still answer, performance is null with SUBGRAPH_UNAVAILABLE naming it, and the gateway recovers when it is back', async () => {
    const index = SERVICES.findIndex((s) => s.name === 'performance');
    const stopped = graph.services[index];
    const port = stopped.http.port;
    await stopped.stop();

    const started = Date.now();
    const down = await query<UnitAnswer>(graph, UNIT, {}, admin);
    const elapsed = Date.now() - started;
    expect(down.data?.unit).toEqual({ name: baseline.unit!.name, budget: baseline.unit!.budget, performance: null });
    expect(unavailable(down, 'performance')).toHaveLength(1);
    expect(down.errors?.every((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE')).toBe(true);
    expect(elapsed).toBeLessThan(10_000);
    console.log(`performance subgraph stopped: the degraded answer came in ${elapsed} ms`);

    const def = SERVICES[index];
    const database = createDataSource({
      target: { kind: 'mysql', url: TEST_MYSQL_URL, database: graph.databases[index].name },
      entities: serviceEntities(def),
      migrations: def.migrations,
    });
    graph.services[index] = await startService(def, {
      database,
      bus: graph.buses[index],
      secrets: TEST_SECRETS,
      logger: createLogger('test', 'silent'),
      port,
      host: '127.0.0.1',
      relay: { intervalMs: 100 },
    });
    let back: GraphResult<UnitAnswer> | undefined;
    const recovery = await until(
      'full answers again',
      async () => {
        back = await query<UnitAnswer>(graph, UNIT, {}, admin);
        return !back.errors;
      },
      30_000,
    );
    expect(back!.data).toEqual(baseline);
    console.log(`performance subgraph started again: full answers after ${recovery} ms`);
  }, 120_000);

  describe('behind stand-ins that can hang', () => {
    // Healthy calls of these small queries take well under a second even on a loaded machine.
    const TIMEOUT_MS = 3000;
    const MUTATION_TIMEOUT_MS = 6000;
    let standIns: Record<string, StandIn>;
    let gateway: RunningGateway;
    const ask = <T>(source: string) => query<T>({ gateway, stop: async () => undefined }, source, {}, admin);

    beforeAll(async () => {
      standIns = {};
      for (const s of graph.services) standIns[s.name] = await StandIn.start(s.url);
      gateway = await startGateway({
        supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
        subgraphUrls: Object.fromEntries(Object.entries(standIns).map(([name, s]) => [name, s.url])),
        publicRootFields: PUBLIC_ROOT_FIELDS,
        secrets: TEST_SECRETS,
        logger: createLogger('test', 'silent'),
        port: 0,
        host: '127.0.0.1',
        subgraphTimeouts: { queryMs: TIMEOUT_MS, mutationMs: MUTATION_TIMEOUT_MS },
      });
    }, 60_000);
    afterAll(async () => {
      await gateway?.stop();
      for (const s of Object.values(standIns ?? {})) await s.close();
    });
    afterEach(() => {
      for (const s of Object.values(standIns)) {
        s.hanging = false;
        s.reply = null;
      }
    });

    it('a hanging performance subgraph: the answer comes within the timeout with the other parts and an error naming it, then recovers', async () => {
      standIns.performance.hanging = true;
      const started = Date.now();
      const hung = await ask<UnitAnswer>(UNIT);
      const elapsed = Date.now() - started;
      expect(hung.data?.unit).toEqual({ name: baseline.unit!.name, budget: baseline.unit!.budget, performance: null });
      expect(unavailable(hung, 'performance')).toHaveLength(1);
      expect(unavailable(hung, 'performance')[0].message).toContain(`did not answer within ${TIMEOUT_MS / 1000} s`);
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
      // Generous for a loaded machine; without a timeout the request would still be waiting.
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 8000);
      console.log(`performance subgraph hanging, timeout ${TIMEOUT_MS} ms: the degraded answer came in ${elapsed} ms`);
      const probe = await fetch(gateway.url.replace('localhost', '127.0.0.1').replace(/graphql$/, 'readyz'));
      expect(probe.status).toBe(503);
      expect(((await probe.json()) as { checks: Record<string, string> }).checks).toMatchObject({
        training: 'ok',
        budget: 'ok',
        performance: expect.stringContaining('unreachable'),
      });

      standIns.performance.hanging = false;
      const back = await ask<UnitAnswer>(UNIT);
      expect(back.errors).toBeUndefined();
      expect(back.data).toEqual(baseline);
    }, 60_000);

    it('a mutation waits for the longer mutation timeout and says the change may have been applied', async () => {
      standIns.training.hanging = true;
      const started = Date.now();
      const hung = await ask<Record<string, unknown>>(`mutation { startTrainingClass(classId: "1") { status } }`);
      const elapsed = Date.now() - started;
      expect(unavailable(hung, 'training')[0].message).toContain(
        `did not answer within ${MUTATION_TIMEOUT_MS / 1000} s; the change may have been applied, check before retrying`,
      );
      expect(elapsed).toBeGreaterThanOrEqual(MUTATION_TIMEOUT_MS - 100);
      expect(elapsed).toBeLessThan(MUTATION_TIMEOUT_MS + 8000);
    }, 60_000);

    it('a hanging budget subgraph leaves the performance goals and nulls only their budget absorption and the budget', async () => {
      standIns.budget.hanging = true;
      const hung = await ask<UnitAnswer>(UNIT);
      expect(hung.data?.unit).toEqual({
        name: baseline.unit!.name,
        budget: null,
        performance: {
          goals: baseline.unit!.performance!.goals.map((g) => ({ code: g.code, budgetAbsorption: null })),
        },
      });
      expect(unavailable(hung, 'budget').length).toBeGreaterThanOrEqual(1);
    }, 60_000);

    it('a proxy answering 503 for the budget subgraph makes it unavailable; a GraphQL error in an HTTP error status passes through as the subgraph said it', async () => {
      standIns.budget.reply = { status: 503, body: { error: 'no upstream' } };
      const proxied = await ask<UnitAnswer>(UNIT);
      expect(proxied.data?.unit?.budget).toBeNull();
      expect(unavailable(proxied, 'budget')[0].message).toContain('it answered HTTP 503');

      standIns.budget.reply = {
        status: 400,
        body: {
          errors: [{ message: 'year must be 2000-2100', extensions: { code: 'BAD_USER_INPUT', field: 'year' } }],
        },
      };
      const refused = await ask<UnitAnswer>(UNIT);
      expect(refused.data?.unit).toMatchObject({ name: baseline.unit!.name, budget: null });
      expect(refused.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            message: 'year must be 2000-2100',
            extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'year' }),
          }),
        ]),
      );
    }, 60_000);

    it('a hanging training subgraph leaves the SAKIP scores and nulls only the units it would name', async () => {
      const healthy = await ask<SakipAnswer>(SAKIP);
      expect(healthy.errors).toBeUndefined();
      standIns.training.hanging = true;
      const hung = await ask<SakipAnswer>(SAKIP);
      expect(hung.data?.sakipEvaluations).toEqual(
        healthy.data!.sakipEvaluations.map((e) => ({ score: e.score, unit: null })),
      );
      expect(unavailable(hung, 'training')).toHaveLength(1);
    }, 60_000);
  });
});
