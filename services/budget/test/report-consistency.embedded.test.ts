import type { RunningService } from '@kesos/infra';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callers, callSubgraph, memorySqliteDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { budgetService } from '../src';

interface Figure {
  key: string;
  printed: string;
  derived: string | null;
  rule: string;
  verdict: string;
  reason: string;
}
type Answer = { _entities: { budgetFigures: Figure[] | null }[] };

const PADANG = 'BBPPKS-PADANG';
const FIGURES = `query($unit: ID!, $year: Int!) {
  _entities(representations: [{ __typename: "ReportConsistency", unit: $unit, year: $year }]) {
    ... on ReportConsistency { budgetFigures { key printed derived rule verdict reason } }
  }
}`;

/** The budget figures of the 2022 report against the seeded DIPAs, on the embedded mode's SQLite. */
describe('ReportConsistency.budgetFigures', () => {
  let running: RunningService;
  const call = (unit: string, year: number, caller = callers.viewer(PADANG)) =>
    callSubgraph<Answer>(running.url, FIGURES, { unit, year }, { caller, secret: TEST_SECRETS.internalSecret });
  const figures = async (): Promise<Map<string, Figure>> => {
    const r = await call(PADANG, 2022);
    expect(r.errors).toBeUndefined();
    return new Map((r.data!._entities[0].budgetFigures ?? []).map((f) => [f.key, f]));
  };

  beforeAll(async () => {
    running = await startService(budgetService, {
      database: await memorySqliteDatabase(budgetService),
      bus: new MemoryEventBus(),
      secrets: TEST_SECRETS,
      logger: createLogger('test', 'silent'),
      port: 0,
      host: '127.0.0.1',
      seed: true,
    });
  }, 120_000);
  afterAll(async () => running?.stop());

  it('finds the misprinted goods ceiling, the unexplained cut of 369283 and the five-year row of one satker', async () => {
    const f = await figures();
    expect(f.get('fiveYear.2022.GOODS.ceiling')).toMatchObject({
      printed: '6.056.979.00',
      derived: '6056979000',
      verdict: 'CONTRADICTION',
    });
    expect(f.get('fiveYear.2022.total.ceiling')).toMatchObject({ derived: '8179753000', verdict: 'MATCHES' });
    const parts = f.get('satker.369283.parts')!;
    expect(parts).toMatchObject({ derived: '16271598000', verdict: 'CONTRADICTION' });
    expect(parts.rule).toContain('11259910000');
    expect(f.get('satker.369283.originalCeiling')).toMatchObject({ derived: '27531508000', verdict: 'MATCHES' });
    expect(f.get('fiveYear.2022.total.ceiling.year')).toMatchObject({
      derived: '16900855000',
      verdict: 'CONTRADICTION',
    });
    expect(f.get('fiveYear.2022.total.realized.year')).toMatchObject({
      derived: String(8_713_841_838 + 8_118_932_961),
      verdict: 'CONTRADICTION',
    });
    expect(f.get('fiveYear.2019.total.absorption')).toMatchObject({ derived: '99.17', verdict: 'MATCHES' });
    expect(f.get('fiveYear.2022.CAPITAL.absorption')).toMatchObject({ derived: null, verdict: 'NOT_DERIVABLE' });
  });

  it('dates the allocation appendix against the revisions and splits the budget score into its parts', async () => {
    const f = await figures();
    expect(f.get('appendix.dated')).toMatchObject({ derived: '7550496000', verdict: 'CONTRADICTION' });
    expect(f.get('appendix.dated')!.rule).toContain('revision 1 of 2022-10-19');
    expect(f.get('revision.690552.2.ceiling')).toMatchObject({ derived: '8179753000', verdict: 'MATCHES' });
    expect(f.get('appendix.027.DN')).toMatchObject({ derived: '4628236000', verdict: 'MATCHES' });
    expect(f.get('nka.smartPart')).toMatchObject({ derived: '55.824', verdict: 'ROUNDING' });
    expect(f.get('nka.ikpaPart')).toMatchObject({ derived: '37.128', verdict: 'ROUNDING' });
    expect(f.get('nka.score')).toMatchObject({ derived: '92.95', verdict: 'ROUNDING' });
    expect(f.get('goal.SK3.absorption')).toMatchObject({ derived: '99.40', verdict: 'MATCHES' });
    expect([...f.values()].every((x) => x.reason.length > 0 && x.rule.length > 0)).toBe(true);
  });

  it('derives from the records as they are now: a later payment turns a matching realisation into a contradiction', async () => {
    const spent = await callSubgraph(
      running.url,
      `mutation($input: RecordRealizationInput!) { recordRealization(input: $input) { id } }`,
      {
        input: {
          satkerCode: '690552',
          year: 2022,
          outputCode: '6391.SCM.001',
          componentCode: '051',
          accountCode: '521211',
          date: '2022-12-29',
          amount: 1_000_000,
          documentNumber: 'SP2D-CONSISTENCY-1',
        },
      },
      { caller: callers.admin(), secret: TEST_SECRETS.internalSecret },
    );
    expect(spent.errors).toBeUndefined();
    const f = await figures();
    expect(f.get('fiveYear.2022.total.realized')).toMatchObject({
      derived: String(8_118_932_961 + 1_000_000),
      verdict: 'CONTRADICTION',
    });
    expect(f.get('satker.369283.realized')).toMatchObject({ verdict: 'MATCHES' });
  });

  it('refuses a viewer of another unit and answers no figures where no catalogue exists', async () => {
    const refused = await call(PADANG, 2022, callers.viewer('BBPPKS-BANDUNG'));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const none = await call(PADANG, 2021);
    expect(none.errors).toBeUndefined();
    expect(none.data!._entities[0].budgetFigures).toEqual([]);
    const other = await call('BBPPKS-BANDUNG', 2022, callers.analyst());
    expect(other.data!._entities[0].budgetFigures).toEqual([]);
  });
});
