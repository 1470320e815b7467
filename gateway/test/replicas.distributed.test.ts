import { startGraphProcess, TEST_NATS_URL, TEST_SECRETS, until } from '@kesos/infra/testing';
import { join } from 'node:path';
import type { ProcessGraph } from './cluster.support';
import {
  accreditationBurst,
  appliedCounts,
  BURST_UNIT,
  exactlyOnce,
  gatewayCall,
  registerBurstUnit,
  startProcessGraph,
} from './cluster.support';
import { tokenFor } from './support';

/**
 * Two processes of every subgraph behind one gateway process (TRAINING_URL etc. list both),
 * sharing each subgraph's database and durable consumers, on MariaDB and the shared NATS
 * server. A burst of writes through the gateway; mid-burst one replica of every subgraph is
 * killed (SIGKILL): its outbox relay, its consumers and its HTTP server die with whatever
 * they were doing.
 */
const READ = `query($code: ID!) { unit(code: $code) { name knownToPerformance budget(year: 2025) { __typename } } }`;

/** Events a training process's outbox relay has published so far, from its /metrics. */
async function publishedBy(url: string): Promise<number> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  const line = /^kesos_outbox_published_total\{service="training"\} (\d+)$/m.exec(text);
  return line ? Number(line[1]) : 0;
}

let graph: ProcessGraph;
const admin = tokenFor('admin');

beforeAll(async () => {
  graph = await startProcessGraph('replicas', { replicas: 2, natsUrl: TEST_NATS_URL });
  await registerBurstUnit(graph, admin);
}, 300_000);
afterAll(async () => {
  await graph?.stop();
}, 120_000);

it('a replica of every subgraph killed mid-burst: every event applied exactly once, the gateway keeps answering', async () => {
  const started = Date.now();
  let published: number[] = [];
  let killedAt = Number.POSITIVE_INFINITY;
  // Readers through the gateway for the whole burst: a query touches all three subgraphs.
  const reads: { sentAt: number; errors?: unknown }[] = [];
  let reading = true;
  const reader = (async () => {
    while (reading) {
      const sentAt = Date.now();
      const answer = await gatewayCall(graph.gateway.url, READ, { code: BURST_UNIT }, admin);
      reads.push({ sentAt, errors: answer.errors });
    }
  })();
  const { calls, during } = await accreditationBurst(graph, admin, {
    workers: 6,
    perWorker: 20,
    startAfter: 30,
    during: async () => {
      published = await Promise.all(graph.replicas.training.map((r) => publishedBy(r.url)));
      killedAt = Date.now();
      await Promise.all(Object.values(graph.replicas).map((replicas) => replicas[1].stop('SIGKILL')));
    },
  });
  await during;
  reading = false;
  await reader;
  const burstMs = Date.now() - started;

  // Only calls in flight at the kill may fail, and only as the subgraph being unavailable (a
  // mutation cut off mid-way is not sent again: it may have been applied).
  const failed = calls.filter((c) => c.errors);
  expect(failed.flatMap((c) => c.errors!.map((e) => e.extensions?.code))).toEqual(
    failed.flatMap((c) => c.errors!.map(() => 'SUBGRAPH_UNAVAILABLE')),
  );
  expect(failed.every((c) => c.sentAt <= killedAt + 1_000 && c.answeredAt >= killedAt)).toBe(true);
  expect(failed.length).toBeLessThanOrEqual(6);
  expect(calls.filter((c) => c.sentAt > killedAt + 1_000).length).toBeGreaterThan(0);
  // Queries go on to the other replica even when cut off mid-way: none failed.
  expect(reads.filter((r) => r.errors)).toEqual([]);
  expect(reads.filter((r) => r.sentAt > killedAt).length).toBeGreaterThan(0);

  // Both relays were publishing before the kill: JetStream's de-duplication, not a claim, keeps them apart.
  expect(published.every((n) => n > 0)).toBe(true);
  const settleMs = await graph.settle();
  const counts = await appliedCounts(graph);
  expect(counts.recorded).toBeGreaterThanOrEqual(120 - 6);
  expect(counts).toEqual(exactlyOnce(counts));
  expect(Object.values(graph.replicas).every((r) => r[0].running() && !r[1].running())).toBe(true);
  process.stdout.write(
    `replicas: ${calls.length} writes and ${reads.length} reads in ${burstMs} ms, ${failed.length} cut off by the kill; ` +
      `relays had published ${published.join(' and ')} before it; settled ${settleMs} ms later; ${counts.recorded} accreditations, each applied once\n`,
  );
  await until('the gateway ready on the surviving replicas', async () => {
    const res = await fetch(graph.gateway.url.replace(/\/graphql$/, '/readyz')).catch(() => undefined);
    return res?.status === 200;
  });
}, 600_000);

it("two gateway processes count verifyCertificate's window together on NATS: 30 look-ups over both, then 429", async () => {
  // A second gateway over the surviving replicas, configured as launchProcessGraph configures the first.
  const second = await startGraphProcess(
    'gateway#2',
    join(__dirname, '..', 'dist', 'main.js'),
    {
      NATS_URL: TEST_NATS_URL,
      NATS_NAMESPACE: graph.namespace,
      JWT_SECRET: TEST_SECRETS.jwtSecret,
      INTERNAL_SECRET: TEST_SECRETS.internalSecret,
      PERSONAL_DATA_KEY: TEST_SECRETS.personalDataKey,
      LOG_LEVEL: 'error',
      ...Object.fromEntries(Object.entries(graph.replicas).map(([name, r]) => [`${name.toUpperCase()}_URL`, r[0].url])),
    },
    { cwd: join(__dirname, '..', '..') },
  );
  try {
    const lookUp = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ verifyCertificate(number: "BBPPKS-PADANG/PPM/2022/000001/XXXX") { number } }',
        }),
      });
    // Windows are numbered from the epoch: start with time left in this one for all 32 look-ups.
    await until('15 s or more left in the window', () => Date.now() % 60_000 < 45_000, 30_000, 100);
    for (let i = 0; i < 30; i++) {
      const res = await lookUp(i % 2 ? second.url : graph.gateway.url);
      expect({ i, status: res.status }).toEqual({ i, status: 200 });
    }
    for (const url of [graph.gateway.url, second.url]) {
      const refused = await lookUp(url);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const body = (await refused.json()) as { errors: { extensions: Record<string, unknown> }[] };
      expect(body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: retryAfter });
    }
  } finally {
    await second.stop('SIGTERM');
  }
}, 180_000);
