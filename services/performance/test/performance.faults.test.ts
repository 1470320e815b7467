import type { DomainEvent, RunningService } from '@kesos/infra';
import { createLogger, ProcessedEventEntity, startService } from '@kesos/infra';
import type { PrivateMariadb } from '@kesos/infra/testing';
import { freshMysqlDatabase, isolatedNatsBus, startPrivateMariadb, TEST_SECRETS, until } from '@kesos/infra/testing';
import { randomUUID } from 'node:crypto';
import { performanceService } from '../src';
import { MetricCounterEntity, MetricFactEntity } from '../src/realization/realization.entity';
import { PADANG } from './support';

const EVENTS = 400;
const ACCREDITED = 267;
const OUTAGE_MS = 15_000;
const DURABLE = 'performance-accreditation-decided';

/**
 * The probe that found events lost: the performance service's own MariaDB stopped for 15 s,
 * twice, while a burst of accreditation decisions arrives. Every decision must count exactly
 * once and none may end as a dead letter.
 */
describe('performance consumers survive their database going away (private mariadbd + NATS)', () => {
  let server: PrivateMariadb;
  let service: RunningService | undefined;
  let bus: Awaited<ReturnType<typeof isolatedNatsBus>>;

  beforeAll(async () => {
    server = await startPrivateMariadb();
    bus = await isolatedNatsBus('faults');
  }, 90_000);
  afterAll(async () => {
    await service?.stop().catch(() => undefined);
    await bus?.deleteNamespaceStreams().catch(() => undefined);
    await bus?.close().catch(() => undefined);
    await server?.remove();
  });

  it(`counts ${EVENTS} decisions exactly once across two ${OUTAGE_MS / 1000} s database outages, with no dead letter`, async () => {
    const database = await freshMysqlDatabase(performanceService, 'faults', server.url);
    service = await startService(performanceService, {
      database,
      bus,
      secrets: TEST_SECRETS,
      logger: createLogger('test', 'silent'),
      port: 0,
      host: '127.0.0.1',
      seed: true,
      relay: { intervalMs: 3_600_000 },
    });
    const dataSource = service.dataSource;
    const dead: DomainEvent[] = [];
    await bus.subscribe({
      durable: 'faults-dead-letters',
      subject: `deadletter.${DURABLE}`,
      maxDeliver: 1,
      handler: async (e) => void dead.push(e),
    });

    let published = 0;
    const publisher = (async () => {
      for (let i = 0; i < EVENTS; i++) {
        const data = {
          assessmentId: `F-${i}`,
          institutionId: `LKS-${i}`,
          year: 2022,
          result: i < ACCREDITED ? 'B' : 'NOT_ACCREDITED',
          accredited: i < ACCREDITED,
          date: '2022-06-01',
        };
        await bus.publish({
          id: randomUUID(),
          type: 'training.accreditation.decided',
          unit: PADANG,
          occurredAt: new Date().toISOString(),
          version: 1,
          data,
        });
        published++;
        // Paced so that the burst spans both outages: events keep arriving while the database is down.
        await new Promise((r) => setTimeout(r, 80));
      }
    })();
    const facts = () => dataSource.getRepository(MetricFactEntity).count();
    const outage = async (signal: 'SIGKILL' | 'SIGTERM') => {
      const before = published;
      await server.stop(signal);
      await new Promise((r) => setTimeout(r, OUTAGE_MS));
      expect(published - before).toBeGreaterThan(20);
      await server.start();
    };

    const started = Date.now();
    await until('first events counted', async () => (await facts()) >= 30, 30_000, 100);
    await outage('SIGKILL');
    const afterFirst = published;
    await until(
      'counting resumed after the first outage',
      async () => (await facts().catch(() => 0)) >= afterFirst - 5,
      45_000,
      100,
    );
    await outage('SIGTERM');
    await publisher;
    await until(
      'every decision counted or dead-lettered',
      async () => (await facts().catch(() => 0)) + dead.length >= EVENTS,
      60_000,
      100,
    );

    const counter = await dataSource
      .getRepository(MetricCounterEntity)
      .findOneByOrFail({ unitCode: PADANG, year: 2022, metric: 'ACCREDITATION' });
    expect(counter).toMatchObject({ numerator: ACCREDITED, denominator: EVENTS, facts: EVENTS });
    expect(await facts()).toBe(EVENTS);
    expect(await dataSource.getRepository(ProcessedEventEntity).countBy({ consumer: DURABLE })).toBe(EVENTS);
    expect(dead).toEqual([]);

    console.log(
      `fault test: ${EVENTS} events, 2 outages of ${OUTAGE_MS} ms, all counted ${Date.now() - started} ms after the burst began`,
    );
  }, 180_000);
});
