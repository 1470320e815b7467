import type { RunningService } from '@kesos/infra';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callers, callSubgraph, memorySqliteDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { randomUUID } from 'node:crypto';
import { performanceService } from '../src';
import { MetricCounterEntity } from '../src/realization/realization.entity';
import { recomputeCounters } from '../src/realization/realization.service';
import { PADANG } from './support';

/** The embedded mode's backends (SQLite, in-process bus) run the same consumers and queries. */
describe('performance subgraph in the embedded mode (SQLite + in-process bus)', () => {
  let running: RunningService;
  const bus = new MemoryEventBus();
  const publish = (type: string, data: unknown, id = randomUUID()) =>
    bus.publish({ id, type, unit: PADANG, occurredAt: new Date().toISOString(), version: 1, data });
  const call = (query: string) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are untyped JSON, read field by field
    callSubgraph<Record<string, any>>(
      running.url,
      query,
      {},
      { caller: callers.admin(), secret: TEST_SECRETS.internalSecret },
    );

  beforeAll(async () => {
    const database = await memorySqliteDatabase(performanceService);
    running = await startService(performanceService, {
      database,
      bus,
      secrets: TEST_SECRETS,
      logger: createLogger('test', 'silent'),
      port: 0,
      host: '127.0.0.1',
      seed: true,
    });
  });
  afterAll(async () => {
    await running?.stop();
    await bus.close();
  });

  it('counts events, ignores a repeated one, and recomputes to the same counters', async () => {
    for (let n = 1; n <= 10; n++)
      await publish('training.monitoring.assessed', {
        monitoringId: n,
        enrollmentId: n,
        year: 2022,
        hasLifeSkills: n <= 9,
      });
    const repeated = randomUUID();
    await publish(
      'training.atensi.case-closed',
      { caseId: 1, year: 2022, serviceType: 'RESPON_KASUS', peopleServed: 2, served: true },
      repeated,
    );
    await publish(
      'training.atensi.case-closed',
      { caseId: 1, year: 2022, serviceType: 'RESPON_KASUS', peopleServed: 2, served: true },
      repeated,
    );
    await publish('budget.performance.scored', {
      year: 2022,
      smartScore: 93.04,
      ikpaScore: 92.82,
      budgetPerformanceScore: 92.952,
    });
    await bus.drain();
    const res = await call(`{ _entities(representations: [{ __typename: "Unit", code: "${PADANG}" }]) { ... on Unit {
      performance(year: 2022) { goals { code achievement indicators { code realization achievement } } } satisfactionSurvey(year: 2022) { respondents index grade } } } }`);
    expect(res.errors).toBeUndefined();
    const unit = res.data!._entities[0];
    const indicators = Object.fromEntries(
      unit.performance.goals.flatMap(
        (g: { indicators: { code: string; realization: number; achievement: number }[] }) =>
          g.indicators.map((i) => [i.code, [i.realization, i.achievement]]),
      ),
    );
    expect(indicators['SK3.1']).toEqual([90, 120]);
    expect(indicators['SK4.1']).toEqual([100, 100]);
    expect(indicators['SK5.2']).toEqual([92.95, 123.93]);
    expect(indicators['SK6.1']).toEqual([91.6, 101.78]);
    expect(unit.satisfactionSurvey).toEqual({ respondents: 1508, index: 91.6, grade: 'A' });

    const repo = running.dataSource.getRepository(MetricCounterEntity);
    const incremental = await repo.find({ order: { metric: 'ASC' } });
    expect(incremental.find((c) => c.metric === 'ATENSI')).toMatchObject({ numerator: 1, denominator: 1, facts: 1 });
    await running.dataSource.transaction((m) => recomputeCounters(m, { unitCode: PADANG, year: 2022 }));
    expect(await repo.find({ order: { metric: 'ASC' } })).toEqual(incremental);
  });
});
