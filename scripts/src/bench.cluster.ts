import { answerHelp, parseOptions } from './cli.usage';
import type { LogLevel, NewEvent } from '@kesos/infra';
import { createLogger, NatsEventBus, runTransaction, signJwt, writeEvents } from '@kesos/infra';
import type { GraphProcess, LaunchedProcessGraph, NatsCluster, TestDatabase } from '@kesos/infra/testing';
import {
  launchProcessGraph,
  startNatsCluster,
  TEST_NATS_URL,
  TEST_SECRETS,
  testDatabaseName,
  until,
} from '@kesos/infra/testing';
import { SERVICES } from '@kesos/gateway';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

const USAGE = `Usage: npm run bench -- cluster [--shapes 1x1,2x1,1x3,2x3] [--rounds 2] [--events 5000] [--chunk 50] [--seconds 5] [--connections 10]

The scale-out shapes side by side in one run: the event pipeline (training's outbox -> its relays
-> JetStream -> performance's consumers and counters) and the ministry query through the gateway,
each shape a graph of built processes (services/*/dist/main.js, gateway/dist/main.js) on fresh,
seeded MariaDB databases (TEST_MYSQL_URL). A shape <r>x<n> runs r processes of every subgraph
and NATS on n nodes: 1 = the shared server at TEST_NATS_URL, more = a private JetStream cluster
of that many nats-server processes with NATS_REPLICAS=n. Interleaved rounds; ratios against the
first shape. On demand, not in CI.

Options:
  --shapes <list>     shapes to compare, the first being the reference (default 1x1,2x1,1x3,2x3: the last is the
                      shape of docker-compose.cluster.yml)
  --rounds <n>        interleaved rounds (default 2)
  --events <n>        events per pipeline case (default 5000)
  --chunk <n>         events written per transaction (default 50)
  --seconds <n>       seconds of load per ministry case (default 5)
  --connections <n>   autocannon connections for the ministry query, asked by one analyst and
                      by 50 analysts in turn (default 10)
  --help              this text
`;
answerHelp(USAGE);

/**
 * `npm run bench -- cluster [...]`: issue 15's measurements, every shape started once and
 * measured in interleaved rounds (the order reversed every other round, so a load that drifts
 * over the run does not favour one shape). While one shape is measured, the node processes of
 * the others are stopped (SIGSTOP, resumed with SIGCONT), so only the shape under measurement
 * competes for the cores; its NATS nodes keep running.
 *
 * Pipeline case: the bench writes `events` SK1.1 accreditation decisions into training's outbox
 * (transactions of `chunk`, as fast as MariaDB takes them: what a training mutation commits),
 * then the training processes' relays publish them (a pass every 500 ms publishes all that is
 * pending; two relays publish the same rows and JetStream drops the second copy) and the
 * performance processes, pulling from the same durable, apply them. Lag of an event = when its
 * processed-event row is first seen committed (polled every 25 ms) minus when its outbox
 * transaction committed; the SK1.1 counter must end exact.
 *
 * Ministry cases: autocannon on the gateway with the ministry query of `bench:ministry` (every
 * unit's budget, performance, survey and training volume), from one analyst and from 50 analysts
 * in turn (see KINDS); every shape must answer the same data first.
 *
 * CPU per event / request: user + system time of the shape's node processes (gateway and
 * replicas, from /proc) over the case, divided by its events or answered requests. The NATS
 * servers, MariaDB and this process (writer, poller, autocannon) are not in it.
 */
const { values, positionals } = parseOptions(
  {
    options: {
      shapes: { type: 'string', default: '1x1,2x1,1x3,2x3' },
      rounds: { type: 'string', default: '2' },
      events: { type: 'string', default: '5000' },
      chunk: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
    },
    // The dispatcher's `cluster` comes first.
    allowPositionals: true,
  },
  USAGE,
);
const stray = positionals.filter((p) => p !== 'cluster');
if (stray.length) {
  process.stderr.write(`error: unexpected argument '${stray[0]}'\n\n${USAGE}`);
  process.exit(2);
}

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`error: --${name} must be a whole number of at least 1, got "${text}"\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

interface Shape {
  label: string;
  replicas: number;
  natsNodes: number;
}

const SHAPES: Shape[] = values.shapes.split(',').map((text) => {
  const m = /^(\d+)x(\d+)$/.exec(text.trim());
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 4 || ![1, 3, 5].includes(Number(m[2]))) {
    process.stderr.write(
      `error: --shapes takes <replicas>x<NATS nodes> (replicas 1-4; nodes 1, 3 or 5), got "${text}"\n\n${USAGE}`,
    );
    process.exit(2);
  }
  const [replicas, natsNodes] = [Number(m[1]), Number(m[2])];
  return {
    label: `${replicas} ${replicas === 1 ? 'process' : 'processes'} per subgraph, ${natsNodes === 1 ? '1 NATS node' : `${natsNodes} NATS nodes (R${natsNodes})`}`,
    replicas,
    natsNodes,
  };
});
const ROUNDS = positive('rounds', values.rounds);
const EVENTS = positive('events', values.events);
const CHUNK = positive('chunk', values.chunk);
const SECONDS = positive('seconds', values.seconds);
const CONNECTIONS = positive('connections', values.connections);

const ROOT = join(__dirname, '..', '..');
/** A unit of the bench's own (synthetic), so the seed's SK1.1 facts never mix with the burst's. */
const UNIT = 'BBPPKS-KLASTER';
const YEAR = 2023;
const DURABLE = 'performance-accreditation-decided';
const POLL_MS = 25;
const PIPELINE_TIMEOUT_MS = 600_000;
const MINISTRY = `{ units { code name
  budget(year: 2022) { ceiling realized absorptionRate budgetPerformanceScore }
  performance(year: 2022) { goals { code achievement indicators { code realization achievement } } }
  satisfactionSurvey(year: 2022) { respondents index grade }
  trainingVolume(fromYear: 2021, toYear: 2022) { year target realized } } }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

interface Graph {
  shape: Shape;
  gateway: GraphProcess;
  processes: GraphProcess[];
  databases: Record<string, TestDatabase>;
  bus: NatsEventBus;
  cluster?: NatsCluster;
  /** Accreditation decisions sent so far, and how many of them accredit: the counter's expected value. */
  sent: number;
  accredited: number;
}

/** CPU time (user + system) of a process in ms, from /proc/<pid>/stat (fields 14 and 15, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
const graphCpuMs = (g: Graph) => g.processes.reduce((sum, p) => sum + cpuMs(p.pid), 0);

/** Stops (SIGSTOP) or resumes (SIGCONT) a shape's node processes. */
function pause(g: Graph, paused: boolean): void {
  for (const p of g.processes) if (p.running()) process.kill(p.pid, paused ? 'SIGSTOP' : 'SIGCONT');
}

async function unpublished(db: TestDatabase): Promise<number> {
  const rows = await db.dataSource.query<{ n: string | number }[]>(
    'SELECT COUNT(*) AS n FROM outbox_event WHERE publishedAt IS NULL',
  );
  return Number(rows[0].n);
}

/** Every outbox published and every durable of the namespace caught up. */
async function settle(g: Graph): Promise<void> {
  await until(
    `${g.shape.label}: every outbox published and every durable caught up`,
    async () => {
      for (const db of Object.values(g.databases)) if ((await unpublished(db)) > 0) return false;
      try {
        return (await g.bus.namespaceBacklog()) === 0;
      } catch (err) {
        // A JetStream API request timing out on a busy machine: not settled yet.
        if (err instanceof Error && err.name === 'TimeoutError') return false;
        throw err;
      }
    },
    300_000,
    250,
  );
}

/**
 * The shape as built processes, started as the tests start them (launchProcessGraph: one replica
 * of every subgraph at a time, then the gateway given every replica's URL), on databases migrated
 * and seeded first, as `npm run migrate` leaves them.
 */
async function startGraph(shape: Shape, run: string): Promise<Graph> {
  const tag = `${shape.replicas}x${shape.natsNodes}`;
  const namespace = `bench_cluster_${run}_${tag}`;
  const logger = createLogger('bench', (process.env.LOG_LEVEL ?? 'silent') as LogLevel);
  let cluster: NatsCluster | undefined;
  let bus: NatsEventBus | undefined;
  let launched: LaunchedProcessGraph | undefined;
  try {
    if (shape.natsNodes > 1) cluster = await startNatsCluster(shape.natsNodes);
    const natsUrl = cluster?.url ?? TEST_NATS_URL;
    bus = await NatsEventBus.connect(natsUrl, undefined, { namespace, replicas: shape.natsNodes });
    launched = await launchProcessGraph({
      services: SERVICES,
      root: ROOT,
      databasePrefix: testDatabaseName(`benchcl${tag}`),
      seed: async (def, db) => {
        await def.seed(db.dataSource, logger);
      },
      replicas: shape.replicas,
      natsUrl,
      natsNamespace: namespace,
      natsReplicas: shape.natsNodes,
    });
    const { gateway, processes, databases } = launched;
    const graph: Graph = { shape, gateway, processes, databases, bus, cluster, sent: 0, accredited: 0 };
    // The seed's events applied, so every shape answers the ministry query with the same figures.
    await settle(graph);
    return graph;
  } catch (err) {
    for (const p of launched?.processes ?? []) await p.stop('SIGKILL');
    await bus?.deleteNamespaceStreams().catch(() => undefined);
    await bus?.close();
    await cluster?.remove();
    for (const db of Object.values(launched?.databases ?? {})) await db.drop();
    throw err;
  }
}

async function stopGraph(g: Graph): Promise<void> {
  pause(g, false);
  for (const p of g.processes) await p.stop('SIGKILL');
  await g.bus.deleteNamespaceStreams().catch(() => undefined);
  await g.bus.close();
  await g.cluster?.remove();
  for (const db of Object.values(g.databases)) await db.drop();
}

interface PipelineSample {
  rate: number;
  lagP50: number;
  lagP95: number;
  writtenSeconds: number;
  publishedSeconds: number;
  cpuPerEvent: number;
}

async function pipeline(g: Graph, round: number): Promise<PipelineSample> {
  const training = g.databases.training.dataSource;
  const performanceDb = g.databases.performance.dataSource;
  const base = (round + 1) * 10_000_000 + g.sent;
  const decision = (i: number): NewEvent<Record<string, unknown>> => ({
    type: 'training.accreditation.decided',
    unit: UNIT,
    data: {
      assessmentId: base + i,
      institutionId: 1 + (i % 200),
      year: YEAR,
      result: i % 3 === 0 ? 'NOT_ACCREDITED' : 'B',
      accredited: i % 3 !== 0,
      date: `${YEAR}-06-01`,
    },
  });
  const committedAt = new Map<string, number>();
  const seenAt = new Map<string, number>();
  let written = 0;
  let publishedAt: number | undefined;
  let polling = true;
  const cpuBefore = graphCpuMs(g);
  const poller = (async () => {
    while (polling) {
      const rows = await performanceDb.query<{ eventId: string }[]>(
        'SELECT eventId FROM processed_event WHERE consumer = ?',
        [DURABLE],
      );
      const now = performance.now();
      for (const { eventId } of rows) if (committedAt.has(eventId) && !seenAt.has(eventId)) seenAt.set(eventId, now);
      if (written === EVENTS && publishedAt === undefined && (await unpublished(g.databases.training)) === 0)
        publishedAt = performance.now();
      if (seenAt.size >= EVENTS && publishedAt !== undefined) return;
      await sleep(POLL_MS);
    }
  })();
  const started = performance.now();
  for (let i = 0; i < EVENTS; i += CHUNK) {
    const batch = Array.from({ length: Math.min(CHUNK, EVENTS - i) }, (_, k) => decision(i + k));
    const events = await runTransaction(training, (m) => writeEvents(m, batch));
    const now = performance.now();
    for (const e of events) committedAt.set(e.id, now);
    written += events.length;
  }
  const deadline = Date.now() + PIPELINE_TIMEOUT_MS;
  while ((seenAt.size < EVENTS || publishedAt === undefined) && Date.now() < deadline) await sleep(POLL_MS);
  polling = false;
  await poller;
  const cpu = graphCpuMs(g) - cpuBefore;
  if (seenAt.size < EVENTS)
    throw new Error(`${g.shape.label}: only ${seenAt.size} of ${EVENTS} events applied in time`);
  g.sent += EVENTS;
  g.accredited += Array.from({ length: EVENTS }, (_, i) => i).filter((i) => i % 3 !== 0).length;
  // Applied exactly once: the counter moved by every decision once, whatever the replicas and nodes did.
  const [counter] = await performanceDb.query<{ numerator: number | string; denominator: number | string }[]>(
    'SELECT numerator, denominator FROM metric_counter WHERE metric = ? AND unitCode = ? AND year = ?',
    ['ACCREDITATION', UNIT, YEAR],
  );
  if (Number(counter?.numerator) !== g.accredited || Number(counter?.denominator) !== g.sent)
    throw new Error(
      `${g.shape.label}: SK1.1 counter is ${JSON.stringify(counter)}, expected ${g.accredited}/${g.sent}`,
    );
  const lags = [...committedAt].map(([id, t]) => seenAt.get(id)! - t).sort((a, b) => a - b);
  const last = Math.max(...seenAt.values());
  return {
    rate: EVENTS / ((last - started) / 1000),
    lagP50: percentile(lags, 50) / 1000,
    lagP95: percentile(lags, 95) / 1000,
    writtenSeconds: (Math.max(...committedAt.values()) - started) / 1000,
    publishedSeconds: ((publishedAt ?? NaN) - started) / 1000,
    cpuPerEvent: cpu / EVENTS,
  };
}

interface QuerySample {
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  cpuPerRequest: number;
}

/**
 * One analyst: every request the same caller, so the gateway shares identical subgraph fetches in
 * flight ("Shared subgraph fetches"). Many analysts: CALLERS tokens in turn, where no fetch can be
 * shared and every request reaches the subgraphs.
 */
const CALLERS = 50;
const KINDS = ['one analyst', `${CALLERS} analysts`] as const;
type Kind = (typeof KINDS)[number];

const ministryBody = JSON.stringify({ query: MINISTRY });

async function ministryAnswer(g: Graph, token: string): Promise<string> {
  const res = await fetch(g.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: ministryBody,
  });
  const text = await res.text();
  const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown };
  if (parsed.errors || !parsed.data)
    throw new Error(`${g.shape.label}: the ministry query answered ${text.slice(0, 500)}`);
  return JSON.stringify(parsed.data);
}

async function ministry(g: Graph, tokens: string[]): Promise<QuerySample> {
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const cpuBefore = graphCpuMs(g);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: g.gateway.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` },
        body: ministryBody,
        connections: CONNECTIONS,
        duration: SECONDS,
        ...(tokens.length > 1
          ? {
              requests: [
                {
                  setupRequest: (req: autocannon.Request) => ({
                    ...req,
                    headers: { ...req.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` },
                  }),
                },
              ],
            }
          : {}),
      },
      (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, time) => {
      if (status !== 200) errors++;
      times.push(time);
    });
  });
  const cpu = graphCpuMs(g) - cpuBefore;
  times.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    errors: errors + result.errors + result.timeouts,
    cpuPerRequest: cpu / Math.max(1, times.length),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = () => loadavg()[0].toFixed(1);
const graphs: Graph[] = [];

// Interrupted: the paused shapes' processes would stay stopped for ever (a stopped process does not
// act on the terminal's SIGINT), so every one is resumed and killed; their databases are swept by
// the next test run after six hours.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    for (const g of graphs)
      for (const p of g.processes)
        if (p.running()) {
          process.kill(p.pid, 'SIGCONT');
          process.kill(p.pid, 'SIGKILL');
        }
    for (const g of graphs) for (const n of g.cluster?.nodes ?? []) void n.stop();
    process.exit(130);
  });

/** Runs `work` with the shape resumed, and pauses it again afterwards. */
async function measured<T>(g: Graph, work: () => Promise<T>): Promise<T> {
  pause(g, false);
  try {
    return await work();
  } finally {
    pause(g, true);
  }
}

async function main(): Promise<void> {
  const run = randomBytes(3).toString('hex');
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    for (const shape of SHAPES) {
      const started = Date.now();
      const g = await startGraph(shape, run);
      graphs.push(g);
      // Paused until measured: an idle shape's relays and consumers still poll.
      pause(g, true);
      process.stderr.write(
        `${shape.label}: ${g.processes.length} processes ready, seed settled in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
      );
    }
    const tokens = Array.from({ length: CALLERS }, (_, i) =>
      signJwt({ sub: `bench-analyst-${i}`, role: 'analyst' }, TEST_SECRETS.jwtSecret, 6 * 3600),
    );
    const callers: Record<Kind, string[]> = { 'one analyst': tokens.slice(0, 1), [`${CALLERS} analysts`]: tokens };
    // Every shape answers the same data (and warms its gateway's plan cache) before it is measured.
    let reference: string | undefined;
    for (const g of graphs) {
      const answer = await measured(g, () => ministryAnswer(g, tokens[0]));
      if (reference !== undefined && answer !== reference)
        throw new Error(`${g.shape.label} answers the ministry query with other data than ${graphs[0].shape.label}`);
      reference = answer;
    }
    out(
      `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${new Date().toISOString()}`,
    );
    out(
      `pipeline: ${EVENTS} events per case in transactions of ${CHUNK}; ministry query: autocannon ${CONNECTIONS} connections, ${SECONDS} s per case; ${ROUNDS} interleaved rounds`,
    );
    const pipelines = new Map<Graph, PipelineSample[]>(graphs.map((g) => [g, []]));
    const queries = new Map<string, QuerySample[]>();
    const key = (kind: Kind, g: Graph) => `${kind}|${g.shape.label}`;
    const loads: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 ? graphs : [...graphs].reverse();
      out(
        `round ${round} (load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')})`,
      );
      for (const g of order) {
        loads.push(loadavg()[0]);
        const p = await measured(g, async () => {
          const sample = await pipeline(g, round);
          // The next case starts on a quiet shape: nothing of this one left to relay or apply.
          await settle(g);
          return sample;
        });
        pipelines.get(g)!.push(p);
        out(
          `  pipeline ${g.shape.label.padEnd(46)} ${p.rate.toFixed(0).padStart(6)} events/s  lag p50 ${p.lagP50.toFixed(2)} s, p95 ${p.lagP95.toFixed(2)} s; written after ${p.writtenSeconds.toFixed(2)} s, published after ${p.publishedSeconds.toFixed(2)} s; CPU ${p.cpuPerEvent.toFixed(2)} ms/event (load ${load()})`,
        );
      }
      for (const kind of KINDS)
        for (const g of order) {
          loads.push(loadavg()[0]);
          const q = await measured(g, () => ministry(g, callers[kind]));
          queries.set(key(kind, g), [...(queries.get(key(kind, g)) ?? []), q]);
          out(
            `  ministry ${kind.padEnd(12)} ${g.shape.label.padEnd(46)} ${q.rps.toFixed(1).padStart(6)} req/s  p50 ${Math.round(q.p50)} ms, p95 ${Math.round(q.p95)} ms; CPU ${q.cpuPerRequest.toFixed(1)} ms/request${q.errors ? `; ${q.errors} errors` : ''} (load ${load()})`,
          );
        }
      const first = graphs[0];
      for (const g of graphs.slice(1))
        out(
          `  ratio ${g.shape.label} / ${first.shape.label}: pipeline events/s ${(pipelines.get(g)!.at(-1)!.rate / pipelines.get(first)!.at(-1)!.rate).toFixed(2)}x, ${KINDS.map((kind) => `ministry ${kind} req/s ${(queries.get(key(kind, g))!.at(-1)!.rps / queries.get(key(kind, first))!.at(-1)!.rps).toFixed(2)}x`).join(', ')}`,
        );
    }
    const ref = graphs[0];
    const rate = (g: Graph) => median(pipelines.get(g)!.map((s) => s.rate));
    const rps = (kind: Kind, g: Graph) => median(queries.get(key(kind, g))!.map((s) => s.rps));
    out('');
    out(
      `Median of ${ROUNDS} rounds (load average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}); ratio = this shape / ${ref.shape.label}`,
    );
    out(
      `| shape | pipeline events/s (ratio) | lag p50 / p95 | all published after | CPU ms/event | ${KINDS.map((kind) => `ministry, ${kind}: req/s (ratio), p50 / p95, CPU ms/request`).join(' | ')} |`,
    );
    out(`|---|---|---|---|---|${KINDS.map(() => '---').join('|')}|`);
    for (const g of graphs) {
      const p = pipelines.get(g)!;
      const cells = KINDS.map((kind) => {
        const q = queries.get(key(kind, g))!;
        return `${rps(kind, g).toFixed(1)} (${(rps(kind, g) / rps(kind, ref)).toFixed(2)}x), ${Math.round(median(q.map((s) => s.p50)))} / ${Math.round(median(q.map((s) => s.p95)))} ms, ${median(q.map((s) => s.cpuPerRequest)).toFixed(1)}`;
      });
      out(
        `| ${g.shape.label} | ${rate(g).toFixed(0)} (${(rate(g) / rate(ref)).toFixed(2)}x) | ${median(p.map((s) => s.lagP50)).toFixed(2)} / ${median(p.map((s) => s.lagP95)).toFixed(2)} s | ${median(p.map((s) => s.publishedSeconds)).toFixed(2)} s | ${median(p.map((s) => s.cpuPerEvent)).toFixed(2)} | ${cells.join(' | ')} |`,
      );
    }
  } finally {
    for (const g of graphs) await stopGraph(g);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
