import pino from 'pino';
import { Column, DataSource, Entity, EntityManager, PrimaryColumn } from 'typeorm';
import {
  assertTestDatabase,
  consumerOf,
  createDataSource,
  defineContract,
  DomainEvent,
  ensureMysqlDatabase,
  EventBus,
  field,
  MemoryEventBus,
  NatsEventBus,
  OutboxEventEntity,
  OutboxRelay,
  ProcessedEventEntity,
  runTransaction,
  startConsumers,
  writeEvents,
} from '../src';
import { dropTestDatabase, isolatedNatsBus, TEST_MYSQL_URL, testDatabaseName, until } from '../src/testing';

@Entity('test_batch_counter')
class CounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'int' })
  value!: number;
}

const DATABASE = testDatabaseName('infra_outbox_batch');
const logger = pino({ level: 'silent' });
const contract = defineContract('training.unit.registered', 1, { key: field.text(), poison: field.flag().added() });

/** A data source on the test database whose statements are recorded, to count them. */
async function recorded(): Promise<{ dataSource: DataSource; statements: string[] }> {
  const { dataSource, queries } = createDataSource({
    target: { kind: 'mysql', url: TEST_MYSQL_URL, database: DATABASE },
    entities: [CounterEntity, OutboxEventEntity, ProcessedEventEntity],
  });
  const statements: string[] = [];
  // TypeORM passes each statement to its logger; the counter only counts them, so this one keeps them.
  Object.assign(queries, { logQuery: (query: string) => void statements.push(query) });
  await dataSource.initialize();
  return { dataSource, statements };
}

const events = (n: number, data: (i: number) => Record<string, unknown>) =>
  Array.from({ length: n }, (_, i) => ({ type: 'training.unit.registered', unit: 'BBPPKS-PADANG', data: data(i) }));

let setup: DataSource;
beforeAll(async () => {
  assertTestDatabase(DATABASE);
  await ensureMysqlDatabase(TEST_MYSQL_URL, DATABASE);
  setup = createDataSource({
    target: { kind: 'mysql', url: TEST_MYSQL_URL, database: DATABASE },
    entities: [CounterEntity, OutboxEventEntity, ProcessedEventEntity],
  }).dataSource;
  await setup.initialize();
  // Infra has no migrations of its own; the test schema follows the entities.
  await setup.synchronize(true);
});
afterAll(async () => {
  await setup?.destroy();
  await dropTestDatabase(DATABASE);
});
beforeEach(async () => {
  await setup.getRepository(OutboxEventEntity).clear();
  await setup.getRepository(ProcessedEventEntity).clear();
  await setup.getRepository(CounterEntity).clear();
});

const counters = async () =>
  Object.fromEntries((await setup.getRepository(CounterEntity).find()).map((c) => [c.name, c.value]));

describe('batched event pipeline against MariaDB and NATS JetStream', () => {
  it('carries a burst from the outbox to exact counters: the relay marks each batch with one UPDATE, the consumer commits batches', async () => {
    const bus = await isolatedNatsBus('batch');
    const relaySide = await recorded();
    const consumerSide = await recorded();
    const burst = 1_000;
    try {
      const subs = await startConsumers(
        'test',
        [
          consumerOf(contract, 'count', async (e, m) => {
            await m.query(
              'INSERT INTO test_batch_counter (name, value) VALUES (?, 1) ON DUPLICATE KEY UPDATE value = value + 1',
              [e.data.key],
            );
          }),
        ],
        consumerSide.dataSource,
        bus,
        logger,
      );
      await runTransaction(setup, (m) =>
        writeEvents(
          m,
          events(burst, (i) => ({ key: `k${i % 3}` })),
        ),
      );
      const relay = new OutboxRelay(relaySide.dataSource, bus, logger, { batchSize: 200 });
      consumerSide.statements.length = 0;
      expect(await relay.flush()).toBe(burst);

      const marks = relaySide.statements.filter((s) => /^UPDATE\b.*outbox_event/is.test(s));
      expect(marks).toHaveLength(burst / 200);
      expect(await relay.pendingCount()).toBe(0);
      const rows = await setup.getRepository(OutboxEventEntity).find();
      expect(rows.every((r) => r.publishedAt !== null && r.attempts === 1 && r.lastError === null)).toBe(true);

      await until('the burst applied', async () => (await setup.getRepository(ProcessedEventEntity).count()) === burst);
      expect(await counters()).toEqual({ k0: 334, k1: 333, k2: 333 });
      // One transaction per event before; now one per batch the consumer had at hand.
      const commits = consumerSide.statements.filter((s) => /^COMMIT/i.test(s)).length;
      expect(commits).toBeGreaterThan(0);
      expect(commits).toBeLessThan(burst / 4);

      // Published again (a crash before the mark): JetStream drops the repeats, nothing counts twice.
      await setup.getRepository(OutboxEventEntity).createQueryBuilder().update().set({ publishedAt: null }).execute();
      expect(await relay.flush()).toBe(burst);
      // Each publish was acked once stored or dropped: a stored repeat would now be in the backlog.
      await until('the consumer has nothing pending', async () => (await bus.backlog()) === 0);
      expect(await counters()).toEqual({ k0: 334, k1: 333, k2: 333 });
      for (const s of subs) await s.stop();
    } finally {
      await relaySide.dataSource.destroy();
      await consumerSide.dataSource.destroy();
      if (bus instanceof NatsEventBus) await bus.deleteNamespaceStreams();
      await bus.close();
    }
  }, 60_000);

  it('marks only the acked rows of a batch whose publishes partly fail; the rest are published on a later pass', async () => {
    const inner = new MemoryEventBus(logger);
    const failing = new Set<string>();
    const bus: EventBus = Object.assign(Object.create(inner) as EventBus, {
      publish: async (e: DomainEvent) => {
        if (failing.has(e.id)) throw new Error('nats: timeout');
        return inner.publish(e);
      },
    });
    const received: string[] = [];
    await inner.subscribe({
      durable: 'test-received',
      subject: 'training.>',
      maxDeliver: 1,
      handler: async (e) => void received.push(e.id),
    });
    const written = await runTransaction(setup, (m) =>
      writeEvents(
        m,
        events(10, (i) => ({ key: `p${i}` })),
      ),
    );
    failing.add(written[2].id).add(written[7].id);
    const relay = new OutboxRelay(setup, bus, logger, { batchSize: 50 });
    expect(await relay.flush()).toBe(8);
    const pending = await setup.getRepository(OutboxEventEntity).find({ where: {}, order: { seq: 'ASC' } });
    expect(pending.filter((r) => r.publishedAt === null).map((r) => r.eventId)).toEqual([written[2].id, written[7].id]);
    expect(pending.filter((r) => r.publishedAt === null).map((r) => [r.attempts, r.lastError])).toEqual([
      [1, 'nats: timeout'],
      [1, 'nats: timeout'],
    ]);
    failing.clear();
    expect(await relay.flush()).toBe(2);
    await inner.drain();
    // Each once; the two that failed arrive after the rest of their batch.
    expect([...received].sort()).toEqual(written.map((e) => e.id).sort());
    expect(received.slice(-2)).toEqual([written[2].id, written[7].id]);
  });

  it('lets a consumer apply a batch set-based (one counter update per key), skipping events applied before', async () => {
    const bus = new MemoryEventBus(logger, 10);
    const batches: number[] = [];
    const upsert = (m: EntityManager, name: string, n: number) =>
      m.query(
        'INSERT INTO test_batch_counter (name, value) VALUES (?, ?) ON DUPLICATE KEY UPDATE value = value + VALUES(value)',
        [name, n],
      );
    const subs = await startConsumers(
      'test',
      [
        consumerOf(
          contract,
          'sums',
          (e, m) => upsert(m, e.data.key, 1),
          async (events, m) => {
            batches.push(events.length);
            const sums = new Map<string, number>();
            for (const e of events) sums.set(e.data.key, (sums.get(e.data.key) ?? 0) + 1);
            for (const [key, n] of sums) await upsert(m, key, n);
          },
        ),
      ],
      setup,
      bus,
      logger,
    );
    const burst: DomainEvent[] = Array.from({ length: 60 }, (_, i) => ({
      id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
      type: 'training.unit.registered',
      unit: 'BBPPKS-PADANG',
      occurredAt: new Date().toISOString(),
      version: 1,
      data: { key: `s${i % 2}` },
    }));
    await Promise.all(burst.map((e) => bus.publish(e)));
    await bus.drain();
    expect(await counters()).toEqual({ s0: 30, s1: 30 });
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.reduce((a, n) => a + n, 0)).toBeLessThan(60);
    // The same durable subscribed again receives the retained events once more: all are skipped.
    for (const s of subs) await s.stop();
    const again = await startConsumers(
      'test',
      [
        consumerOf(
          contract,
          'sums',
          async () => undefined,
          async (events, m) => {
            for (const e of events) await upsert(m, e.data.key, 100);
          },
        ),
      ],
      setup,
      bus,
      logger,
    );
    await bus.drain();
    expect(await counters()).toEqual({ s0: 30, s1: 30 });
    for (const s of again) await s.stop();
  });

  it.each([
    ['memory', async (): Promise<EventBus> => new MemoryEventBus(logger, 10)],
    ['NATS JetStream', async (): Promise<EventBus> => isolatedNatsBus('poison')],
  ])(
    'on the %s bus, a failing event rolls its batch back; the others still apply once and it alone is dead-lettered',
    async (_label, makeBus) => {
      const bus = await makeBus();
      const calls = new Map<string, number>();
      try {
        const subs = await startConsumers(
          'test',
          [
            consumerOf(contract, 'poison', async (e, m) => {
              calls.set(e.data.key, (calls.get(e.data.key) ?? 0) + 1);
              if (e.data.poison) throw new Error('cannot read properties of undefined');
              await m.query(
                'INSERT INTO test_batch_counter (name, value) VALUES (?, 1) ON DUPLICATE KEY UPDATE value = value + 1',
                ['applied'],
              );
            }),
          ],
          setup,
          bus,
          logger,
          2,
        );
        const burst: DomainEvent[] = Array.from({ length: 40 }, (_, i) => ({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          type: 'training.unit.registered',
          unit: 'BBPPKS-PADANG',
          occurredAt: new Date().toISOString(),
          version: 1,
          data: { key: `e${i}`, poison: i === 25 },
        }));
        await Promise.all(burst.map((e) => bus.publish(e)));
        await until('the poison dead-lettered', async () => (await bus.listDeadLetters()).length === 1, 20_000);
        await until('the others applied', async () => (await counters()).applied === 39, 10_000);
        // Nothing more is applied once the bus holds nothing unacknowledged.
        if (bus instanceof NatsEventBus)
          await until('the consumer has nothing pending', async () => (await bus.backlog()) === 0, 10_000);
        else await (bus as MemoryEventBus).drain();
        expect(await counters()).toEqual({ applied: 39 });
        expect(await setup.getRepository(ProcessedEventEntity).count()).toBe(39);
        const [letter] = await bus.listDeadLetters();
        expect(letter).toMatchObject({ eventId: burst[25].id, failure: 'unexpected', deliveries: 2 });
        // The batch's failure counts as the poison's first delivery: its handler ran once per delivery.
        expect(calls.get('e25')).toBe(2);
        for (const s of subs) await s.stop();
      } finally {
        if (bus instanceof NatsEventBus) await bus.deleteNamespaceStreams();
        await bus.close();
      }
    },
    40_000,
  );
});
