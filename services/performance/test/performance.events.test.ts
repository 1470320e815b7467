import { MetricCounterEntity } from '../src/realization/realization.entity';
import { recomputeCounters } from '../src/realization/realization.service';
import type { TestService } from './support';
import { PADANG, registerUnits, startTestService } from './support';

const PERFORMANCE = `query($unit: ID!, $year: Int!) {
  _entities(representations: [{ __typename: "Unit", code: $unit }]) {
    ... on Unit { performance(year: $year) { goals { code achievement publishedAchievement indicators {
      code target realization realizationSource numerator denominator achievement quarters { quarter numerator denominator realization achievement } publishedRealization publishedAchievement matchesPublished enteredBy
    } } } }
  }
}`;

type Quarter = {
  quarter: number;
  numerator: number;
  denominator: number;
  realization: number | null;
  achievement: number | null;
};
type Indicator = {
  quarters: Quarter[];
  code: string;
  target: number | null;
  realization: number | null;
  realizationSource: string;
  numerator: number | null;
  denominator: number | null;
  achievement: number | null;
  publishedRealization: number | null;
  publishedAchievement: number | null;
  matchesPublished: boolean | null;
  enteredBy: string | null;
};
type GoalRow = {
  code: string;
  achievement: number | null;
  publishedAchievement: number | null;
  indicators: Indicator[];
};

/** Publishes many events, 100 at a time, so the test does not wait on one acknowledgement after another. */
async function publishAll(s: TestService, events: [string, unknown][]): Promise<void> {
  for (let i = 0; i < events.length; i += 100)
    await Promise.all(events.slice(i, i + 100).map(([type, data]) => s.publish(type, PADANG, data)));
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('performance realisations follow the training and budget events (MariaDB + NATS)', () => {
  let s: TestService;
  const goals = async (year: number): Promise<GoalRow[]> => {
    const res = await s.call<{ _entities: { performance: { goals: GoalRow[] } }[] }>(PERFORMANCE, {
      unit: PADANG,
      year,
    });
    expect(res.errors).toBeUndefined();
    return res.data!._entities[0].performance.goals;
  };
  const indicator = async (year: number, code: string) =>
    (await goals(year)).flatMap((g) => g.indicators).find((i) => i.code === code)!;
  const counters = () =>
    s.database.dataSource
      .getRepository(MetricCounterEntity)
      .find({ order: { unitCode: 'ASC', year: 'ASC', metric: 'ASC' } });

  beforeAll(async () => {
    s = await startTestService('events');
    await registerUnits(s);
  });
  afterAll(async () => s?.stop());

  it('before any event, 2022 shows only the entered SAKIP score; derived indicators are not measured', async () => {
    const all = (await goals(2022)).flatMap((g) => g.indicators);
    expect(all.map((i) => i.code)).toEqual(['SK1.1', 'SK2.1', 'SK2.2', 'SK3.1', 'SK4.1', 'SK5.1', 'SK5.2', 'SK6.1']);
    expect(all.find((i) => i.code === 'SK1.1')).toMatchObject({
      realization: null,
      realizationSource: 'NONE',
      achievement: null,
    });
    expect(all.find((i) => i.code === 'SK5.1')).toMatchObject({
      realization: 80.07,
      realizationSource: 'ENTERED',
      achievement: 106.76,
    });
    expect(all.find((i) => i.code === 'SK5.1')!.enteredBy).toContain('seed');
  });

  it('an accreditation decision changes SK1.1 within seconds; the same event twice changes nothing; a corrected decision replaces the first', async () => {
    const decision = { assessmentId: 'A-2023-1', institutionId: 'LKS-1', year: 2023, result: 'B', accredited: true };
    const event = await s.publish('training.accreditation.decided', PADANG, decision);
    // Generous on a loaded machine; the pipeline's speed is measured by npm run bench.
    const took = await s.until(async () => (await indicator(2023, 'SK1.1')).realization === 100, 15_000);
    expect(took).toBeLessThan(15_000);

    await s.publish('training.accreditation.decided', PADANG, decision, event.id);
    await s.publish('training.accreditation.decided', PADANG, {
      ...decision,
      assessmentId: 'A-2023-2',
      accredited: false,
    });
    await s.until(async () => (await indicator(2023, 'SK1.1')).denominator === 2);
    expect(await indicator(2023, 'SK1.1')).toMatchObject({
      numerator: 1,
      denominator: 2,
      realization: 50,
      achievement: 68.49,
    });

    // A new event about the same assessment (an appeal) replaces its fact instead of adding one.
    await s.publish('training.accreditation.decided', PADANG, {
      ...decision,
      assessmentId: 'A-2023-2',
      accredited: true,
    });
    await s.until(async () => (await indicator(2023, 'SK1.1')).numerator === 2);
    expect(await indicator(2023, 'SK1.1')).toMatchObject({ numerator: 2, denominator: 2, realization: 100 });

    // An assessment re-filed under another year moves its fact; the old year's counter goes away.
    const moved = { assessmentId: 'SR-MOVED', year: 2024, competent: true };
    await s.publish('training.certification.assessed', PADANG, moved);
    await s.until(async () => (await indicator(2024, 'SK2.1')).denominator === 1);
    await s.publish('training.certification.assessed', PADANG, { ...moved, year: 2023 });
    await s.until(async () => (await indicator(2023, 'SK2.1')).denominator === 1);
    expect(await indicator(2024, 'SK2.1')).toMatchObject({ realization: null, realizationSource: 'NONE' });
    expect((await counters()).filter((c) => c.year === 2024)).toEqual([]);
  });

  it('places dated decisions in quarters, cumulatively; a decision dated after the year counts in the annual figure only', async () => {
    const decide = (n: number, date: string | null, accredited = true) =>
      s.publish('training.accreditation.decided', PADANG, {
        assessmentId: `Q-${n}`,
        institutionId: `LKS-Q-${n}`,
        year: 2021,
        result: accredited ? 'A' : 'NOT_ACCREDITED',
        accredited,
        ...(date ? { date } : {}),
      });
    await decide(1, '2021-02-10');
    await decide(2, '2021-05-03', false);
    await decide(3, '2021-05-20');
    await decide(4, '2021-11-30');
    await decide(5, '2022-01-14');
    await decide(6, null);
    await s.until(async () => (await indicator(2021, 'SK1.1')).denominator === 6);
    const sk = await indicator(2021, 'SK1.1');
    expect(sk).toMatchObject({ numerator: 5, denominator: 6, realization: 83.33 });
    expect(sk.quarters.map((q) => [q.quarter, q.numerator, q.denominator, q.realization])).toEqual([
      [1, 1, 1, 100],
      [2, 2, 3, 66.67],
      [3, 2, 3, 66.67],
      [4, 3, 4, 75],
    ]);
    // Indicators without dated records have no quarters.
    expect((await indicator(2021, 'SK5.1')).quarters).toEqual([]);
  });

  it('counts SK2.1 per person: a candidate re-assessed until competent counts once, and stays competent', async () => {
    const assess = (assessmentId: string, competent: boolean) =>
      s.publish('training.certification.assessed', PADANG, {
        assessmentId,
        candidateId: 'C-77',
        year: 2024,
        competent,
        date: '2024-03-01',
      });
    await assess('R-1', false);
    await s.until(async () => (await indicator(2024, 'SK2.1')).denominator === 1);
    expect(await indicator(2024, 'SK2.1')).toMatchObject({ numerator: 0, denominator: 1, realization: 0 });
    await assess('R-2', true);
    await s.until(async () => (await indicator(2024, 'SK2.1')).numerator === 1);
    await assess('R-3', false);
    await s.publish('training.certification.assessed', PADANG, {
      assessmentId: 'R-4',
      candidateId: 'C-78',
      year: 2024,
      competent: true,
    });
    await s.until(async () => (await indicator(2024, 'SK2.1')).denominator === 2);
    expect(await indicator(2024, 'SK2.1')).toMatchObject({ numerator: 2, denominator: 2, realization: 100 });
  });

  it('derives the 2022 report figures from the events the training and budget seeds emit', async () => {
    const events: [string, unknown][] = [
      ...range(202).map((n): [string, unknown] => [
        'training.accreditation.decided',
        {
          assessmentId: `AK-${n}`,
          institutionId: `LKS-${n}`,
          year: 2022,
          result: n <= 171 ? 'A' : 'TIDAK',
          accredited: n <= 171,
        },
      ]),
      ...range(2987).map((n): [string, unknown] => [
        'training.certification.assessed',
        { assessmentId: `SR-${n}`, year: 2022, competent: n <= 2899 },
      ]),
      ...range(2400).map((n): [string, unknown] => [
        'training.enrollment.graduated',
        {
          enrollmentId: `E-${n}`,
          classId: `C-${1 + (n % 3)}`,
          programmeCode: 'PPPS',
          participantCategory: 'PENDAMPING_PKH',
          year: 2022,
          predicate: 'BAIK',
          budgetOutputCode: null,
          indicatorCode: 'SK2.2',
        },
      ]),
      // Graduations of other programmes belong to other indicators and must not count for SK2.2.
      ...range(30).map((n): [string, unknown] => [
        'training.enrollment.graduated',
        {
          enrollmentId: `X-${n}`,
          classId: 'C-X',
          programmeCode: 'PPM',
          participantCategory: 'KPM',
          year: 2022,
          predicate: 'BAIK',
          budgetOutputCode: null,
          indicatorCode: null,
        },
      ]),
      ...range(390).map((n): [string, unknown] => [
        'training.monitoring.assessed',
        { monitoringId: `M-${n}`, enrollmentId: `P-${n}`, year: 2022, hasLifeSkills: true },
      ]),
      ...range(40).map((n): [string, unknown] => [
        'training.atensi.case-closed',
        { caseId: `K-${n}`, year: 2022, serviceType: 'RESPON_KASUS', peopleServed: 1 + (n % 4), served: true },
      ]),
      [
        'budget.performance.scored',
        { year: 2022, smartScore: 93.04, ikpaScore: 92.82, budgetPerformanceScore: 92.952 },
      ],
    ];
    await publishAll(s, events);
    await s.until(async () => {
      const c = await counters();
      const facts = c.filter((x) => x.year === 2022).reduce((a, x) => a + x.facts, 0);
      return facts === 202 + 2987 + 2400 + 390 + 40 + 1;
    }, 90000);

    const result = await goals(2022);
    expect(
      result.flatMap((g) =>
        g.indicators.map((i) => [i.code, i.target, i.realization, i.achievement, i.realizationSource]),
      ),
    ).toEqual([
      ['SK1.1', 73, 84.65, 115.96, 'DERIVED'],
      ['SK2.1', 82, 97.05, 118.35, 'DERIVED'],
      ['SK2.2', 97, 100, 103.09, 'DERIVED'],
      ['SK3.1', 75, 100, 133.33, 'DERIVED'],
      ['SK4.1', 100, 100, 100, 'DERIVED'],
      ['SK5.1', 75, 80.07, 106.76, 'ENTERED'],
      ['SK5.2', 75, 92.95, 123.93, 'DERIVED'],
      ['SK6.1', 90, 91.6, 101.78, 'DERIVED'],
    ]);
    expect(result.map((g) => [g.code, g.achievement, g.publishedAchievement])).toEqual([
      ['SK1', 115.96, 115.95],
      ['SK2', 110.72, 110.7],
      ['SK3', 133.33, 133.33],
      ['SK4', 100, 100],
      ['SK5', 115.35, 115.34],
      ['SK6', 101.78, 101.78],
    ]);
    const all = result.flatMap((g) => g.indicators);
    expect(all.find((i) => i.code === 'SK1.1')).toMatchObject({
      numerator: 171,
      denominator: 202,
      publishedAchievement: 115.95,
      matchesPublished: false,
    });
    expect(all.find((i) => i.code === 'SK2.1')).toMatchObject({
      numerator: 2899,
      denominator: 2987,
      matchesPublished: true,
    });
    // No closed class has reported a target yet: the agreement's volume target of 2,400 is the denominator.
    expect(all.find((i) => i.code === 'SK2.2')).toMatchObject({ numerator: 2400, denominator: 2400 });
    expect(all.find((i) => i.code === 'SK5.2')).toMatchObject({
      publishedRealization: 92.94,
      publishedAchievement: 123.92,
      matchesPublished: false,
    });
    expect(all.filter((i) => i.matchesPublished === false).map((i) => i.code)).toEqual(['SK1.1', 'SK5.2']);
  }, 120000);

  it("takes SK2.2's denominator from the closed classes' targets once they report one", async () => {
    await publishAll(
      s,
      [1, 2, 3].map((n) => [
        'training.class.closed',
        {
          classId: `C-${n}`,
          programmeCode: 'PPPS',
          year: 2022,
          targetParticipants: n === 3 ? 900 : 800,
          participants: 800,
          graduates: 800,
          indicatorCode: 'SK2.2',
        },
      ]),
    );
    await s.until(async () => (await indicator(2022, 'SK2.2')).denominator === 2500);
    expect(await indicator(2022, 'SK2.2')).toMatchObject({
      numerator: 2400,
      denominator: 2500,
      realization: 96,
      achievement: 98.97,
    });
  });

  it('recomputing from the facts gives the same counters and figures as the incremental path', async () => {
    const incremental = await counters();
    const before = await goals(2022);
    await s.database.dataSource.transaction((m) => recomputeCounters(m));
    expect(await counters()).toEqual(incremental);
    const res = await s.call<{ recomputeRealizations: { goals: GoalRow[] } }>(
      `mutation { recomputeRealizations(unitCode: "${PADANG}", year: 2022) { goals { code achievement publishedAchievement indicators { code target realization realizationSource numerator denominator achievement quarters { quarter numerator denominator realization achievement } publishedRealization publishedAchievement matchesPublished enteredBy } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recomputeRealizations.goals).toEqual(before);
    expect(await counters()).toEqual(incremental);
    // A unit the training subgraph never registered is a typo, not an empty recompute.
    const typo = await s.call('mutation { recomputeRealizations(unitCode: "BBPPKS-PADANK", year: 2022) { unitCode } }');
    expect(typo.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitCode' });
  });

  it('dead-letters a payload it cannot understand instead of counting it', async () => {
    const dead: string[] = [];
    const subscription = await s.bus.subscribe({
      durable: 'perf-test-dlq',
      subject: 'deadletter.performance-certification-assessed',
      maxDeliver: 1,
      handler: async (e) => void dead.push(e.id),
    });
    const before = (await counters()).find((c) => c.year === 2022 && c.metric === 'CERTIFICATION')!;
    const bad = await s.publish('training.certification.assessed', PADANG, {
      assessmentId: 'BROKEN',
      year: 2022,
      competent: 'yes',
    });
    await s.until(async () => dead.includes(bad.id), 20000);
    await subscription.stop();
    expect((await counters()).find((c) => c.year === 2022 && c.metric === 'CERTIFICATION')).toEqual(before);
  }, 30000);
});
