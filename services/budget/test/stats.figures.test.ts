import { callers } from '@kesos/infra/testing';
import { rawBudgetStatsRollup, storedBudgetStatsRollup } from '../src/stats/stats.service';
import type { BudgetTestService } from './support';
import { PADANG, startBudget, unitBudget } from './support';

/** budgetStats against the seeded MariaDB: the same figures as the detailed API, scoping, rank and refusals. */
let s: BudgetTestService;
beforeAll(async () => {
  s = await startBudget('statsfig');
});
afterAll(async () => {
  await s?.stop();
});

interface Row {
  rank: number | null;
  unit: { code: string } | null;
  unitCode: string | null;
  year: number | null;
  satkerCode: string | null;
  expenseType: string | null;
  programmeCode: string | null;
  goalCode: string | null;
  month: number | null;
  ceiling: number | null;
  realized: number;
  absorptionRate: number | null;
}
const ROW =
  'rank unit { code } unitCode year satkerCode expenseType programmeCode goalCode month ceiling realized absorptionRate';

async function stats(args: string, caller = callers.analyst()): Promise<Row[]> {
  const r = await s.call<{ budgetStats: Row[] }>(`{ budgetStats${args ? `(${args})` : ''} { ${ROW} } }`, {}, caller);
  expect(r.errors).toBeUndefined();
  return r.data!.budgetStats;
}

const pick = (rows: Row[], keys: (keyof Row)[]) =>
  rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])) as Partial<Row>);

test('the seeded rollup equals a raw GROUP BY over the line changes and transactions', async () => {
  const m = s.running.dataSource.manager;
  const stored = await storedBudgetStatsRollup(m);
  expect(stored.length).toBeGreaterThan(0);
  expect(stored).toEqual(await rawBudgetStatsRollup(m));
});

test('the contract: the absorption ranking and the monthly realisation of 2022', async () => {
  const ranking = await s.call<{ budgetStats: Row[] }>(
    `query($year: Int!) { budgetStats(filter: { fromYear: $year, toYear: $year }, groupBy: [UNIT],
       orderBy: [{ field: ABSORPTION_RATE, direction: DESC }]) { rank unit { code } ceiling realized absorptionRate } }`,
    { year: 2022 },
    callers.analyst(),
  );
  expect(ranking.errors).toBeUndefined();
  expect(ranking.data!.budgetStats).toEqual([
    {
      rank: 1,
      unit: { code: PADANG },
      ceiling: 8_721_102_000 + 8_179_753_000,
      realized: 8_713_841_838 + 8_118_932_961,
      absorptionRate: 99.6,
    },
  ]);
  const bySatker = await stats('filter: { fromYear: 2022, toYear: 2022 }, groupBy: [SATKER]');
  expect(pick(bySatker, ['satkerCode', 'ceiling', 'realized', 'absorptionRate'])).toEqual([
    { satkerCode: '369283', ceiling: 8_721_102_000, realized: 8_713_841_838, absorptionRate: 99.92 },
    { satkerCode: '690552', ceiling: 8_179_753_000, realized: 8_118_932_961, absorptionRate: 99.26 },
  ]);
  const monthly = await stats('filter: { fromYear: 2022, toYear: 2022 }, groupBy: [MONTH, EXPENSE_TYPE]');
  expect(monthly.length).toBeGreaterThan(12);
  expect(monthly.every((r) => r.ceiling === null && r.absorptionRate === null && r.unit === null)).toBe(true);
  expect(monthly.reduce((sum, r) => sum + r.realized, 0)).toBe(8_713_841_838 + 8_118_932_961);
  // Natural order without orderBy: by month, then expense type; rank null.
  expect(monthly.map((r) => r.month)).toEqual([...monthly.map((r) => r.month!)].sort((a, b) => a - b));
  expect(monthly.every((r) => r.rank === null)).toBe(true);
});

interface Figure {
  ceiling: number;
  realized: number;
  absorptionRate: number | null;
}
interface Detailed extends Figure {
  byExpenseType: (Figure & { type: string })[];
  byGoal: (Figure & { goalCode: string })[];
  byMonth: { month: number; realized: number }[];
  satkers: (Figure & {
    code: string;
    byExpenseType: (Figure & { type: string })[];
    byProgramme: (Figure & { code: string })[];
  })[];
}
const FIG = 'ceiling realized absorptionRate';

test('for every unit and year of the seed the statistics equal Unit.budget(year)', async () => {
  const unitYears = await stats('groupBy: [UNIT, YEAR]');
  expect(unitYears.length).toBeGreaterThanOrEqual(5);
  const figure = (r: Row | undefined): Figure =>
    r ? { ceiling: r.ceiling!, realized: r.realized, absorptionRate: r.absorptionRate } : zero;
  const zero: Figure = { ceiling: 0, realized: 0, absorptionRate: null };
  for (const uy of unitYears) {
    const unit = uy.unit!.code;
    const year = uy.year!;
    const r = await s.call<{ _entities: { budget: Detailed }[] }>(
      unitBudget(
        `budget(year: ${year}) { ${FIG} byExpenseType { type ${FIG} } byGoal { goalCode ${FIG} } byMonth { month realized }
         satkers { code ${FIG} byExpenseType { type ${FIG} } byProgramme { code ${FIG} } } }`,
      ),
      { representations: [{ __typename: 'Unit', code: unit }] },
    );
    expect(r.errors).toBeUndefined();
    const b = r.data!._entities[0].budget;
    const where = `filter: { fromYear: ${year}, toYear: ${year}, units: ["${unit}"] }`;
    expect({ unit, year, ...figure(uy) }).toEqual({
      unit,
      year,
      ceiling: b.ceiling,
      realized: b.realized,
      absorptionRate: b.absorptionRate,
    });

    const types = await stats(`${where}, groupBy: [EXPENSE_TYPE]`);
    for (const t of b.byExpenseType)
      expect({ type: t.type, ...figure(types.find((x) => x.expenseType === t.type)) }).toEqual(t);

    const goals = await stats(`${where}, groupBy: [GOAL]`);
    expect(goals.filter((g) => g.goalCode !== null).map((g) => ({ goalCode: g.goalCode, ...figure(g) }))).toEqual(
      b.byGoal,
    );

    const months = await stats(`${where}, groupBy: [MONTH]`);
    for (const mo of b.byMonth)
      expect({ month: mo.month, realized: months.find((x) => x.month === mo.month)?.realized ?? 0 }).toEqual(mo);

    const satkers = await stats(`${where}, groupBy: [SATKER]`);
    expect(satkers.map((x) => ({ code: x.satkerCode, ...figure(x) }))).toEqual(
      b.satkers.map(({ code, ceiling, realized, absorptionRate }) => ({ code, ceiling, realized, absorptionRate })),
    );
    for (const sk of b.satkers) {
      const skTypes = await stats(`${where.replace('}', `, satkers: ["${sk.code}"] }`)}, groupBy: [EXPENSE_TYPE]`);
      for (const t of sk.byExpenseType)
        expect({ satker: sk.code, type: t.type, ...figure(skTypes.find((x) => x.expenseType === t.type)) }).toEqual({
          satker: sk.code,
          ...t,
        });
      const skProgrammes = await stats(`${where.replace('}', `, satkers: ["${sk.code}"] }`)}, groupBy: [PROGRAMME]`);
      for (const p of sk.byProgramme)
        expect({
          satker: sk.code,
          code: p.code,
          ...figure(skProgrammes.find((x) => x.programmeCode === p.code)),
        }).toEqual({ satker: sk.code, ...p });
    }
  }
});

test('a viewer or operator gets only their own unit, never an error; without a token it is refused', async () => {
  const all = await stats('groupBy: [UNIT, YEAR]');
  const own = await stats('groupBy: [UNIT, YEAR]', callers.viewer(PADANG));
  expect(own).toEqual(all.filter((r) => r.unit?.code === PADANG));
  expect(await stats('groupBy: [UNIT]', callers.viewer('BBPPKS-BANDUNG'))).toEqual([]);
  expect(await stats(`filter: { units: ["${PADANG}"] }, groupBy: [UNIT]`, callers.operator('BBPPKS-BANDUNG'))).toEqual(
    [],
  );
  // The total row of another unit's viewer is the total over nothing.
  expect(
    pick(await stats('', callers.viewer('BBPPKS-BANDUNG')), ['unit', 'ceiling', 'realized', 'absorptionRate']),
  ).toEqual([{ unit: null, ceiling: 0, realized: 0, absorptionRate: null }]);
  const anonymous = await s.call(
    '{ budgetStats { realized } }',
    {},
    { subject: 'anonymous', role: 'public', unit: null },
  );
  expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

test('rank: competition ranking with ties, rows without a value last, first cuts after ordering', async () => {
  // Grouped by month no row has a ceiling: every row ties on CEILING, then REALIZED decides.
  const tied = await stats(
    'filter: { fromYear: 2022, toYear: 2022 }, groupBy: [MONTH], orderBy: [{ field: CEILING, direction: DESC }]',
  );
  expect(tied.every((r) => r.rank === 1)).toBe(true);
  const byYear = await stats('groupBy: [YEAR], orderBy: [{ field: ABSORPTION_RATE, direction: ASC }]');
  const rates = byYear.map((r) => r.absorptionRate!);
  expect(rates).toEqual([...rates].sort((a, b) => a - b));
  byYear.forEach((r) => {
    const firstEqual = byYear.findIndex((x) => x.absorptionRate === r.absorptionRate);
    expect(r.rank).toBe(firstEqual + 1);
  });
  const types = await stats(
    'filter: { fromYear: 2022, toYear: 2022 }, groupBy: [SATKER, EXPENSE_TYPE], orderBy: [{ field: CEILING, direction: DESC }]',
  );
  const cut = await stats(
    'filter: { fromYear: 2022, toYear: 2022 }, groupBy: [SATKER, EXPENSE_TYPE], orderBy: [{ field: CEILING, direction: DESC }], first: 2',
  );
  expect(cut).toEqual(types.slice(0, 2));
  expect(types.map((t) => t.rank)).toEqual(types.map((_t, i) => i + 1));
  const withMonths = await stats(
    'filter: { fromYear: 2022, toYear: 2022, months: [1, 2, 3] }, groupBy: [SATKER], orderBy: [{ field: REALIZED, direction: DESC }]',
  );
  expect(withMonths.every((r) => r.ceiling === null && r.absorptionRate === null)).toBe(true);
});

test('bad input is BAD_USER_INPUT naming the field', async () => {
  const cases: [string, string][] = [
    ['filter: { fromYear: 1800 }', 'filter.fromYear'],
    ['filter: { fromYear: 2022, toYear: 2021 }', 'filter.toYear'],
    ['filter: { months: [13] }', 'filter.months'],
    ['first: 0', 'first'],
  ];
  for (const [args, field] of cases) {
    const r = await s.call(`{ budgetStats(${args}) { realized } }`, {}, callers.analyst());
    expect({ args, code: r.errors?.[0].extensions?.code, field: r.errors?.[0].extensions?.field }).toEqual({
      args,
      code: 'BAD_USER_INPUT',
      field,
    });
  }
});
