import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestGraph } from './support';
import { query, tokenFor } from './support';

/**
 * The contract: the operations the users' apps already run (a verbatim copy of the shared
 * contract), executed unchanged through the gateway on the seed data, must return the 2022
 * report's figures — as derived from records (where the report misprints, the derived value).
 */
const OPERATIONS = readFileSync(join(__dirname, 'contract', 'operations.graphql'), 'utf8');
const PADANG = 'BBPPKS-PADANG';

/** Runs the whole contract against a graph; used for the embedded and the distributed mode. */
export function describeContract<G extends TestGraph>(
  mode: string,
  start: () => Promise<G>,
  more?: (graph: () => G) => void,
): void {
  describe(`contract operations return the 2022 report figures (${mode})`, () => {
    let system: G;
    const viewer = () => tokenFor('viewer', PADANG);
    const run = async (operationName: string, variables: Record<string, unknown>, token = viewer()) => {
      const result = await query(system, OPERATIONS, variables, token, operationName);
      expect(result.errors).toBeUndefined();
      return result.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response shapes are asserted field by field below
    };

    beforeAll(async () => {
      system = await start();
    }, 420_000);
    afterAll(async () => system?.stop());

    it('UnitOverview: one request across training, budget and performance', async () => {
      const { unit } = await run('UnitOverview', { unit: PADANG, year: 2022 });
      expect(unit.code).toBe(PADANG);
      expect(unit.name).toContain('Padang');
      expect(unit.workArea).toEqual([
        { province: 'Aceh', regencies: 18, cities: 5, districts: 289, villages: 6497 },
        { province: 'Sumatera Utara', regencies: 25, cities: 8, districts: 450, villages: 6110 },
        { province: 'Riau', regencies: 10, cities: 2, districts: 169, villages: 1859 },
        { province: 'Kepulauan Riau', regencies: 5, cities: 2, districts: 70, villages: 416 },
        { province: 'Sumatera Barat', regencies: 12, cities: 7, districts: 179, villages: 1330 },
        { province: 'Jambi', regencies: 9, cities: 2, districts: 141, villages: 1562 },
        { province: 'Bengkulu', regencies: 9, cities: 1, districts: 128, villages: 1513 },
        { province: 'Sumatera Selatan', regencies: 13, cities: 4, districts: 236, villages: 3239 },
      ]);
      expect(unit.staffComposition).toEqual(
        expect.arrayContaining([
          { employment: 'ASN', gender: 'FEMALE', count: 26 },
          { employment: 'ASN', gender: 'MALE', count: 23 },
          { employment: 'PPNPN', gender: 'FEMALE', count: 9 },
          { employment: 'PPNPN', gender: 'MALE', count: 31 },
        ]),
      );
      expect(unit.budget.satkers).toEqual(
        expect.arrayContaining([
          { code: '369283', ceiling: 8721102000, realized: 8713841838, absorptionRate: 99.92 },
          { code: '690552', ceiling: 8179753000, realized: 8118932961, absorptionRate: 99.26 },
        ]),
      );
      const goals = unit.performance.goals as {
        code: string;
        achievement: number;
        budgetAbsorption: number | null;
        indicators: Record<string, unknown>[];
      }[];
      expect(goals.map((g) => [g.code, g.achievement, g.budgetAbsorption])).toEqual([
        ['SK1', 115.96, 99.71],
        ['SK2', 110.72, 98.98],
        ['SK3', 133.33, 99.4],
        ['SK4', 100, 99.42],
        ['SK5', 115.35, 99.27],
        ['SK6', 101.78, null],
      ]);
      const indicators = goals.flatMap((g) =>
        g.indicators.map((i) => [i.code, i.target, i.realization, i.achievement]),
      );
      expect(indicators).toEqual([
        ['SK1.1', 73, 84.65, 115.96],
        ['SK2.1', 82, 97.05, 118.35],
        ['SK2.2', 97, 100, 103.09],
        ['SK3.1', 75, 100, 133.33],
        ['SK4.1', 100, 100, 100],
        ['SK5.1', 75, 80.07, 106.76],
        ['SK5.2', 75, 92.95, 123.93],
        ['SK6.1', 90, 91.6, 101.78],
      ]);
      for (const g of goals) for (const i of g.indicators) expect(typeof i.name).toBe('string');
    });

    it('DipaRevisions: the new satker initial DIPA and revisions 01-07', async () => {
      const { unit } = await run('DipaRevisions', { unit: PADANG, year: 2022 });
      const satker = (unit.budget.satkers as { code: string; revisions: Record<string, unknown>[] }[]).find(
        (s) => s.code === '690552',
      )!;
      expect(satker.revisions.map((r) => [r.number, r.authority, r.date, r.ceilingAfter])).toEqual([
        [0, 'DJA', '2022-09-10', 7550496000],
        [1, 'DJA', '2022-10-19', 7550496000],
        [2, 'DJA', '2022-11-04', 8179753000],
        [3, 'DJPB', '2022-11-30', 8179753000],
        [4, 'DJPB', '2022-12-13', 8179753000],
        [5, 'DJPB', '2022-12-15', 8179753000],
        [6, 'DJPB', '2022-12-22', 8179753000],
        [7, 'DJPB', '2022-12-27', 8179753000],
      ]);
      for (const r of satker.revisions) expect(String(r.description).length).toBeGreaterThan(10);
    });

    it('BudgetHistory: 2018-2022 ceilings and realisations by expense type', async () => {
      const { unit } = await run('BudgetHistory', { unit: PADANG, from: 2018, to: 2022 });
      const years = unit.budgetHistory as {
        year: number;
        satkers: {
          code: string;
          ceiling: number;
          realized: number;
          byExpenseType: { type: string; ceiling: number; realized: number; absorptionRate: number | null }[];
        }[];
      }[];
      expect(years.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
      const expected: Record<number, [number, number][]> = {
        2018: [
          [5333241000, 5330273234],
          [15954200000, 15932581547],
          [4290600000, 4286951700],
        ],
        2019: [
          [5780350000, 5630301624],
          [48787321000, 48482166369],
          [144000000, 143500000],
        ],
        2020: [
          [5821080000, 5467163742],
          [16807366000, 16184949881],
          [3520000000, 3515087732],
        ],
        2021: [
          [6006998000, 5780720412],
          [6697773000, 6635406211],
          [200000000, 199920000],
        ],
      };
      for (const y of years.filter((x) => x.year < 2022)) {
        const satker = y.satkers[0];
        const byType = Object.fromEntries(satker.byExpenseType.map((t) => [t.type, [t.ceiling, t.realized]]));
        expect([byType.PERSONNEL, byType.GOODS, byType.CAPITAL]).toEqual(expected[y.year]);
        expect(satker.ceiling).toBe(expected[y.year].reduce((a, [c]) => a + c, 0));
        expect(satker.realized).toBe(expected[y.year].reduce((a, [, r]) => a + r, 0));
      }
      const newSatker = years.find((y) => y.year === 2022)!.satkers.find((s) => s.code === '690552')!;
      expect(newSatker).toMatchObject({ ceiling: 8179753000, realized: 8118932961 });
      expect(newSatker.byExpenseType).toEqual(
        expect.arrayContaining([
          { type: 'PERSONNEL', ceiling: 2122774000, realized: 2106024974, absorptionRate: 99.21 },
          { type: 'GOODS', ceiling: 6056979000, realized: 6012907987, absorptionRate: 99.27 },
        ]),
      );
    });

    it('BudgetPerformance: SMART, IKPA and the derived budget performance score', async () => {
      const { unit } = await run('BudgetPerformance', { unit: PADANG, year: 2022 });
      // 60% x 93.04 + 40% x 92.82 = 92.952, rounded half-up; the report prints 92.94.
      expect(unit.budget).toEqual({ smartScore: 93.04, ikpaScore: 92.82, budgetPerformanceScore: 92.95 });
    });

    it('TrainingVolume: participants 2018-2022, target and realised', async () => {
      const { unit } = await run('TrainingVolume', { unit: PADANG, from: 2018, to: 2022 });
      expect(unit.trainingVolume).toEqual([
        { year: 2018, target: 792, realized: 792 },
        { year: 2019, target: 4636, realized: 4636 },
        { year: 2020, target: 1852, realized: 1852 },
        { year: 2021, target: 2060, realized: 2090 },
        { year: 2022, target: 2790, realized: 2790 },
      ]);
    });

    it('SatisfactionSurvey: 1,508 respondents, index 91.60, grade A', async () => {
      const { unit } = await run('SatisfactionSurvey', { unit: PADANG, year: 2022 });
      const survey = unit.satisfactionSurvey;
      expect(survey).toMatchObject({ respondents: 1508, index: 91.6, grade: 'A' });
      expect(survey.byGender).toEqual(
        expect.arrayContaining([
          { key: 'FEMALE', count: 640 },
          { key: 'MALE', count: 868 },
        ]),
      );
      expect(survey.byEducation).toEqual(
        expect.arrayContaining([
          { key: 'SD', count: 18 },
          { key: 'SMP', count: 18 },
          { key: 'SMA', count: 261 },
          { key: 'DIII', count: 118 },
          { key: 'S1', count: 1025 },
          { key: 'S2', count: 68 },
        ]),
      );
    });

    it('SakipRanking: every unit best first, with the unit resolved by the training subgraph', async () => {
      const analyst = tokenFor('analyst');
      const ranking2021 = (await run('SakipRanking', { year: 2021 }, analyst)).sakipEvaluations as {
        score: number;
        category: string;
        unit: { code: string; name: string };
      }[];
      expect(ranking2021.map((r) => [r.unit.code, r.score, r.category])).toEqual([
        ['POLTEKESOS-BANDUNG', 82.03, 'A'],
        ['BBPPKS-MAKASSAR', 81.99, 'A'],
        ['BBPPKS-YOGYAKARTA', 81.38, 'A'],
        ...[
          ['BBPPKS-BANJARMASIN', 80.95, 'A'],
          ['BBPPKS-JAYAPURA', 80.95, 'A'],
        ].sort(([a], [b]) => String(a).localeCompare(String(b))),
        ['BBPPKS-BANDUNG', 80.26, 'A'],
        ['BBPPKS-PADANG', 80.07, 'A'],
        ['B2P3KS-YOGYAKARTA', 70.04, 'BB'],
      ]);
      for (const r of ranking2021) expect(r.unit.name.length).toBeGreaterThan(5);
      const ranking2020 = (await run('SakipRanking', { year: 2020 }, analyst)).sakipEvaluations as {
        score: number;
        category: string;
      }[];
      expect(ranking2020.map((r) => [r.score, r.category])).toEqual([
        [82.93, 'A'],
        [82.4, 'A'],
        [80.77, 'A'],
        [80.63, 'A'],
        [76.83, 'BB'],
        [74.86, 'BB'],
        [72.3, 'BB'],
        [72.05, 'BB'],
      ]);
    });

    more?.(() => system);
  });
}
