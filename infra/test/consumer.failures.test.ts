import pino from 'pino';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import {
  assertTestDatabase,
  classifyConsumerFailure,
  ConflictError,
  ConsumerSpec,
  createDataSource,
  defineContract,
  DomainEvent,
  ensureMysqlDatabase,
  EventBus,
  EventContractError,
  field,
  MemoryEventBus,
  NatsEventBus,
  ProcessedEventEntity,
  startConsumers,
  Subscription,
} from '../src';
import { dropTestDatabase, isolatedNatsBus, TEST_MYSQL_URL, testDatabaseName, until } from '../src/testing';

@Entity('test_failure_counter')
class CounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'int' })
  value!: number;
}

const DATABASE = testDatabaseName('infra_failures');
/** Debug lines of the consumers, to see a duplicate skipped (the handler is not called for it). */
const lines: { durable?: string; event?: string; applied?: boolean }[] = [];
const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
const MAX_DELIVER = 2;

/** A contract of this test's own: `kind` tells the handler how to fail. */
const testContract = defineContract('training.unit.registered', 1, { kind: field.text() });
const event = (id: string, data: Record<string, unknown>): DomainEvent => ({
  id,
  type: 'training.unit.registered',
  unit: 'BBPPKS-PADANG',
  occurredAt: new Date().toISOString(),
  version: 1,
  data,
});
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });

let dataSource: DataSource;
beforeAll(async () => {
  assertTestDatabase(DATABASE);
  await ensureMysqlDatabase(TEST_MYSQL_URL, DATABASE);
  dataSource = createDataSource({
    target: { kind: 'mysql', url: TEST_MYSQL_URL, database: DATABASE },
    entities: [CounterEntity, ProcessedEventEntity],
  }).dataSource;
  await dataSource.initialize();
  // Infra has no migrations of its own; the test schema follows the entities.
  await dataSource.synchronize(true);
});
afterAll(async () => {
  await dataSource?.destroy();
  await dropTestDatabase(DATABASE);
});

/**
 * The same scenario on both buses: a consumer that meets an outage (longer than its delivery
 * budget), a payload breaking its contract, and an unexpected failure; then the operator
 * replays the dead letters once the consumer is fixed.
 */
describe.each([
  ['memory', async (): Promise<EventBus> => new MemoryEventBus(logger, 20)],
  ['NATS JetStream', async (): Promise<EventBus> => isolatedNatsBus('failures')],
])('consumer failures on the %s bus', (label, makeBus) => {
  let bus: EventBus;
  const calls = new Map<string, number>();
  let fixed = false;
  const counter = (name: string) =>
    dataSource
      .getRepository(CounterEntity)
      .findOneBy({ name })
      .then((c) => c?.value ?? 0);
  const prefix = label.startsWith('memory') ? 'mem' : 'nats';
  const count =
    (name: string): ConsumerSpec<{ kind: string }>['handle'] =>
    async (e, m) => {
      const { kind } = e.data;
      const n = (calls.get(`${name}:${e.id}`) ?? 0) + 1;
      calls.set(`${name}:${e.id}`, n);
      if (name === 'count' && !fixed) {
        // Five refused connections: more than the delivery budget (2) the old consumers had.
        if (kind === 'outage' && n <= 5) throw refused;
        if (kind === 'contract') throw new EventContractError('payload field code is missing');
        if (kind === 'bug') throw new Error('cannot read properties of undefined');
      }
      await m.query(
        'INSERT INTO test_failure_counter (name, value) VALUES (?, 1) ON DUPLICATE KEY UPDATE value = value + 1',
        [`${prefix}-${name}`],
      );
    };
  const specs: ConsumerSpec[] = [
    { name: 'count', contract: testContract, handle: count('count') },
    { name: 'other', contract: testContract, handle: count('other') },
  ];
  let subscriptions: Subscription[] = [];

  beforeAll(async () => {
    bus = await makeBus();
    subscriptions = await startConsumers(prefix, specs, dataSource, bus, logger, MAX_DELIVER);
  });
  afterAll(async () => {
    for (const s of subscriptions) await s.stop();
    if (bus instanceof NatsEventBus) await bus.deleteNamespaceStreams();
    await bus?.close();
  });

  it('retries an outage in place until it passes, dead-letters a contract failure at once and an unexpected one after maxDeliver', async () => {
    await bus.publish(event(`${prefix}-outage`, { kind: 'outage' }));
    await bus.publish(event(`${prefix}-contract`, { kind: 'contract' }));
    await bus.publish(event(`${prefix}-bug`, { kind: 'bug' }));
    await until(
      'all three handled by both consumers',
      async () =>
        (await counter(`${prefix}-other`)) === 3 &&
        (await bus.listDeadLetters()).length === 2 &&
        (await counter(`${prefix}-count`)) === 1,
    );

    expect(calls.get(`count:${prefix}-outage`)).toBe(6);
    expect(calls.get(`count:${prefix}-contract`)).toBe(1);
    expect(calls.get(`count:${prefix}-bug`)).toBe(MAX_DELIVER);
    const letters = await bus.listDeadLetters({ durable: `${prefix}-count` });
    expect(
      letters.map(({ durable, subject, eventId, failure, deliveries, error }) => ({
        durable,
        subject,
        eventId,
        failure,
        deliveries,
        error,
      })),
    ).toEqual([
      {
        durable: `${prefix}-count`,
        subject: 'training.unit.registered',
        eventId: `${prefix}-contract`,
        failure: 'permanent',
        deliveries: 1,
        error: 'payload field code is missing',
      },
      {
        durable: `${prefix}-count`,
        subject: 'training.unit.registered',
        eventId: `${prefix}-bug`,
        failure: 'unexpected',
        deliveries: MAX_DELIVER,
        error: 'cannot read properties of undefined',
      },
    ]);
    expect(await bus.listDeadLetters({ durable: `${prefix}-other` })).toEqual([]);
  });

  it('replays dead letters once fixed: each applied once, and the consumer that had applied them skips them', async () => {
    fixed = true;
    const one = await bus.replayDeadLetters({ eventId: `${prefix}-bug` });
    expect(one.replayed.map((l) => l.eventId)).toEqual([`${prefix}-bug`]);
    await until('the replayed event applied', async () => (await counter(`${prefix}-count`)) === 2);
    expect((await bus.listDeadLetters()).map((l) => l.eventId)).toEqual([`${prefix}-contract`]);

    const rest = await bus.replayDeadLetters({ durable: `${prefix}-count` });
    expect(rest.replayed.map((l) => l.eventId)).toEqual([`${prefix}-contract`]);
    await until('the second replayed event applied', async () => (await counter(`${prefix}-count`)) === 3);
    expect(await bus.replayDeadLetters()).toEqual({ replayed: [], skipped: [] });
    // The other consumer saw both events again and applied neither twice.
    const skipped = (id: string) =>
      lines.some((l) => l.durable === `${prefix}-other` && l.event === id && l.applied === false);
    await until('the other consumer saw the replays', () => skipped(`${prefix}-bug`) && skipped(`${prefix}-contract`));
    expect(calls.get(`other:${prefix}-bug`)).toBe(1);
    expect(await counter(`${prefix}-other`)).toBe(3);
    expect(await counter(`${prefix}-count`)).toBe(3);
    expect(await dataSource.getRepository(ProcessedEventEntity).countBy({ consumer: `${prefix}-count` })).toBe(3);
  });

  it('stops promptly while retrying an outage, and the event is applied once after the restart', async () => {
    fixed = false;
    await bus.publish(event(`${prefix}-stopped`, { kind: 'outage' }));
    await until('the outage met', () => (calls.get(`count:${prefix}-stopped`) ?? 0) >= 2);
    const started = Date.now();
    for (const s of subscriptions) await s.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    fixed = true;
    subscriptions = await startConsumers(prefix, specs, dataSource, bus, logger, MAX_DELIVER);
    await until('applied after the restart', async () => (await counter(`${prefix}-count`)) === 4);
    expect(await bus.listDeadLetters()).toEqual([]);
  });

  it('dead-letters a payload breaking the contract for every consumer alike, naming the field, without calling a handler', async () => {
    const bad = `${prefix}-mistyped`;
    await bus.publish(event(bad, { kind: 7 }));
    await bus.publish({ ...event(`${prefix}-no-unit`, { kind: 'ok' }), unit: null });
    await until('both refused by both consumers', async () => (await bus.listDeadLetters()).length === 4);
    const letters = (await bus.listDeadLetters()).map(({ durable, eventId, failure, deliveries, error }) => ({
      durable,
      eventId,
      failure,
      deliveries,
      error,
    }));
    for (const durable of [`${prefix}-count`, `${prefix}-other`]) {
      expect(letters).toContainEqual({
        durable,
        eventId: bad,
        failure: 'permanent',
        deliveries: 1,
        error: 'payload field kind must be a non-empty string',
      });
      expect(letters).toContainEqual({
        durable,
        eventId: `${prefix}-no-unit`,
        failure: 'permanent',
        deliveries: 1,
        error: `training.unit.registered ${prefix}-no-unit names no unit`,
      });
    }
    expect([...calls.keys()].filter((k) => k.endsWith(bad) || k.endsWith('-no-unit'))).toEqual([]);
    expect(await dataSource.getRepository(ProcessedEventEntity).countBy({ eventId: bad })).toBe(0);
  });
});

describe('classifying consumer failures', () => {
  it('knows outages, lost races and contract failures by type and code, and asks the database about the rest', async () => {
    expect(await classifyConsumerFailure(new EventContractError('bad'), dataSource)).toBe('permanent');
    expect(await classifyConsumerFailure(new ConflictError('race'), dataSource)).toBe('contention');
    expect(
      await classifyConsumerFailure(
        Object.assign(new Error('query failed'), { driverError: { code: 'ER_LOCK_DEADLOCK' } }),
        dataSource,
      ),
    ).toBe('contention');
    expect(
      await classifyConsumerFailure(Object.assign(new Error('query failed'), { driverError: refused }), dataSource),
    ).toBe('outage');
    expect(await classifyConsumerFailure(Object.assign(new Error('closed'), { fatal: true }), dataSource)).toBe(
      'outage',
    );
    expect(
      await classifyConsumerFailure(new Error("Can't add new command when connection is in closed state"), dataSource),
    ).toBe('unexpected');
    const unreachable = createDataSource({
      target: { kind: 'mysql', url: 'mysql://root@127.0.0.1:1', database: DATABASE },
      entities: [],
    }).dataSource;
    // Never initialised (the database was down at start) or gone: no answer means infrastructure.
    expect(
      await classifyConsumerFailure(new Error("Can't add new command when connection is in closed state"), unreachable),
    ).toBe('outage');
  });
});
