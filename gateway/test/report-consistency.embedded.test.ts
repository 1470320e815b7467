import type { EmbeddedSystem } from '../src';
import { query, startTestGraph, tokenFor } from './support';

const PADANG = 'BBPPKS-PADANG';

interface Figure {
  key: string;
  chapter: string;
  table: string;
  row: string;
  label: string;
  printed: string;
  derived: string | null;
  rule: string;
  verdict: string;
  reason: string;
}
interface Answer {
  reportConsistency: {
    unit: string;
    year: number;
    performanceFigures: Figure[];
    budgetFigures: Figure[] | null;
    trainingFigures: Figure[] | null;
    summary: { matches: number; rounding: number; contradiction: number; reinterpreted: number; notDerivable: number };
  };
}

const FIGURE = 'key chapter table row label printed derived rule verdict reason';
const REPORT = `query Report($unit: ID!, $year: Int!) {
  reportConsistency(unit: $unit, year: $year) {
    unit year
    performanceFigures { ${FIGURE} }
    budgetFigures { ${FIGURE} }
    trainingFigures { ${FIGURE} }
    summary { matches rounding contradiction reinterpreted notDerivable }
  }
}`;

/** What issue 12 (part 2) names, each with the verdict the records give it today. */
const ISSUE_ITEMS: [key: string, printed: string, derived: string, verdict: string][] = [
  ['fiveYear.2022.GOODS.ceiling', '6.056.979.00', '6056979000', 'CONTRADICTION'],
  ['satker.369283.parts', 'Rp.27.531.508.000,-', '16271598000', 'CONTRADICTION'],
  ['fiveYear.2022.total.realized.year', '8.118.932.961', '16832774799', 'CONTRADICTION'],
  ['fiveYear.2022.total.ceiling.year', '8.179.753.000', '16900855000', 'CONTRADICTION'],
  ['appendix.dated', '4,628,236,000 + 3,551,517,000 (Jakarta, Oktober 2022)', '7550496000', 'CONTRADICTION'],
  ['formula.SK2.1', '97,05%', '3294.32', 'CONTRADICTION'],
  ['text.certification.achieved', '2.987 orang', '2899', 'CONTRADICTION'],
  ['formula.SK4.1', '100 %', '522.50', 'CONTRADICTION'],
  ['survey.formula', 'Nilai IKM', '91.60', 'REINTERPRETED'],
  ['text.SK1.1.realization', '85 %', '84.65', 'ROUNDING'],
  ['text.SK1.1.overTarget', 'melebihi sebesar 12%', '15.96', 'CONTRADICTION'],
  ['text.SK2.1.overTarget', 'kelebihan sebesar 15,05%', '18.35', 'CONTRADICTION'],
  ['text.efficiency.goals', '2 (dua) sasaran', '6', 'CONTRADICTION'],
  ['nka.smartPart', '55,82', '55.824', 'ROUNDING'],
  ['nka.ikpaPart', '37,12', '37.128', 'ROUNDING'],
  ['survey.responseRate', '54,05%', '54.05', 'MATCHES'],
];

describe('reportConsistency through the gateway (embedded graph)', () => {
  let system: EmbeddedSystem;
  const report = (unit: string, year: number, token: string) => query<Answer>(system, REPORT, { unit, year }, token);

  beforeAll(async () => {
    system = await startTestGraph();
  }, 300_000);
  afterAll(async () => system?.stop());

  it("joins the three subgraphs' figures of BBPPKS Padang 2022, with the items of issue 12 and their verdicts", async () => {
    const r = await report(PADANG, 2022, tokenFor('viewer', PADANG));
    expect(r.errors).toBeUndefined();
    const answer = r.data!.reportConsistency;
    const all = [...answer.performanceFigures, ...(answer.budgetFigures ?? []), ...(answer.trainingFigures ?? [])];
    expect(answer.budgetFigures?.length).toBeGreaterThan(40);
    expect(answer.trainingFigures?.length).toBeGreaterThan(20);
    const byKey = new Map(all.map((f) => [f.key, f]));
    expect(byKey.size).toBe(all.length);
    for (const [key, printed, derived, verdict] of ISSUE_ITEMS) {
      const f = byKey.get(key);
      expect({ key, printed: f?.printed.slice(0, printed.length), derived: f?.derived, verdict: f?.verdict }).toEqual({
        key,
        printed,
        derived,
        verdict,
      });
    }
    // Derived from the training subgraph's events, which reached the performance subgraph through the bus.
    expect(byKey.get('indicator.SK1.1.2022.achievement')).toMatchObject({ derived: '115.96', verdict: 'ROUNDING' });
    expect(byKey.get('indicator.SK2.1.2022.lastColumn')).toMatchObject({ derived: '118.35', verdict: 'CONTRADICTION' });
    expect(byKey.get('goal.SK2.2022.achievement')).toMatchObject({ derived: '110.72', verdict: 'CONTRADICTION' });
    expect(byKey.get('indicator.SK1.1.2021.realization')).toMatchObject({ derived: null, verdict: 'NOT_DERIVABLE' });
    expect(byKey.get('fiveYear.2022.total.realized')).toMatchObject({ derived: '8118932961', verdict: 'MATCHES' });
    for (const f of all)
      for (const field of ['chapter', 'table', 'row', 'label', 'rule', 'reason'] as const)
        expect(f[field]).not.toBe('');
    const s = answer.summary;
    expect(s.matches + s.rounding + s.contradiction + s.reinterpreted + s.notDerivable).toBe(
      answer.performanceFigures.length,
    );
    expect(s.notDerivable).toBe(4);
  });

  it('refuses a viewer of another unit and answers empty lists for a unit and year without a catalogue', async () => {
    const refused = await report(PADANG, 2022, tokenFor('viewer', 'BBPPKS-BANDUNG'));
    expect(refused.data?.reportConsistency ?? null).toBeNull();
    expect(refused.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    const none = await report('BBPPKS-BANDUNG', 2022, tokenFor('viewer', 'BBPPKS-BANDUNG'));
    expect(none.errors).toBeUndefined();
    expect(none.data!.reportConsistency).toMatchObject({
      performanceFigures: [],
      budgetFigures: [],
      trainingFigures: [],
      summary: { matches: 0, rounding: 0, contradiction: 0, reinterpreted: 0, notDerivable: 0 },
    });
    const earlier = await report(PADANG, 2021, tokenFor('analyst'));
    expect(earlier.errors).toBeUndefined();
    expect(earlier.data!.reportConsistency.budgetFigures).toEqual([]);
  });
});
