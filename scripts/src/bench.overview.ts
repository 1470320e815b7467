import { answerHelp } from './cli.usage';
import { PUBLIC_ROOT_FIELDS, SERVICES, startGateway, SUPERGRAPH_FILE } from '@kesos/gateway';
import {
  createLogger,
  IDENTITY_HEADER,
  NatsEventBus,
  type RunningService,
  signIdentity,
  signJwt,
  startService,
  type LogLevel,
} from '@kesos/infra';
import { freshMysqlDatabase, settleEvents, type TestDatabase, TEST_NATS_URL, TEST_SECRETS } from '@kesos/infra/testing';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

const USAGE = `Usage: npm run bench:overview -- [--connections 50] [--seconds 15] [--warmup 3]

The contract's UnitOverview and each subgraph's part of it under load (MariaDB at TEST_MYSQL_URL,
NATS at TEST_NATS_URL). On demand, not in CI.

Options:
  --connections <n>   requests in flight (default 50)
  --seconds <n>       measured seconds per phase (default 15)
  --warmup <n>        warm-up seconds per phase, not counted (default 3)
  --help              this text
`;
answerHelp(USAGE);

/**
 * `npm run bench:overview [-- --connections 50 --seconds 15 --warmup 3]`: the UnitOverview
 * contract operation (training, budget and performance subgraphs) through the gateway, in the
 * distributed mode: each subgraph on its own freshly seeded MariaDB database (at
 * `TEST_MYSQL_URL`) with NATS at `TEST_NATS_URL`, the seed's events applied before the load
 * starts; then the same for UnitOverview's performance part on the performance subgraph directly
 * (the `_entities` call the gateway's plan makes). The load comes from a child process (so that it does not share the servers' event
 * loop): `connections` requests in flight at all times for `seconds` after `warmup` seconds;
 * prints requests/s and latency percentiles. Scratch databases kesos_test_*_bench_overview_<run>
 * and a NATS namespace of the run's own, removed at the end; on demand, not in CI.
 *
 * To compare two builds, run it on each back to back (interleaved), e.g. with an older build's
 * services/performance/dist swapped in (README, Benchmark).
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const OVERVIEW = readFileSync(`${__dirname}/../../gateway/test/contract/operations.graphql`, 'utf8');
const operation = (name: string): string => {
  const start = OVERVIEW.indexOf(`query ${name}(`);
  if (start < 0) throw new Error(`operation ${name} not found in the contract operations`);
  let depth = 0;
  for (let i = OVERVIEW.indexOf('{', start); i < OVERVIEW.length; i++) {
    if (OVERVIEW[i] === '{') depth++;
    if (OVERVIEW[i] === '}' && --depth === 0) return OVERVIEW.slice(start, i + 1);
  }
  throw new Error(`operation ${name} is not closed`);
};

interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** One load phase: the same request again and again. */
interface Phase {
  label: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The child: for each phase, keeps `connections` requests in flight, first for the warm-up (not counted), then measured. */
async function load(phases: Phase[], connections: number, seconds: number, warmup: number): Promise<LoadResult[]> {
  const run = async (phase: Phase, ms: number): Promise<LoadResult> => {
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    const end = started + ms;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          const res = await fetch(phase.url, { method: 'POST', headers: phase.headers, body: phase.body });
          const json = (await res.json()) as { errors?: unknown[]; data?: unknown };
          latencies.push(performance.now() - t);
          if (!res.ok || json.errors || !json.data) errors++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      errors,
      seconds: elapsed,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
    };
  };
  const results: LoadResult[] = [];
  for (const phase of phases) {
    await run(phase, warmup * 1000);
    results.push(await run(phase, seconds * 1000));
  }
  return results;
}

/** UnitOverview's performance part, as the gateway's plan asks the performance subgraph for it. */
const PERFORMANCE_PART = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Unit { performance(year: 2022) { goals { code title achievement indicators { code name target realization achievement } } } } } }`;

async function main(): Promise<void> {
  const connections = arg('connections', 50);
  const seconds = arg('seconds', 15);
  const warmup = arg('warmup', 3);
  const logger = createLogger('bench', (process.env.LOG_LEVEL ?? 'silent') as LogLevel);
  const namespace = `bench_overview_${randomBytes(4).toString('hex')}`;
  const buses: NatsEventBus[] = [];
  const databases: TestDatabase[] = [];
  const services: RunningService[] = [];
  try {
    for (const def of SERVICES) {
      const database = await freshMysqlDatabase(def, 'bench_overview');
      databases.push(database);
      await def.seed(database.dataSource, logger);
      const bus = await NatsEventBus.connect(TEST_NATS_URL, undefined, { namespace });
      buses.push(bus);
      services.push(
        await startService(def, {
          database,
          bus,
          secrets: TEST_SECRETS,
          logger,
          port: 0,
          host: '127.0.0.1',
          relay: { intervalMs: 100 },
        }),
      );
    }
    // The seed's events (graduations, decisions, scores) are applied before the load, as on a running system.
    await settleEvents(
      services.map((s) => s.relay),
      buses,
    );
    const gateway = await startGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
      subgraphUrls: Object.fromEntries(services.map((s) => [s.name, s.url])),
      publicRootFields: PUBLIC_ROOT_FIELDS,
      secrets: TEST_SECRETS,
      logger,
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const token = signJwt({ sub: 'bench', role: 'admin' }, TEST_SECRETS.jwtSecret, 3600);
      const facts = await services[2].dataSource.query<{ n: number | string }[]>(
        'SELECT COUNT(*) AS n FROM metric_fact',
      );
      const phases: Phase[] = [
        {
          label: 'UnitOverview through the gateway',
          url: gateway.url,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: operation('UnitOverview'),
            operationName: 'UnitOverview',
            variables: { unit: 'BBPPKS-PADANG', year: 2022 },
          }),
        },
        {
          label: 'its performance part (Unit.performance) on the performance subgraph directly',
          url: services[2].url,
          headers: {
            'content-type': 'application/json',
            [IDENTITY_HEADER]: signIdentity(
              { caller: { subject: 'bench', role: 'admin', unit: null }, requestId: 'bench' },
              TEST_SECRETS.internalSecret,
            ),
          },
          body: JSON.stringify({
            query: PERFORMANCE_PART,
            variables: { representations: [{ __typename: 'Unit', code: 'BBPPKS-PADANG' }] },
          }),
        },
      ];
      const child = fork(__filename, ['--child'], { stdio: 'inherit' });
      const results = await new Promise<LoadResult[]>((resolve, reject) => {
        child.once('message', (m) => resolve(m as LoadResult[]));
        child.once('error', reject);
        child.once('exit', (code) => code && reject(new Error(`load generator exited with ${code}`)));
        child.send({ phases, connections, seconds, warmup });
      });
      child.kill();
      process.stdout.write(
        [
          `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(1)}; ${Number(facts[0].n)} metric facts after the seed's events`,
          ...results.map(
            (r, i) =>
              `${phases[i].label}, ${connections} connections, ${r.seconds.toFixed(1)} s after ${warmup} s warm-up: ${r.requests} requests (${r.errors} failed) = ${(r.requests / r.seconds).toFixed(1)} req/s; latency p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms`,
          ),
        ].join('\n') + '\n',
      );
    } finally {
      await gateway.stop();
    }
  } finally {
    for (const s of services) await s.stop();
    for (const d of databases) await d.drop();
    await buses[0]?.deleteNamespaceStreams().catch(() => undefined);
    for (const b of buses) await b.close();
  }
}

if (process.argv.includes('--child')) {
  process.once('message', (m) => {
    const o = m as { phases: Phase[]; connections: number; seconds: number; warmup: number };
    load(o.phases, o.connections, o.seconds, o.warmup)
      .then((r) => process.send!(r, undefined, {}, () => process.exit(0)))
      .catch((err: unknown) => {
        process.stderr.write(`load failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exit(1);
      });
  });
} else
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
