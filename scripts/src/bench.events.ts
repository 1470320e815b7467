import { answerHelp } from './cli.usage';
import { freshMysqlDatabase, TEST_NATS_URL } from '@kesos/infra/testing';
import {
  accreditationDecidedV1,
  type ConsumerSpec,
  type ContractEvent,
  createLogger,
  NatsEventBus,
  OutboxRelay,
  runTransaction,
  startConsumers,
  writeEvents,
  type LogLevel,
  type NewEvent,
} from '@kesos/infra';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, nanos } from '@nats-io/transport-node';
import { performanceService } from '@kesos/performance';
import { trainingService } from '@kesos/training';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';

const USAGE = `Usage: npm run bench:events -- [--events 5000] [--chunk 50] [--rate 0] [--relay-batch 0] [--only performance|setBased]

The event pipeline (training -> outbox -> JetStream -> consumers) against nats.js raw publish on the
same NATS server (TEST_NATS_URL), MariaDB at TEST_MYSQL_URL. On demand, not in CI.

Options:
  --events <n>        events in the burst (default 5000)
  --chunk <n>         events written per transaction (default 50)
  --rate <n>          events per second, 0 for as fast as possible (default 0)
  --relay-batch <n>   rows per relay pass (default: the relay's own)
  --only <line>       that pipeline line alone (performance or setBased), after the raw lines
  --help              this text
`;
answerHelp(USAGE);

/**
 * `npm run bench:events [-- --events 5000 --chunk 50 --rate 0 --relay-batch 200 --only performance]`: the event pipeline against
 * MariaDB and NATS JetStream, side by side in one run with what nats.js alone does on the same
 * machine:
 * - raw sync publish: one JetStream publish at a time, each awaiting its ack;
 * - raw async publish: all publishes in flight at once, then all acks awaited;
 * - pipeline: a training-side outbox (events written in transactions of `chunk`, as fast as the
 *   database takes them, or at `rate` events/s) -> OutboxRelay -> JetStream -> the performance
 *   service's real SK1.1 consumer (`accreditation-decided`), every event of the burst moving
 *   the same counter row. Lag of an event = when its processed-event row is first seen
 *   committed (polled every 25 ms) minus when its outbox transaction committed.
 * Scratch databases kesos_test_*_bench_events_<run> and a NATS namespace of the run's own,
 * all removed at the end; run on demand, not in CI.
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('events', 5_000);
const CHUNK = arg('chunk', 50);
const RATE = arg('rate', 0);
/** Rows per relay pass; the relay's own default when not given. */
const RELAY_BATCH = arg('relay-batch', 0);
/** `--only performance` (or setBased): that pipeline line alone, after the raw publish lines. */
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const UNIT = 'BBPPKS-PADANG';
const YEAR = 2023;
const POLL_MS = 25;
const TIMEOUT_MS = 600_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const accreditation = (i: number): NewEvent<Record<string, unknown>> => ({
  type: 'training.accreditation.decided',
  unit: UNIT,
  data: {
    assessmentId: 900_000 + i,
    institutionId: 1 + (i % 200),
    year: YEAR,
    result: i % 3 === 0 ? 'NOT_ACCREDITED' : 'B',
    accredited: i % 3 !== 0,
    date: `${YEAR}-06-01`,
  },
});

/** Raw nats.js on a stream of its own: sync (await each ack) then async (all in flight). */
async function rawPublish(namespace: string): Promise<{ sync: number; async: number }> {
  const nc = await connect({ servers: TEST_NATS_URL });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const stream = `${namespace.toUpperCase()}_RAW`;
  await jsm.streams.add({ name: stream, subjects: [`${namespace}.raw.>`], duplicate_window: nanos(600_000) });
  const body = (i: number) =>
    JSON.stringify({
      id: randomUUID(),
      type: 'training.accreditation.decided',
      unit: UNIT,
      occurredAt: new Date().toISOString(),
      version: 1,
      data: accreditation(i).data,
    });
  try {
    let started = performance.now();
    for (let i = 0; i < EVENTS; i++)
      await js.publish(`${namespace}.raw.sync`, body(i), { msgID: `sync-${i}-${namespace}` });
    const sync = EVENTS / ((performance.now() - started) / 1000);
    started = performance.now();
    await Promise.all(
      Array.from({ length: EVENTS }, (_, i) =>
        js.publish(`${namespace}.raw.async`, body(i), { msgID: `async-${i}-${namespace}` }),
      ),
    );
    const async = EVENTS / ((performance.now() - started) / 1000);
    return { sync, async };
  } finally {
    await jsm.streams.delete(stream).catch(() => undefined);
    await nc.drain();
  }
}

interface PipelineResult {
  rate: number;
  seconds: number;
  lagP50: number;
  lagP95: number;
  lagMax: number;
  counter: string;
  writtenSeconds: number;
  publishedSeconds: number;
}

type Accreditation = { assessmentId: number | string; year: number; accredited: boolean };

/**
 * The consumer under test: the performance service's own SK1.1 consumer, or a set-based one of
 * the bench's own (a fact row per event and a counter per unit and year, like SK1.1 without
 * replacing earlier facts) whose batch handler writes a batch's facts with one INSERT and moves
 * each counter once, to show what the pipeline carries when the handler is not the limit.
 */
const variants = {
  performance: {
    label: "performance's SK1.1 consumer",
    spec: () => performanceService.consumers.find((c) => c.name === 'accreditation-decided')!,
    prepare: async () => undefined,
    counter: 'metric_counter',
  },
  setBased: {
    label: 'set-based bench consumer (batch handler)',
    spec: (): ConsumerSpec => {
      const fact = (e: ContractEvent<Accreditation>) => [
        `assessment:${e.data.assessmentId}`,
        e.unit,
        e.data.year,
        e.data.accredited ? 1 : 0,
      ];
      const bump = (m: EntityManager, unit: string, year: number, n: number, d: number) =>
        m.query(
          'INSERT INTO bench_counter (unitCode, year, numerator, denominator, facts) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE numerator = numerator + VALUES(numerator), denominator = denominator + VALUES(denominator), facts = facts + VALUES(facts)',
          [unit, year, n, d, d],
        );
      // Built as a plain object so that this file also compiles against a release without handleBatch.
      const spec = {
        name: 'bench-set-based',
        contract: accreditationDecidedV1,
        handle: async (e: ContractEvent<Accreditation>, m: EntityManager) => {
          await m.query('INSERT INTO bench_fact (sourceId, unitCode, year, numerator) VALUES (?, ?, ?, ?)', fact(e));
          await bump(m, e.unit, e.data.year, e.data.accredited ? 1 : 0, 1);
        },
        handleBatch: async (events: ContractEvent<Accreditation>[], m: EntityManager) => {
          await m.query(
            `INSERT INTO bench_fact (sourceId, unitCode, year, numerator) VALUES ${events.map(() => '(?, ?, ?, ?)').join(', ')}`,
            events.flatMap(fact),
          );
          const sums = new Map<string, { unit: string; year: number; n: number; d: number }>();
          for (const e of events) {
            const key = `${e.unit}|${e.data.year}`;
            const sum = sums.get(key) ?? { unit: e.unit, year: e.data.year, n: 0, d: 0 };
            sum.n += e.data.accredited ? 1 : 0;
            sum.d += 1;
            sums.set(key, sum);
          }
          for (const { unit, year, n, d } of sums.values()) await bump(m, unit, year, n, d);
        },
      };
      return spec;
    },
    prepare: async (ds: DataSource) => {
      await ds.query(
        'CREATE TABLE bench_fact (sourceId VARCHAR(100) PRIMARY KEY, unitCode VARCHAR(40) NOT NULL, year INT NOT NULL, numerator INT NOT NULL)',
      );
      await ds.query(
        'CREATE TABLE bench_counter (unitCode VARCHAR(40), year INT, numerator INT NOT NULL, denominator INT NOT NULL, facts INT NOT NULL, PRIMARY KEY (unitCode, year))',
      );
    },
    counter: 'bench_counter',
  },
};
type Variant = (typeof variants)[keyof typeof variants];

async function pipeline(namespace: string, variant: Variant): Promise<PipelineResult> {
  const logger = createLogger('bench', (process.env.LOG_LEVEL ?? 'silent') as LogLevel);
  const producer = await freshMysqlDatabase(trainingService, 'bench_events');
  const consumer = await freshMysqlDatabase(performanceService, 'bench_events');
  await variant.prepare(consumer.dataSource);
  const bus = await NatsEventBus.connect(TEST_NATS_URL, undefined, { namespace });
  const spec = variant.spec();
  const durable = `performance-${spec.name}`;
  const relay = new OutboxRelay(producer.dataSource, bus, logger, RELAY_BATCH ? { batchSize: RELAY_BATCH } : {});
  const subscriptions = await startConsumers('performance', [spec], consumer.dataSource, bus, logger);
  relay.start();
  try {
    const committedAt = new Map<string, number>();
    const seenAt = new Map<string, number>();
    let polling = true;
    let written = 0;
    let publishedAt: number | undefined;
    const poller = (async () => {
      while (polling) {
        const rows: { eventId: string }[] = await consumer.dataSource.query(
          'SELECT eventId FROM processed_event WHERE consumer = ?',
          [durable],
        );
        const now = performance.now();
        for (const { eventId } of rows) if (!seenAt.has(eventId)) seenAt.set(eventId, now);
        if (written === EVENTS && publishedAt === undefined) {
          const [{ pending }]: { pending: number | string }[] = await producer.dataSource.query(
            'SELECT COUNT(*) AS pending FROM outbox_event WHERE publishedAt IS NULL',
          );
          if (Number(pending) === 0) publishedAt = performance.now();
        }
        if (seenAt.size >= EVENTS) return;
        await sleep(POLL_MS);
      }
    })();

    const started = performance.now();
    for (let i = 0; i < EVENTS; i += CHUNK) {
      const batch = Array.from({ length: Math.min(CHUNK, EVENTS - i) }, (_, k) => accreditation(i + k));
      const events = await runTransaction(producer.dataSource, (m) => writeEvents(m, batch));
      const now = performance.now();
      for (const e of events) committedAt.set(e.id, now);
      written += events.length;
      relay.nudge();
      if (RATE > 0) {
        const due = started + ((i + batch.length) / RATE) * 1000;
        if (due > performance.now()) await sleep(due - performance.now());
      }
    }
    const deadline = Date.now() + TIMEOUT_MS;
    while (seenAt.size < EVENTS && Date.now() < deadline) await sleep(POLL_MS);
    polling = false;
    await poller;
    if (seenAt.size < EVENTS) throw new Error(`only ${seenAt.size} of ${EVENTS} events applied in time`);

    const lags = [...committedAt].map(([id, t]) => seenAt.get(id)! - t).sort((a, b) => a - b);
    const first = Math.min(...committedAt.values());
    const last = Math.max(...seenAt.values());
    const lastCommit = Math.max(...committedAt.values());
    const seconds = (last - first) / 1000;
    const [counter]: (
      { numerator: number | string; denominator: number | string; facts: number | string } | undefined
    )[] = await consumer.dataSource.query(
      `SELECT numerator, denominator, facts FROM ${variant.counter} WHERE unitCode = ? AND year = ?`,
      [UNIT, YEAR],
    );
    const accredited = Array.from({ length: EVENTS }, (_, i) => i).filter((i) => i % 3 !== 0).length;
    if (Number(counter?.numerator) !== accredited || Number(counter?.denominator) !== EVENTS)
      throw new Error(`counter is ${JSON.stringify(counter)}, expected ${accredited}/${EVENTS}`);
    return {
      rate: EVENTS / seconds,
      seconds,
      lagP50: percentile(lags, 50) / 1000,
      lagP95: percentile(lags, 95) / 1000,
      lagMax: lags[lags.length - 1] / 1000,
      counter: `${counter?.numerator}/${counter?.denominator} (${counter?.facts} facts)`,
      writtenSeconds: (lastCommit - first) / 1000,
      publishedSeconds: ((publishedAt ?? NaN) - first) / 1000,
    };
  } finally {
    await relay.stop();
    for (const s of subscriptions) await s.stop();
    await bus.deleteNamespaceStreams().catch(() => undefined);
    await bus.close();
    await producer.drop();
    await consumer.drop();
  }
}

async function main(): Promise<void> {
  const namespace = `bench_${randomBytes(4).toString('hex')}`;
  const raw = await rawPublish(namespace);
  const mode = RATE > 0 ? `written at ${RATE} events/s` : 'written as fast as MariaDB takes them';
  const lines = [
    `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, NATS at ${TEST_NATS_URL}, load average ${loadavg()[0].toFixed(1)}`,
    `raw nats.js sync publish (await each ack): ${EVENTS} in ${(EVENTS / raw.sync).toFixed(2)} s = ${raw.sync.toFixed(0)} events/s`,
    `raw nats.js async publish (all in flight): ${EVENTS} in ${(EVENTS / raw.async).toFixed(2)} s = ${raw.async.toFixed(0)} events/s`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  for (const [name, variant] of Object.entries(variants)) {
    if (ONLY !== undefined && name !== ONLY) continue;
    const p = await pipeline(`${namespace}_${variant.counter}`, variant);
    process.stdout.write(
      [
        `pipeline outbox -> relay -> JetStream -> ${variant.label} (${EVENTS} events, transactions of ${CHUNK}, ${mode}): ${p.seconds.toFixed(2)} s = ${p.rate.toFixed(0)} events/s; lag p50 ${p.lagP50.toFixed(2)} s, p95 ${p.lagP95.toFixed(2)} s, max ${p.lagMax.toFixed(2)} s; counter ${p.counter}; all written after ${p.writtenSeconds.toFixed(2)} s, all published after ${p.publishedSeconds.toFixed(2)} s`,
        `  ratio to raw sync publish: ${(p.rate / raw.sync).toFixed(2)}x; to raw async publish: ${(p.rate / raw.async).toFixed(2)}x`,
      ].join('\n') + '\n',
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
