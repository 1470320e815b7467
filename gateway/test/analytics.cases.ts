import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSynthetic } from '../../scripts/src/synthetic.generator';
import { exportFile, parseCsv, readWorkbook, sheetValues } from './export.support';
import type { TestGraph } from './support';
import { query, tokenFor } from './support';

/**
 * The analysts' contract: every operation of `contract/analytics.graphql` (a verbatim copy of the
 * shared contract) runs unchanged through the gateway in one request, for every role, and its
 * statistics never disagree with the detailed API (`trainingVolume`, `budget(year)`,
 * `performance(year)`, `satisfactionSurvey`). The seed's unit is joined by one generated unit so
 * that "every unit" means more than one.
 */
const ANALYTICS = readFileSync(join(__dirname, 'contract', 'analytics.graphql'), 'utf8');
const PADANG = 'BBPPKS-PADANG';
const OTHER = 'BBPPKS-BANDUNG';
const YEAR = 2022;

// Response shapes are asserted field by field below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;
type Row = Record<string, unknown> & { unit?: { code: string; name?: string } | null; rank?: number | null };

const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

/** 1-based competition ranks of values already in order: equal values share a rank, the next skips. */
function competitionRanks(values: (number | null)[]): number[] {
  const ranks: number[] = [];
  values.forEach((v, i) => ranks.push(i > 0 && values[i - 1] === v ? ranks[i - 1] : i + 1));
  return ranks;
}

export interface AnalyticsGraph extends TestGraph {
  settle(): Promise<void>;
}

export function describeAnalytics<G extends AnalyticsGraph>(mode: string, start: () => Promise<G>): void {
  describe(`analytics contract: statistics in one request, agreeing with the detailed API (${mode})`, () => {
    let system: G;
    const run = async (operationName: string, variables: Record<string, unknown>, token: string): Promise<Data> => {
      const result = await query<Data>(system, ANALYTICS, variables, token, operationName);
      expect({ operationName, errors: result.errors }).toEqual({ operationName, errors: undefined });
      return result.data!;
    };
    const detail = async (source: string, variables: Record<string, unknown> = {}): Promise<Data> => {
      const result = await query<Data>(system, source, variables, tokenFor('analyst'));
      expect(result.errors).toBeUndefined();
      return result.data!;
    };
    const analyst = () => tokenFor('analyst');

    beforeAll(async () => {
      system = await start();
      const admin = tokenFor('admin');
      await generateSynthetic(
        async (source, variables) => {
          const r = await query<Data>(system, source, variables, admin);
          if (r.errors) throw new Error(JSON.stringify(r.errors));
          return r.data;
        },
        { units: [OTHER], years: [2021, YEAR], scale: 1 },
      );
      await system.settle();
    }, 600_000);
    afterAll(async () => system?.stop());

    it('TrainingByUnitYear: one row per unit and year, graduates equal to trainingVolume', async () => {
      const { trainingStats } = await run('TrainingByUnitYear', { from: 2021, to: YEAR }, analyst());
      const rows = trainingStats as Row[];
      const units = [...new Set(rows.map((r) => r.unit!.code))].sort();
      expect(units).toEqual(expect.arrayContaining([OTHER, PADANG]));
      for (const code of units) {
        const { unit } = await detail(
          `query($u: ID!) { unit(code: $u) { name trainingVolume(fromYear: 2021, toYear: ${YEAR}) { year realized } } }`,
          { u: code },
        );
        for (const { year, realized } of unit.trainingVolume as { year: number; realized: number }[]) {
          const row = rows.find((r) => r.unit!.code === code && r.year === year);
          expect({ code, year, graduated: row?.graduated ?? 0 }).toEqual({ code, year, graduated: realized });
        }
      }
      for (const r of rows) {
        const { enrolled, graduated, failed, droppedOut, participants, graduationRate } = r as Record<string, number>;
        expect(r.unit!.name).toBeTruthy();
        expect(graduated + failed + droppedOut).toBeLessThanOrEqual(enrolled);
        expect(participants).toBeLessThanOrEqual(enrolled);
        expect(participants).toBeGreaterThan(0);
        expect(graduationRate).toBe(round2((graduated / enrolled) * 100));
        expect(r.rank ?? null).toBeNull();
      }
    });

    it('GraduatesByProgrammeGenderEducation: the parts add up to the unit-year totals', async () => {
      const { trainingStats: parts } = await run('GraduatesByProgrammeGenderEducation', { year: YEAR }, analyst());
      const { trainingStats: totals } = await run('TrainingByUnitYear', { from: YEAR, to: YEAR }, analyst());
      for (const total of totals as Row[]) {
        const mine = (parts as Row[]).filter((p) => p.unit!.code === total.unit!.code);
        expect(mine.length).toBeGreaterThan(0);
        for (const p of mine) {
          expect(p.programmeCode).toEqual(expect.any(String));
          expect(p.gender).toEqual(expect.any(String));
          expect(p.graduated).toBeGreaterThan(0);
        }
        expect(mine.reduce((sum, p) => sum + (p.graduated as number), 0)).toBe(total.graduated);
      }
    });

    it('BudgetAbsorptionRanking: each unit as budget(year) answers it, ranked best first', async () => {
      const { budgetStats } = await run('BudgetAbsorptionRanking', { year: YEAR }, analyst());
      const rows = budgetStats as Row[];
      expect(rows.map((r) => r.unit!.code)).toEqual(expect.arrayContaining([OTHER, PADANG]));
      for (const r of rows) {
        const { unit } = await detail(
          `query($u: ID!) { unit(code: $u) { name budget(year: ${YEAR}) { ceiling realized absorptionRate } } }`,
          { u: r.unit!.code },
        );
        expect({
          code: r.unit!.code,
          name: r.unit!.name,
          ceiling: r.ceiling,
          realized: r.realized,
          rate: r.absorptionRate,
        }).toEqual({
          code: r.unit!.code,
          name: unit.name,
          ceiling: unit.budget.ceiling,
          realized: unit.budget.realized,
          rate: unit.budget.absorptionRate,
        });
      }
      const rates = rows.map((r) => r.absorptionRate as number | null);
      expect([...rates].sort((a, b) => (b ?? -1) - (a ?? -1))).toEqual(rates);
      expect(rows.map((r) => r.rank)).toEqual(competitionRanks(rates));
    });

    it("MonthlyRealization: month by expense type, adding up to every unit's byMonth and byExpenseType", async () => {
      const { budgetStats } = await run('MonthlyRealization', { year: YEAR }, analyst());
      const rows = budgetStats as { month: number; expenseType: string; realized: number }[];
      const { units } = await detail(
        `{ units { code budget(year: ${YEAR}) { realized byMonth { month realized } byExpenseType { type realized } } } }`,
      );
      const byMonth = new Map<number, number>();
      const byType = new Map<string, number>();
      let total = 0;
      for (const u of units as Data[]) {
        if (!u.budget) continue;
        total += u.budget.realized as number;
        for (const m of u.budget.byMonth as { month: number; realized: number }[])
          byMonth.set(m.month, (byMonth.get(m.month) ?? 0) + m.realized);
        for (const t of u.budget.byExpenseType as { type: string; realized: number }[])
          byType.set(t.type, (byType.get(t.type) ?? 0) + t.realized);
      }
      const sumBy = <K>(key: (r: (typeof rows)[number]) => K) => {
        const m = new Map<K, number>();
        for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + r.realized);
        return m;
      };
      expect(rows.reduce((s, r) => s + r.realized, 0)).toBe(total);
      const months = sumBy((r) => r.month);
      for (const [month, realized] of byMonth)
        expect({ month, realized: months.get(month) ?? 0 }).toEqual({ month, realized });
      const types = sumBy((r) => r.expenseType);
      for (const [type, realized] of byType)
        expect({ type, realized: types.get(type) ?? 0 }).toEqual({ type, realized });
    });

    it('IndicatorsBelowTarget: exactly the indicators performance(year) shows below target, worst first', async () => {
      const { indicatorStats } = await run('IndicatorsBelowTarget', { year: YEAR }, analyst());
      const rows = indicatorStats as Row[];
      const { units } = await detail(
        `{ units { code performance(year: ${YEAR}) { goals { code indicators { code target realization achievement } } } } }`,
      );
      const expected: string[] = [];
      for (const u of units as Data[])
        for (const g of (u.performance?.goals ?? []) as Data[])
          for (const i of g.indicators as Data[]) {
            if (i.achievement === null || i.achievement >= 100) continue;
            expected.push(`${u.code} ${g.code} ${i.code} ${i.target} ${i.realization} ${i.achievement}`);
          }
      const seen = rows.map(
        (r) =>
          `${r.unit!.code} ${String(r.goalCode)} ${String(r.indicatorCode)} ${String(r.target)} ${String(r.realization)} ${String(r.achievement)}`,
      );
      expect([...seen].sort()).toEqual([...expected].sort());
      const achievements = rows.map((r) => r.achievement as number);
      expect([...achievements].sort((a, b) => a - b)).toEqual(achievements);
      expect(rows.map((r) => r.rank)).toEqual(competitionRanks(achievements));
    });

    it('SatisfactionAcrossUnits: per unit as satisfactionSurvey answers, and the ministry over all responses', async () => {
      const { byUnit, ministry } = await run('SatisfactionAcrossUnits', { year: YEAR }, analyst());
      const rows = byUnit as Row[];
      expect(rows.map((r) => r.unit!.code)).toEqual(expect.arrayContaining([OTHER, PADANG]));
      let weighted = 0;
      for (const r of rows) {
        const { unit } = await detail(
          `query($u: ID!) { unit(code: $u) { satisfactionSurvey(year: ${YEAR}) { respondents index grade } } }`,
          { u: r.unit!.code },
        );
        expect({ respondents: r.respondents, index: r.index, grade: r.grade }).toEqual(unit.satisfactionSurvey);
        weighted += (r.respondents as number) * (r.index as number);
      }
      expect(ministry).toHaveLength(1);
      const total = rows.reduce((s, r) => s + (r.respondents as number), 0);
      expect(ministry[0].respondents).toBe(total);
      // The index is linear in the responses' scores, so the ministry's is the respondent-weighted
      // mean of the units' (each rounded to 2 decimals, hence the tolerance).
      expect(Math.abs(ministry[0].index - weighted / total)).toBeLessThanOrEqual(0.01);
      expect(ministry[0].grade).toEqual(expect.any(String));
    });

    it('exports the operations through /export: XLSX a sheet per list, CSV the first, the same figures', async () => {
      const answer = await run('SatisfactionAcrossUnits', { year: YEAR }, analyst());
      const xlsx = await exportFile(system, 'xlsx', ANALYTICS, {
        operationName: 'SatisfactionAcrossUnits',
        variables: { year: YEAR },
        token: analyst(),
      });
      expect(xlsx.status).toBe(200);
      const workbook = await readWorkbook(xlsx.body);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['byUnit', 'ministry']);
      const byUnit = sheetValues(workbook.getWorksheet('byUnit')!);
      expect(byUnit[0]).toEqual(['unit.code', 'respondents', 'index', 'grade']);
      expect(byUnit.slice(1)).toEqual(
        (answer.byUnit as Row[]).map((r) => [r.unit!.code, r.respondents, r.index, r.grade]),
      );
      expect(sheetValues(workbook.getWorksheet('ministry')!).slice(1)).toEqual([
        [answer.ministry[0].respondents, answer.ministry[0].index, answer.ministry[0].grade],
      ]);

      const ranking = await run('BudgetAbsorptionRanking', { year: YEAR }, analyst());
      const csv = await exportFile(system, 'csv', ANALYTICS, {
        operationName: 'BudgetAbsorptionRanking',
        variables: { year: YEAR },
        token: analyst(),
      });
      expect(csv.status).toBe(200);
      const rows = parseCsv(csv.body.toString('utf8').replace(/^\uFEFF/, ''));
      expect(rows[0]).toEqual(['rank', 'unit.code', 'unit.name', 'ceiling', 'realized', 'absorptionRate']);
      expect(rows.slice(1).map((r) => [Number(r[0]), r[1], Number(r[3]), Number(r[4]), Number(r[5])])).toEqual(
        (ranking.budgetStats as Row[]).map((r) => [r.rank, r.unit!.code, r.ceiling, r.realized, r.absorptionRate]),
      );
    });

    it("gives a viewer or operator their own unit's rows only, never an error", async () => {
      const ops: [string, Record<string, unknown>][] = [
        ['TrainingByUnitYear', { from: 2021, to: YEAR }],
        ['GraduatesByProgrammeGenderEducation', { year: YEAR }],
        ['BudgetAbsorptionRanking', { year: YEAR }],
        ['IndicatorsBelowTarget', { year: YEAR }],
        ['SatisfactionAcrossUnits', { year: YEAR }],
      ];
      const withoutRank = (rows: Row[]) => rows.map(({ rank: _rank, ...rest }) => rest);
      for (const [op, variables] of ops) {
        const all = await run(op, variables, analyst());
        for (const token of [tokenFor('viewer', PADANG), tokenFor('operator', PADANG)]) {
          const data = await run(op, variables, token);
          for (const [field, rows] of Object.entries(data)) {
            if (field === 'ministry') continue;
            // Exactly the analyst's rows of the caller's own unit (ranks are among their own rows).
            const own = (all[field] as Row[]).filter((r) => r.unit!.code === PADANG);
            expect({ op, field, rows: withoutRank(rows as Row[]) }).toEqual({ op, field, rows: withoutRank(own) });
          }
        }
      }
      // The viewer's ministry row and monthly totals are their own unit's.
      const own = await run('SatisfactionAcrossUnits', { year: YEAR }, tokenFor('viewer', PADANG));
      expect(own.ministry).toEqual([
        { respondents: own.byUnit[0].respondents, index: own.byUnit[0].index, grade: own.byUnit[0].grade },
      ]);
      const { budgetStats } = await run('MonthlyRealization', { year: YEAR }, tokenFor('viewer', PADANG));
      const { unit } = await detail(`{ unit(code: "${PADANG}") { budget(year: ${YEAR}) { realized } } }`);
      expect((budgetStats as { realized: number }[]).reduce((s, r) => s + r.realized, 0)).toBe(unit.budget.realized);
    });
  });
}
