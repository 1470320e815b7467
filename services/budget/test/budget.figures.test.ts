import { OutboxEventEntity } from '@kesos/infra';
import { callers } from '@kesos/infra/testing';
import type { BudgetTestService } from './support';
import { padang, PADANG, startBudget, unitBudget } from './support';

/** The contract's budget operations answered from the seeded MariaDB, compared with the 2022 report. */
let s: BudgetTestService;
beforeAll(async () => {
  s = await startBudget('figures');
});
afterAll(async () => {
  await s?.stop();
});

interface Satker {
  code: string;
  ceiling: number;
  realized: number;
  absorptionRate: number | null;
  revisions: { number: number; authority: string; date: string; ceilingAfter: number; description: string }[];
}
type Figure = { type: string; ceiling: number; realized: number; absorptionRate: number | null };

async function unit<T>(selection: string, caller = callers.admin()): Promise<T> {
  const r = await s.call<{ _entities: T[] }>(unitBudget(selection), padang, caller);
  expect(r.errors).toBeUndefined();
  return r.data!._entities[0];
}

test("UnitOverview and DipaRevisions: both 2022 satkers with the report's ceilings, realisation and rates", async () => {
  const u = await unit<{ budget: { satkers: Satker[] } }>(
    'budget(year: 2022) { satkers { code ceiling realized absorptionRate revisions { number authority date ceilingAfter description } } }',
  );
  const [old, neu] = u.budget.satkers;
  expect(old).toMatchObject({ code: '369283', ceiling: 8_721_102_000, realized: 8_713_841_838, absorptionRate: 99.92 });
  expect(neu).toMatchObject({ code: '690552', ceiling: 8_179_753_000, realized: 8_118_932_961, absorptionRate: 99.26 });
  expect(old.revisions.map((r) => [r.number, r.ceilingAfter])).toEqual([
    [0, 27_531_508_000],
    [1, 8_721_102_000],
  ]);
  expect(neu.revisions.map((r) => [r.number, r.authority, r.date, r.ceilingAfter])).toEqual([
    [0, 'DJA', '2022-09-10', 7_550_496_000],
    [1, 'DJA', '2022-10-19', 7_550_496_000],
    [2, 'DJA', '2022-11-04', 8_179_753_000],
    [3, 'DJPB', '2022-11-30', 8_179_753_000],
    [4, 'DJPB', '2022-12-13', 8_179_753_000],
    [5, 'DJPB', '2022-12-15', 8_179_753_000],
    [6, 'DJPB', '2022-12-22', 8_179_753_000],
    [7, 'DJPB', '2022-12-27', 8_179_753_000],
  ]);
  expect(neu.revisions[2].description).toMatch(/buka blokir.*802,038,000.*BBPPKS Yogyakarta.*629,257,000.*210 to 390/);
});

test('the transfer from the closed satker is one recorded fact linking both satkers and the new initial DIPA', async () => {
  const u = await unit<{
    budget: {
      transfers: {
        fromSatkerCode: string | null;
        fromRevisionNumber: number | null;
        toSatkerCode: string;
        toRevisionNumber: number;
        amount: number;
        date: string;
      }[];
      satkers: {
        code: string;
        transfersOut: { amount: number }[];
        revisions: { number: number; ceilingAfter: number }[];
      }[];
    };
  }>(
    'budget(year: 2022) { transfers { fromSatkerCode fromRevisionNumber toSatkerCode toRevisionNumber amount date } satkers { code transfersOut { amount } revisions { number ceilingAfter } } }',
  );
  const [moved, delegated] = u.budget.transfers;
  expect(moved).toEqual({
    fromSatkerCode: '369283',
    fromRevisionNumber: 1,
    toSatkerCode: '690552',
    toRevisionNumber: 0,
    amount: 7_550_496_000,
    date: '2022-09-10',
  });
  expect(delegated).toMatchObject({ fromSatkerCode: null, toRevisionNumber: 2, amount: 629_257_000 });
  // The new satker's initial DIPA is exactly the moved budget, and revision 02 adds exactly the delegation.
  const neu = u.budget.satkers.find((x) => x.code === '690552')!;
  expect(neu.revisions[0].ceilingAfter).toBe(moved.amount);
  expect(neu.revisions[2].ceilingAfter - neu.revisions[1].ceilingAfter).toBe(delegated.amount);
  expect(u.budget.satkers.find((x) => x.code === '369283')!.transfersOut.map((t) => t.amount)).toEqual([7_550_496_000]);
});

test('BudgetHistory 2018-2022 by expense type, with rates derived from each pair', async () => {
  const u = await unit<{
    budgetHistory: {
      year: number;
      ceiling: number;
      realized: number;
      satkers: { code: string; ceiling: number; realized: number; byExpenseType: Figure[] }[];
    }[];
  }>(
    'budgetHistory(fromYear: 2018, toYear: 2022) { year ceiling realized satkers { code ceiling realized byExpenseType { type ceiling realized absorptionRate } } }',
  );
  const rows = (year: number, code = '369283') =>
    u.budgetHistory
      .find((y) => y.year === year)!
      .satkers.find((x) => x.code === code)!
      .byExpenseType.map((f) => [f.type, f.ceiling, f.realized, f.absorptionRate]);
  expect(u.budgetHistory.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
  expect(rows(2018)).toEqual([
    ['PERSONNEL', 5_333_241_000, 5_330_273_234, 99.94],
    ['GOODS', 15_954_200_000, 15_932_581_547, 99.86],
    ['CAPITAL', 4_290_600_000, 4_286_951_700, 99.91],
  ]);
  expect(rows(2019)).toEqual([
    ['PERSONNEL', 5_780_350_000, 5_630_301_624, 97.4],
    ['GOODS', 48_787_321_000, 48_482_166_369, 99.37],
    ['CAPITAL', 144_000_000, 143_500_000, 99.65],
  ]);
  expect(rows(2020)).toEqual([
    ['PERSONNEL', 5_821_080_000, 5_467_163_742, 93.92],
    ['GOODS', 16_807_366_000, 16_184_949_881, 96.3],
    ['CAPITAL', 3_520_000_000, 3_515_087_732, 99.86],
  ]);
  expect(rows(2021)).toEqual([
    ['PERSONNEL', 6_006_998_000, 5_780_720_412, 96.23],
    ['GOODS', 6_697_773_000, 6_635_406_211, 99.07],
    ['CAPITAL', 200_000_000, 199_920_000, 99.96],
  ]);
  // The report's 2022 row is the new satker: GOODS 6,056,979,000 (printed 6.056.979.00), CAPITAL 0 with no rate.
  expect(rows(2022, '690552')).toEqual([
    ['PERSONNEL', 2_122_774_000, 2_106_024_974, 99.21],
    ['GOODS', 6_056_979_000, 6_012_907_987, 99.27],
    ['CAPITAL', 0, 0, null],
  ]);
  expect(u.budgetHistory.find((y) => y.year === 2022)!.satkers.map((x) => x.code)).toEqual(['369283', '690552']);
  // The report's TOTAL rows.
  expect(u.budgetHistory.slice(0, 4).map((y) => [y.ceiling, y.realized])).toEqual([
    [25_578_041_000, 25_549_806_481],
    [54_711_671_000, 54_255_967_993],
    [26_148_446_000, 25_167_201_355],
    [12_904_771_000, 12_616_046_623],
  ]);
});

test("BudgetPerformance: SMART, IKPA, the derived score and the report's printed one, with the IKPA weights", async () => {
  const u = await unit<{
    budget: Record<string, unknown> & { ikpaComponents: { weight: number; score: number | null }[] };
  }>(
    'budget(year: 2022) { smartScore ikpaScore budgetPerformanceScore publishedBudgetPerformanceScore ikpaComponents { code weight score } }',
  );
  expect(u.budget).toMatchObject({
    smartScore: 93.04,
    ikpaScore: 92.82,
    budgetPerformanceScore: 92.95,
    publishedBudgetPerformanceScore: 92.94,
  });
  expect(u.budget.ikpaComponents.map((c) => c.weight)).toEqual([10, 10, 20, 10, 10, 10, 5, 25]);
  expect(u.budget.ikpaComponents.every((c) => c.score === null)).toBe(true);
  const y2021 = await unit<{ budget: Record<string, unknown> }>(
    'budget(year: 2021) { smartScore budgetPerformanceScore publishedBudgetPerformanceScore }',
  );
  expect(y2021.budget).toEqual({
    smartScore: null,
    budgetPerformanceScore: null,
    publishedBudgetPerformanceScore: 94.1,
  });
});

test('programme and activity allocations of the new satker and its RKT outputs', async () => {
  const u = await unit<{
    budget: {
      satkers: {
        code: string;
        byProgramme: {
          code: string;
          ceiling: number;
          activities: { code: string; ceiling: number; note: string | null }[];
        }[];
        outputs: { code: string; volumeTarget: number; volumeUnit: string }[];
      }[];
    };
  }>(
    'budget(year: 2022) { satkers { code byProgramme { code ceiling activities { code ceiling note } } outputs { code volumeTarget volumeUnit } } }',
  );
  const neu = u.budget.satkers.find((x) => x.code === '690552')!;
  expect(neu.byProgramme.map((p) => [p.code, p.ceiling, p.activities.map((a) => a.ceiling)])).toEqual([
    ['027.DN', 4_628_236_000, [2_791_294_000, 1_379_896_000, 457_046_000]],
    ['027.WA', 3_551_517_000, [11_553_000, 3_389_369_000, 150_595_000]],
  ]);
  expect(neu.byProgramme[1].activities[2].note).toMatch(/150,595,000/);
  const target = (code: string) => neu.outputs.find((o) => o.code === code)!.volumeTarget;
  expect([
    target('6391.SCM.001'),
    target('6392.QAH.001'),
    target('6392.SCA.001'),
    target('6392.SCH.001'),
    target('6393.SCM.001'),
  ]).toEqual([390, 30, 200, 3000, 800]);
});

test('Goal.budgetAbsorption matches the efficiency table; SK6 has no budget of its own', async () => {
  const reps = ['SK1', 'SK2', 'SK3', 'SK4', 'SK5', 'SK6'].map((code) => ({
    __typename: 'Goal',
    unitCode: PADANG,
    year: 2022,
    code,
  }));
  const r = await s.call<{ _entities: { code: string; budgetAbsorption: number | null }[] }>(
    'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Goal { code budgetAbsorption } } }',
    { representations: reps },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data!._entities.map((g) => g.budgetAbsorption)).toEqual([99.71, 98.98, 99.4, 99.42, 99.27, null]);
});

test("monthly realisation adds up to the year and stays inside each month of the satker's period", async () => {
  const u = await unit<{
    budget: {
      satkers: {
        code: string;
        realized: number;
        byMonth: { month: number; realized: number; cumulativeRealized: number }[];
      }[];
    };
  }>('budget(year: 2022) { satkers { code realized byMonth { month realized cumulativeRealized } } }');
  for (const satker of u.budget.satkers) expect(satker.byMonth[11].cumulativeRealized).toBe(satker.realized);
  const neu = u.budget.satkers.find((x) => x.code === '690552')!;
  expect(neu.byMonth.slice(0, 8).every((m) => m.realized === 0)).toBe(true);
  const old = u.budget.satkers.find((x) => x.code === '369283')!;
  expect(old.byMonth.slice(8).every((m) => m.realized === 0)).toBe(true);
});

test('the seed wrote exactly one budget.performance.scored event (2022) to the outbox', async () => {
  const rows = await s.running.dataSource
    .getRepository(OutboxEventEntity)
    .findBy({ subject: 'budget.performance.scored' });
  expect(rows).toHaveLength(1);
  const envelope = JSON.parse(rows[0].envelope);
  expect(envelope).toMatchObject({
    unit: PADANG,
    version: 1,
    data: {
      year: 2022,
      smartScore: 93.04,
      ikpaScore: 92.82,
      budgetPerformanceScore: 92.95,
      publishedBudgetPerformanceScore: 92.94,
    },
  });
});

test("reading a unit's budget needs access to that unit", async () => {
  const r = await s.call(
    unitBudget('budget(year: 2022) { satkers { code } }'),
    padang,
    callers.viewer('BBPPKS-BANDUNG'),
  );
  expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  await expect(unit('budget(year: 2022) { satkers { code } }', callers.viewer(PADANG))).resolves.toBeTruthy();
  const goal = await s.call(
    'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Goal { budgetAbsorption } } }',
    { representations: [{ __typename: 'Goal', unitCode: PADANG, year: 2022, code: 'SK1' }] },
    callers.viewer('BBPPKS-BANDUNG'),
  );
  expect(goal.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

test('lists batch: SQL statements do not grow with years, satkers or goals', async () => {
  // The outbox relay polls in the background; its statements would be counted too.
  await s.running.relay.stop();
  const history = (to: number) =>
    s.running.queries.measure(() =>
      s.call(
        unitBudget(
          `budgetHistory(fromYear: 2018, toYear: ${to}) { year satkers { code ceiling realized byExpenseType { type ceiling } revisions { number ceilingAfter } transfersIn { amount } byMonth { month realized } } }`,
        ),
        padang,
      ),
    );
  const oneYear = await history(2018);
  const fiveYears = await history(2022);
  expect(
    (fiveYears.result.data as { _entities: { budgetHistory: unknown[] }[] })._entities[0].budgetHistory,
  ).toHaveLength(5);
  expect(fiveYears.queries).toBe(oneYear.queries);

  const goals = (codes: string[]) =>
    s.running.queries.measure(() =>
      s.call(
        'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Goal { budgetAbsorption } } }',
        { representations: codes.map((code) => ({ __typename: 'Goal', unitCode: PADANG, year: 2022, code })) },
      ),
    );
  const one = await goals(['SK1']);
  const six = await goals(['SK1', 'SK2', 'SK3', 'SK4', 'SK5', 'SK6']);
  expect(six.queries).toBe(one.queries);
  s.running.relay.start();
});

interface RealizationPage {
  nodes: { id: string; amount: number }[];
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
  totalCount?: number;
  items?: { id: string }[];
  nextCursor?: string | null;
}

test('budgetRealizations pages as a connection: nodes, edges, pageInfo, totalCount counted only when selected; items and nextCursor still answer', async () => {
  await s.running.relay.stop();
  const page = (first: number, after: string | null, selection: string) =>
    s.running.queries.measure(() =>
      s.call<{ budgetRealizations: RealizationPage }>(
        `query($first: Int!, $after: String) { budgetRealizations(satkerCode: "690552", year: 2022, first: $first, after: $after) { ${selection} } }`,
        { first, after },
      ),
    );
  const FIELDS =
    'nodes { id amount } edges { cursor node { id } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage }';
  const first = await page(3, null, FIELDS);
  expect(first.result.errors).toBeUndefined();
  const p1 = first.result.data!.budgetRealizations;
  expect(p1.nodes).toHaveLength(3);
  expect(p1.edges.map((e) => e.node.id)).toEqual(p1.nodes.map((n) => n.id));
  expect(p1.pageInfo).toMatchObject({
    startCursor: p1.edges[0].cursor,
    endCursor: p1.edges[2].cursor,
    hasNextPage: true,
    hasPreviousPage: false,
  });

  // The total is one COUNT statement of the same filter, run only when selected.
  const counted = await page(3, null, `${FIELDS} totalCount`);
  expect(counted.queries).toBe(first.queries + 1);
  const total = counted.result.data!.budgetRealizations.totalCount!;
  expect(total).toBeGreaterThan(3);

  // The next page starts after the end cursor; the deprecated fields say the same as nodes and pageInfo.
  const second = await page(3, p1.pageInfo.endCursor, `${FIELDS} items { id } nextCursor`);
  expect(second.result.errors).toBeUndefined();
  const p2 = second.result.data!.budgetRealizations;
  expect(p2.pageInfo.hasPreviousPage).toBe(true);
  expect(Number(p2.nodes[0].id)).toBeGreaterThan(Number(p1.nodes[2].id));
  expect(p2.items).toEqual(p2.nodes.map((n) => ({ id: n.id })));
  expect(p2.nextCursor).toBe(p2.pageInfo.endCursor);

  // Walking every page with the largest size (500) meets the total; the last page has no next cursor.
  let after: string | null = null;
  let seen = 0;
  for (;;) {
    const r = await page(500, after, 'nodes { id } pageInfo { endCursor hasNextPage } nextCursor');
    const p: RealizationPage = r.result.data!.budgetRealizations;
    seen += p.nodes.length;
    if (!p.pageInfo.hasNextPage) {
      expect(p.nextCursor).toBeNull();
      break;
    }
    after = p.pageInfo.endCursor;
  }
  expect(seen).toBe(total);

  const tooMany = await page(501, null, 'nodes { id }');
  expect(tooMany.result.errors?.[0]).toMatchObject({
    message: 'first must be between 1 and 500',
    extensions: { code: 'BAD_USER_INPUT' },
  });
  const forged = await page(3, 'bm90LWEtY3Vyc29y', 'nodes { id }');
  expect(forged.result.errors?.[0]).toMatchObject({
    message: 'invalid cursor; pass nextCursor from the previous page',
    extensions: { code: 'BAD_USER_INPUT' },
  });
  s.running.relay.start();
});
