import type { DomainEvent } from '@kesos/infra';
import {
  createLogger,
  NatsEventBus,
  Provenance,
  runTransaction,
  startConsumers,
  type Subscription,
} from '@kesos/infra';
import { TEST_NATS_URL } from '@kesos/infra/testing';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { performanceService } from '../src';
import {
  MetricCounterEntity,
  MetricFactEntity,
  MetricQuarterCounterEntity,
} from '../src/realization/realization.entity';
import { type NewFact, recomputeCounters, recordFacts } from '../src/realization/realization.service';
import type { TestService } from './support';
import { PADANG, registerUnits, startTestService, UNITS } from './support';

const UNIT_2 = 'BBPPKS-BANDUNG';
const day = (year: number, n: number) => `${year}-${String(1 + (n % 12)).padStart(2, '0')}-15`;

/**
 * A burst touching the same counters from every side: first facts, corrections of them (another
 * outcome, another quarter, another year or unit), candidates re-assessed (a competent one stays
 * so), the two SK2.2 consumers moving one counter, a score replaced by later scores.
 */
function burst(): { type: string; unit: string; data: Record<string, unknown> }[] {
  const events: { type: string; unit: string; data: Record<string, unknown> }[] = [];
  for (let n = 0; n < 160; n++)
    events.push({
      type: 'training.accreditation.decided',
      unit: n % 5 === 0 ? UNIT_2 : PADANG,
      data: {
        assessmentId: `B-${n % 100}`,
        institutionId: `LKS-${n}`,
        year: n % 7 === 0 ? 2026 : 2025,
        result: n % 3 ? 'B' : 'NOT_ACCREDITED',
        accredited: n % 3 !== 0,
        ...(n % 11 === 0 ? {} : { date: day(n % 13 === 0 ? 2026 : 2025, n) }),
      },
    });
  for (let n = 0; n < 120; n++)
    events.push({
      type: 'training.certification.assessed',
      unit: PADANG,
      data: {
        assessmentId: `CA-${n}`,
        candidateId: `CAND-${n % 40}`,
        year: 2025,
        competent: n % 4 === 1,
        date: day(2025, n),
      },
    });
  for (let n = 0; n < 80; n++)
    events.push({
      type: 'training.enrollment.graduated',
      unit: PADANG,
      data: {
        enrollmentId: `E-${n % 60}`,
        classId: `K-${n % 6}`,
        programmeCode: 'PPPS',
        participantCategory: 'FACILITATOR',
        year: 2025,
        predicate: 'GOOD',
        budgetOutputCode: null,
        indicatorCode: n % 9 === 0 ? null : 'SK2.2',
        date: day(2025, n),
      },
    });
  for (let n = 0; n < 12; n++)
    events.push({
      type: 'training.class.closed',
      unit: PADANG,
      data: {
        classId: `K-${n % 6}`,
        programmeCode: 'PPPS',
        year: 2025,
        targetParticipants: 10 + n,
        participants: 10,
        graduates: 10,
        indicatorCode: 'SK2.2',
        date: day(2025, n * 2),
      },
    });
  for (let n = 0; n < 10; n++)
    events.push({
      type: 'budget.performance.scored',
      unit: PADANG,
      data: { year: 2025, smartScore: 90 + n / 10, ikpaScore: 90, budgetPerformanceScore: 90 + n / 10 },
    });
  return events;
}

describe('yearly and quarterly counters stay exact under a burst (MariaDB + NATS, two consumer replicas)', () => {
  let s: TestService;
  let replica: NatsEventBus;
  let replicaSubscriptions: Subscription[] = [];
  let nc: NatsConnection;

  beforeAll(async () => {
    s = await startTestService('counters');
    await registerUnits(s);
    // A second replica of every consumer on the same database and durables, as a second process would run.
    replica = await NatsEventBus.connect(TEST_NATS_URL, undefined, { namespace: s.bus.namespace });
    replicaSubscriptions = await startConsumers(
      'performance',
      performanceService.consumers,
      s.database.dataSource,
      replica,
      createLogger('test', 'silent'),
    );
    nc = await connect({ servers: TEST_NATS_URL });
  });
  afterAll(async () => {
    for (const sub of replicaSubscriptions) await sub.stop();
    await replica?.close();
    await nc?.drain();
    await s?.stop();
  });

  const processed = async () =>
    Number(
      (
        await s.database.dataSource.query<{ n: number | string }[]>(
          "SELECT COUNT(*) AS n FROM processed_event WHERE consumer <> 'performance-unit-registered'",
        )
      )[0].n,
    );
  const snapshot = async () => ({
    yearly: await s.database.dataSource
      .getRepository(MetricCounterEntity)
      .find({ order: { unitCode: 'ASC', year: 'ASC', metric: 'ASC' } }),
    quarterly: await s.database.dataSource
      .getRepository(MetricQuarterCounterEntity)
      .find({ order: { unitCode: 'ASC', year: 'ASC', metric: 'ASC', quarter: 'ASC' } }),
  });

  it('applies a batch in as many statements as one event: one locking read, one insert, one update per counter', async () => {
    const ds = s.database.dataSource;
    // Counted while no consumer is at work: the units registered before, nothing else published yet.
    await s.until(async () => (await ds.query<unknown[]>('SELECT code FROM known_unit')).length === UNITS.length);
    const fact = (n: number, accredited = true): NewFact => ({
      metric: 'ACCREDITATION',
      sourceId: `batch:${n}`,
      unitCode: PADANG,
      year: 2027,
      quarter: 2,
      numerator: accredited ? 1 : 0,
      denominator: 1,
      value: null,
      eventId: randomUUID(),
      eventType: 'training.accreditation.decided',
      occurredAt: new Date(),
      provenance: Provenance.OPERATIONAL,
    });
    const statements = async (facts: NewFact[]) =>
      (await s.running.queries.measure(() => runTransaction(ds, (m) => recordFacts(m, facts)))).queries;
    await statements([fact(0)]);
    const one = await statements([fact(1)]);
    const hundred = await statements(Array.from({ length: 100 }, (_, i) => fact(2 + i)));
    expect(hundred).toBe(one);
    // Replacing facts adds the one upsert of the replaced rows, whatever their number.
    const mixed = await statements([
      ...Array.from({ length: 50 }, (_, i) => fact(2 + i, false)),
      ...Array.from({ length: 50 }, (_, i) => fact(200 + i)),
    ]);
    expect(mixed).toBe(one + 1);
    const counter = await ds.getRepository(MetricCounterEntity).findOneByOrFail({ unitCode: PADANG, year: 2027 });
    expect([counter.numerator, counter.denominator, counter.facts]).toEqual([102 - 50 + 50, 152, 152]);
    const quarter = await ds
      .getRepository(MetricQuarterCounterEntity)
      .findOneByOrFail({ unitCode: PADANG, year: 2027, quarter: 2 });
    expect([quarter.numerator, quarter.denominator, quarter.facts]).toEqual([102, 152, 152]);
  });

  it('equal a recomputation from the facts after concurrent, redelivered and replacing events', async () => {
    const factsBefore = await s.database.dataSource.getRepository(MetricFactEntity).count();
    const events: DomainEvent[] = burst().map((e) => ({
      id: randomUUID(),
      type: e.type,
      unit: e.unit,
      occurredAt: new Date().toISOString(),
      version: 1,
      data: e.data,
    }));
    const js = jetstream(nc);
    // Every fourth event is delivered twice: published again under another message id, so
    // JetStream's de-duplication does not drop it and a consumer must recognise it by its event id.
    const redelivered = events.filter((_, i) => i % 4 === 0);
    const wire = [...events, ...redelivered];
    for (let i = 0; i < wire.length; i += 50)
      await Promise.all(
        wire
          .slice(i, i + 50)
          .map((e) => js.publish(`${s.bus.namespace}.${e.type}`, JSON.stringify(e), { msgID: randomUUID() })),
      );
    // Every event leaves one processed-event row, counted or not (an SK2.2 graduation without the tag is not).
    await s.until(async () => (await processed()) === events.length, 120_000);
    const incremental = await snapshot();
    const facts = await s.database.dataSource.getRepository(MetricFactEntity).count();
    const records = new Set(
      burst()
        .filter((e) => e.type !== 'training.enrollment.graduated' || e.data.indicatorCode === 'SK2.2')
        .map((e) =>
          e.type === 'training.certification.assessed'
            ? `c:${String(e.data.candidateId)}`
            : e.type === 'budget.performance.scored'
              ? 'score'
              : `${e.type}:${String(e.data.assessmentId ?? e.data.enrollmentId ?? e.data.classId)}`,
        ),
    );
    expect(facts - factsBefore).toBe(records.size);
    expect(incremental.yearly.length).toBeGreaterThan(4);
    expect(incremental.quarterly.length).toBeGreaterThan(10);
    await s.database.dataSource.transaction((m) => recomputeCounters(m));
    expect(await snapshot()).toEqual(incremental);
    // SK2.1 counts people: 40 candidates, every one assessed competent at least once except those never competent.
    const sk21 = incremental.yearly.find((c) => c.metric === 'CERTIFICATION' && c.year === 2025)!;
    expect([sk21.numerator, sk21.denominator, sk21.facts]).toEqual([10, 40, 40]);
    // The score is the latest event's, whichever replica applied it.
    const score = incremental.yearly.find((c) => c.metric === 'BUDGET_PERFORMANCE')!;
    expect(score.facts).toBe(1);
  }, 180_000);
});
