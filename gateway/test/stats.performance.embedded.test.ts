import type { OperationDefinitionNode } from 'graphql';
import { Kind, parse, print } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmbeddedSystem } from '../src';
import { query, startTestGraph, tokenFor } from './support';

/** The analytics contract's performance operations, verbatim, one request each through the gateway. */
const CONTRACT = parse(readFileSync(join(__dirname, 'contract', 'analytics.graphql'), 'utf8'));
const operation = (name: string): string => {
  const op = CONTRACT.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!op) throw new Error(`the analytics contract has no operation ${name}`);
  return print(op);
};
const PADANG = 'BBPPKS-PADANG';

interface BelowTarget {
  indicatorStats: {
    rank: number;
    unit: { code: string };
    goalCode: string;
    indicatorCode: string;
    target: number;
    realization: number;
    achievement: number;
  }[];
}
interface Satisfaction {
  byUnit: { unit: { code: string }; respondents: number; index: number; grade: string }[];
  ministry: { respondents: number; index: number; grade: string }[];
}

describe('the analytics contract: indicators below target and satisfaction across units (embedded graph)', () => {
  let system: EmbeddedSystem;
  let belowTargetRows = 0;
  beforeAll(async () => {
    system = await startTestGraph();
    // The seed's 2022 indicators all reach their targets: a higher target puts SK1.1 below it.
    const raised = await query(
      system,
      `mutation { setIndicatorTarget(input: { unitCode: "${PADANG}", year: 2022, indicatorCode: "SK1.1", target: 99 }) { fromYear } }`,
      {},
      tokenFor('operator', PADANG),
    );
    expect(raised.errors).toBeUndefined();
  }, 300_000);
  afterAll(async () => system?.stop());

  it.each([2021, 2022])(
    'IndicatorsBelowTarget %i answers every role in one request, worst first, equal to Unit.performance',
    async (year) => {
      const detailed = await query<{
        units: {
          code: string;
          performance: { goals: { indicators: { code: string; achievement: number | null }[] }[] } | null;
        }[];
      }>(
        system,
        `{ units { code performance(year: ${year}) { goals { indicators { code achievement } } } } }`,
        {},
        tokenFor('analyst'),
      );
      expect(detailed.errors).toBeUndefined();
      const expected = detailed
        .data!.units.flatMap((u) =>
          (u.performance?.goals ?? []).flatMap((g) => g.indicators.map((i) => ({ unit: u.code, ...i }))),
        )
        .filter((i) => i.achievement !== null && i.achievement < 100);
      for (const token of [tokenFor('analyst'), tokenFor('viewer', PADANG), tokenFor('operator', PADANG)]) {
        const res = await query<BelowTarget>(system, operation('IndicatorsBelowTarget'), { year }, token);
        expect(res.errors).toBeUndefined();
        const rows = res.data!.indicatorStats;
        expect(rows.map((r) => `${r.unit.code} ${r.indicatorCode} ${r.achievement}`).sort()).toEqual(
          expected.map((i) => `${i.unit} ${i.code} ${i.achievement}`).sort(),
        );
        expect(rows.map((r) => r.achievement)).toEqual(rows.map((r) => r.achievement).sort((a, b) => a - b));
        if (rows.length) expect(rows[0].rank).toBe(1);
        belowTargetRows += rows.length;
      }
      // Another unit's viewer gets their own (here: none), never an error.
      const other = await query<BelowTarget>(
        system,
        operation('IndicatorsBelowTarget'),
        { year },
        tokenFor('viewer', 'BBPPKS-BANDUNG'),
      );
      expect(other.errors).toBeUndefined();
      expect(other.data!.indicatorStats.every((r) => r.unit.code === 'BBPPKS-BANDUNG')).toBe(true);
    },
  );

  it('found indicators below target (so the checks above compared rows)', () => {
    expect(belowTargetRows).toBeGreaterThan(0);
  });

  it('SatisfactionAcrossUnits gives each unit its satisfactionSurvey and the ministry total, with Unit resolved by the graph', async () => {
    const res = await query<Satisfaction>(
      system,
      operation('SatisfactionAcrossUnits'),
      { year: 2022 },
      tokenFor('analyst'),
    );
    expect(res.errors).toBeUndefined();
    const { byUnit, ministry } = res.data!;
    const detailed = await query<{
      units: { code: string; satisfactionSurvey: { respondents: number; index: number; grade: string } | null }[];
    }>(
      system,
      `{ units { code satisfactionSurvey(year: 2022) { respondents index grade } } }`,
      {},
      tokenFor('analyst'),
    );
    expect(byUnit).toEqual(
      detailed
        .data!.units.filter((u) => u.satisfactionSurvey)
        .map((u) => ({ unit: { code: u.code }, ...u.satisfactionSurvey! }))
        .sort((a, b) => a.unit.code.localeCompare(b.unit.code)),
    );
    expect(ministry).toHaveLength(1);
    expect(ministry[0].respondents).toBe(byUnit.reduce((a, r) => a + r.respondents, 0));
    // The unit's name comes from training, through the gateway.
    const named = await query<{ surveyStats: { unit: { code: string; name: string } }[] }>(
      system,
      `{ surveyStats(groupBy: [UNIT]) { unit { code name } } }`,
      {},
      tokenFor('viewer', PADANG),
    );
    expect(named.errors).toBeUndefined();
    expect(named.data!.surveyStats.map((r) => r.unit.code)).toEqual([PADANG]);
    expect(named.data!.surveyStats[0].unit.name.length).toBeGreaterThan(0);
  });
});
