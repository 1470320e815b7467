import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import {
  applyOnce,
  assertTestDatabase,
  consumerOf,
  createDataSource,
  defineContract,
  Database,
  DomainEvent,
  ensureMysqlDatabase,
  field,
  NatsEventBus,
  OutboxEventEntity,
  OutboxRelay,
  ProcessedEventEntity,
  startConsumers,
  createLogger,
} from '../src';
import { dropTestDatabase, freePort, isolatedNatsBus, TEST_MYSQL_URL, testDatabaseName, until } from '../src/testing';

@Entity('test_counter')
class CounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  name!: string;

  @Column({ type: 'int' })
  value!: number;
}

const DATABASE = testDatabaseName('infra_outbox');
const logger = createLogger('test', 'silent');

async function mysql(): Promise<DataSource> {
  assertTestDatabase(DATABASE);
  await ensureMysqlDatabase(TEST_MYSQL_URL, DATABASE);
  const { dataSource } = createDataSource({
    target: { kind: 'mysql', url: TEST_MYSQL_URL, database: DATABASE },
    entities: [CounterEntity, OutboxEventEntity, ProcessedEventEntity],
  });
  await dataSource.initialize();
  // Infra has no migrations of its own; the test schema follows the entities.
  await dataSource.synchronize(true);
  return dataSource;
}

describe('outbox, relay and consumers against MariaDB and NATS JetStream', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await mysql();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(DATABASE);
  });

  it('publishes a committed event once, even when the relay publishes the row again', async () => {
    const bus = await isolatedNatsBus('relay');
    const received: DomainEvent[] = [];
    try {
      await bus.subscribe({
        durable: 'test-relay',
        subject: 'training.>',
        maxDeliver: 3,
        handler: async (e) => void received.push(e),
      });
      const relay = new OutboxRelay(dataSource, bus, logger);
      const db = new Database(dataSource);
      const event = await db.transaction(async (tx) => {
        await tx.manager.save(CounterEntity, { name: 'relay', value: 1 });
        return tx.emit({
          type: 'training.unit.registered',
          unit: 'BBPPKS-PADANG',
          data: { code: 'BBPPKS-PADANG', name: 'x' },
        });
      });
      expect(await relay.flush()).toBe(1);
      // A crash between publish and mark would leave the row pending: JetStream drops the repeat.
      await dataSource.getRepository(OutboxEventEntity).update({ eventId: event.id }, { publishedAt: null });
      expect(await relay.flush()).toBe(1);
      await until('the event received', () => received.length >= 1, 5000);
      await new Promise((r) => setTimeout(r, 300));
      expect(received.map((e) => e.id)).toEqual([event.id]);
      expect(await relay.pendingCount()).toBe(0);
    } finally {
      await bus.deleteNamespaceStreams();
      await bus.close();
    }
  });

  it('keeps nothing half-written: a failed transaction leaves no event', async () => {
    const db = new Database(dataSource);
    const before = await dataSource.getRepository(OutboxEventEntity).count();
    await expect(
      db.transaction(async (tx) => {
        await tx.emit({ type: 'training.unit.registered', unit: null, data: {} });
        throw new Error('validation failed after the event was written');
      }),
    ).rejects.toThrow('validation failed');
    expect(await dataSource.getRepository(OutboxEventEntity).count()).toBe(before);
  });

  it('answers a transaction that lost a race on a unique key as CONFLICT, with nothing written', async () => {
    const db = new Database(dataSource);
    await dataSource.getRepository(CounterEntity).save({ name: 'race', value: 1 });
    const before = await dataSource.getRepository(OutboxEventEntity).count();
    const attempt = db.transaction(async (tx) => {
      await tx.emit({ type: 'training.unit.registered', unit: null, data: {} });
      await tx.manager.insert(CounterEntity, { name: 'race', value: 2 });
    });
    await expect(attempt).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await dataSource.getRepository(OutboxEventEntity).count()).toBe(before);
    expect(await dataSource.getRepository(CounterEntity).findOneBy({ name: 'race' })).toEqual({
      name: 'race',
      value: 1,
    });
  });

  it('applies an event at most once and dead-letters a poison message after bounded retries', async () => {
    const bus = await isolatedNatsBus('consumer');
    try {
      await dataSource.getRepository(CounterEntity).save({ name: 'consumer', value: 0 });
      const subs = await startConsumers(
        'test',
        [
          consumerOf(
            defineContract('training.unit.registered', 1, { poison: field.flag().added() }),
            'count',
            async (e, m) => {
              if (e.data.poison) throw new Error('cannot handle this payload');
              await m.increment(CounterEntity, { name: 'consumer' }, 'value', 1);
            },
          ),
        ],
        dataSource,
        bus,
        logger,
        2,
      );
      const deadLetters: DomainEvent[] = [];
      await bus.subscribe({
        durable: 'test-dlq-reader',
        subject: 'deadletter.test-count',
        maxDeliver: 1,
        handler: async (e) => void deadLetters.push(e),
      });
      const good: DomainEvent = {
        id: '00000000-0000-4000-8000-000000000001',
        type: 'training.unit.registered',
        unit: 'BBPPKS-PADANG',
        occurredAt: new Date().toISOString(),
        version: 1,
        data: {},
      };
      await bus.publish(good);
      await bus.publish(good);
      await bus.publish({ ...good, id: '00000000-0000-4000-8000-000000000002', data: { poison: true } });
      await until('the dead letter', () => deadLetters.length === 1, 10000);
      expect(deadLetters[0].id).toBe('00000000-0000-4000-8000-000000000002');
      // Redelivery of an applied event (as after a lost ack) changes nothing.
      expect(
        await applyOnce(dataSource, 'test-count', good, async (m) => {
          await m.increment(CounterEntity, { name: 'consumer' }, 'value', 1);
        }),
      ).toBe(false);
      expect((await dataSource.getRepository(CounterEntity).findOneByOrFail({ name: 'consumer' })).value).toBe(1);
      for (const s of subs) await s.stop();
    } finally {
      await bus.deleteNamespaceStreams();
      await bus.close();
    }
  });

  it('loses nothing while NATS is down: the write succeeds and the event arrives once after NATS returns', async () => {
    const port = await freePort();
    const store = mkdtempSync(join(tmpdir(), 'kesos-nats-'));
    const startNats = (): Promise<ChildProcess> =>
      new Promise((resolve, reject) => {
        const child = spawn('/usr/sbin/nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', store], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        child.stderr.on('data', (d: Buffer) => d.toString().includes('Server is ready') && resolve(child));
        child.once('exit', (code) => reject(new Error(`nats-server exited with ${code}`)));
      });
    let server = await startNats();
    const bus = await NatsEventBus.connect(`nats://127.0.0.1:${port}`, logger, { namespace: 'outage' });
    const received: DomainEvent[] = [];
    try {
      await bus.subscribe({
        durable: 'test-outage',
        subject: 'training.>',
        maxDeliver: 3,
        handler: async (e) => void received.push(e),
      });
      const relay = new OutboxRelay(dataSource, bus, logger);
      await relay.flush();
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));

      const db = new Database(dataSource);
      const event = await db.transaction(async (tx) => {
        await tx.manager.save(CounterEntity, { name: 'outage', value: 1 });
        return tx.emit({
          type: 'training.unit.registered',
          unit: 'BBPPKS-PADANG',
          data: { code: 'X', name: 'during outage' },
        });
      });
      expect(await dataSource.getRepository(CounterEntity).findOneByOrFail({ name: 'outage' })).toMatchObject({
        value: 1,
      });
      expect(await relay.flush()).toBe(0);
      const row = await dataSource.getRepository(OutboxEventEntity).findOneByOrFail({ eventId: event.id });
      expect(row.publishedAt).toBeNull();
      expect(row.attempts).toBeGreaterThan(0);

      server = await startNats();
      await until(
        'the row published after the outage',
        async () => (await relay.flush().catch(() => 0)) === 1 || (await relay.pendingCount()) === 0,
        15000,
      );
      await until('the event received', () => received.some((e) => e.id === event.id), 10000);
      await new Promise((r) => setTimeout(r, 300));
      expect(received.filter((e) => e.id === event.id)).toHaveLength(1);
    } finally {
      await bus.close().catch(() => undefined);
      server.kill('SIGKILL');
      rmSync(store, { recursive: true, force: true });
    }
  }, 60000);
});
