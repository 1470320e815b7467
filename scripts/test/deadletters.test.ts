import type { DomainEvent, NatsEventBus, Subscription } from '@kesos/infra';
import { accreditationDecidedV1, ConfigError, createLogger, ProcessedEventEntity, startConsumers } from '@kesos/infra';
import type { TestDatabase } from '@kesos/infra/testing';
import { freshMysqlDatabase, isolatedNatsBus, TEST_NATS_URL, until } from '@kesos/infra/testing';
import { performanceService } from '@kesos/performance';
import { randomUUID } from 'node:crypto';
import { accreditationConsumer } from '../../services/performance/src/realization/realization.consumer';
import { MetricCounterEntity } from '../../services/performance/src/realization/realization.entity';
import { deadLettersCommand, UsageError } from '../src/deadletters.command';

const DURABLE = 'performance-accreditation-decided';
const logger = createLogger('test', 'silent');

/**
 * The operator's tool against real NATS, with the performance service's accreditation consumer
 * on MariaDB: a payload breaking the contract and an event of a payload version the running
 * release does not know are dead-lettered, listed, and replayed after the release that knows
 * the version is deployed.
 */
describe('npm run deadletters -- list | replay', () => {
  let bus: NatsEventBus;
  let database: TestDatabase;
  let subscriptions: Subscription[] = [];
  const env = () => ({ NATS_URL: TEST_NATS_URL, NATS_NAMESPACE: bus.namespace });
  const run = (...argv: string[]) => deadLettersCommand(argv, env());
  const sk11 = () =>
    database.dataSource
      .getRepository(MetricCounterEntity)
      .findOneBy({ unitCode: 'BBPPKS-PADANG', year: 2022, metric: 'ACCREDITATION' });
  const publish = async (version: number, data: Record<string, unknown>): Promise<DomainEvent> => {
    const event: DomainEvent = {
      id: randomUUID(),
      type: 'training.accreditation.decided',
      unit: 'BBPPKS-PADANG',
      occurredAt: new Date().toISOString(),
      version,
      data,
    };
    await bus.publish(event);
    return event;
  };

  beforeAll(async () => {
    database = await freshMysqlDatabase(performanceService, 'deadletters');
    bus = await isolatedNatsBus('deadletters_cli');
  });
  afterAll(async () => {
    for (const s of subscriptions) await s.stop();
    await bus?.deleteNamespaceStreams();
    await bus?.close();
    await database?.drop();
  });

  it('lists what was dead-lettered and why, replays a letter once its fix is deployed, and keeps what still fails', async () => {
    subscriptions = await startConsumers('performance', [accreditationConsumer], database.dataSource, bus, logger);
    const decision = {
      assessmentId: 'DL-1',
      institutionId: 'LKS-1',
      year: 2022,
      result: 'B',
      accredited: true,
      date: '2022-05-02',
    };
    const malformed = await publish(1, { ...decision, assessmentId: 'DL-2', accredited: 'yes' });
    const newer = await publish(2, { ...decision, assessmentId: 'DL-3' });
    await publish(1, decision);
    await until('two letters', async () => (await run('list')).at(-1) === '2 dead letter(s)');
    await until('the good decision counted', async () => (await sk11())?.denominator === 1);

    const listed = await run('list', '--durable', DURABLE);
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatch(
      new RegExp(
        `^#\\d+ \\S+ ${DURABLE} training.accreditation.decided event ${malformed.id} permanent after 1 delivery: payload field accredited must be a boolean$`,
      ),
    );
    expect(listed[1]).toContain(
      `event ${newer.id} permanent after 1 delivery: ${DURABLE} does not understand training.accreditation.decided version 2`,
    );
    expect(await run('list', '--id', newer.id)).toHaveLength(2);
    expect(await run('list', '--durable', 'performance-other')).toEqual(['0 dead letter(s)']);

    // The release that reads version 2 goes out; the operator replays that letter.
    for (const s of subscriptions) await s.stop();
    subscriptions = await startConsumers(
      'performance',
      [{ ...accreditationConsumer, alsoReads: [{ ...accreditationDecidedV1, version: 2 }] }],
      database.dataSource,
      bus,
      logger,
    );
    const replayed = await run('replay', '--id', newer.id);
    expect(replayed).toEqual([expect.stringContaining(`replayed #`), '1 replayed, 0 skipped']);
    await until('the replayed decision counted', async () => (await sk11())?.denominator === 2);
    expect(await run('list')).toEqual([listed[0], '1 dead letter(s)']);

    // A replay of what is still malformed comes back as one new letter, never counted.
    expect((await run('replay', '--durable', DURABLE)).at(-1)).toBe('1 replayed, 0 skipped');
    await until('dead-lettered again', async () => (await run('list')).at(-1) === '1 dead letter(s)');
    const again = await run('list');
    expect(again[0]).toContain(
      `event ${malformed.id} permanent after 1 delivery: payload field accredited must be a boolean`,
    );
    expect(again[0]).not.toBe(listed[0]);
    expect(await sk11()).toMatchObject({ numerator: 2, denominator: 2, facts: 2 });
    expect(await database.dataSource.getRepository(ProcessedEventEntity).countBy({ consumer: DURABLE })).toBe(2);
  }, 60_000);

  it('says what is wrong with the command line or the configuration', async () => {
    await expect(deadLettersCommand(['purge'], env())).rejects.toBeInstanceOf(UsageError);
    await expect(deadLettersCommand(['list', '--durable'], env())).rejects.toBeInstanceOf(UsageError);
    await expect(deadLettersCommand(['list'], {})).rejects.toThrow(ConfigError);
    await expect(deadLettersCommand(['list'], { NATS_URL: TEST_NATS_URL, NATS_NAMESPACE: 'Bad-Name' })).rejects.toThrow(
      /NATS_NAMESPACE/,
    );
  });
});
