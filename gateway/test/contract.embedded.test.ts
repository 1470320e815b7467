import { describeContract } from './contract.cases';
import { query, startTestGraph, tokenFor } from './support';

type Indicator = {
  code: string;
  numerator: number | null;
  denominator: number | null;
  realization: number | null;
  quarters: { quarter: number; numerator: number; denominator: number; realization: number | null }[];
};

describeContract('embedded mode: SQLite, in-process bus', startTestGraph, (graph) => {
  it("shows 2022 quarter by quarter from the seeded records' dates, ending where the year ends", async () => {
    const res = await query<{ unit: { performance: { goals: { indicators: Indicator[] }[] } } }>(
      graph(),
      `{ unit(code: "BBPPKS-PADANG") { performance(year: 2022) { goals { indicators { code numerator denominator realization quarters { quarter numerator denominator realization } } } } } }`,
      {},
      tokenFor('viewer', 'BBPPKS-PADANG'),
    );
    expect(res.errors).toBeUndefined();
    const byCode = Object.fromEntries(
      res.data!.unit.performance.goals.flatMap((g) => g.indicators).map((i) => [i.code, i]),
    );
    // Accreditation visits ran from July: nothing in the first half, the whole year by December.
    expect(byCode['SK1.1'].quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
    expect(byCode['SK1.1'].quarters.slice(0, 2).map((q) => q.denominator)).toEqual([0, 0]);
    expect(byCode['SK1.1'].quarters[3]).toMatchObject({ numerator: 171, denominator: 202, realization: 84.65 });
    for (const code of ['SK1.1', 'SK2.1', 'SK2.2', 'SK3.1', 'SK4.1']) {
      const { quarters, numerator, denominator } = byCode[code];
      expect(quarters).toHaveLength(4);
      for (let q = 1; q < 4; q++) expect(quarters[q].numerator).toBeGreaterThanOrEqual(quarters[q - 1].numerator);
      expect(quarters[3].numerator).toBeLessThanOrEqual(numerator!);
      expect(quarters[3].denominator).toBeLessThanOrEqual(denominator!);
    }
    for (const code of ['SK5.1', 'SK5.2', 'SK6.1']) expect(byCode[code].quarters).toEqual([]);
  });
});
