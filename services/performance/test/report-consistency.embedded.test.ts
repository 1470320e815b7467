import type { RunningService } from '@kesos/infra';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callers, callSubgraph, memorySqliteDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { randomUUID } from 'node:crypto';
import { performanceService } from '../src';
import { PADANG } from './support';

interface Figure {
  key: string;
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
    summary: { matches: number; rounding: number; contradiction: number; reinterpreted: number; notDerivable: number };
  };
}

const REPORT = `query($unit: ID!, $year: Int!) {
  reportConsistency(unit: $unit, year: $year) {
    unit year
    performanceFigures { key printed derived rule verdict reason }
    summary { matches rounding contradiction reinterpreted notDerivable }
  }
}`;

/**
 * The performance figures of the 2022 report on the embedded mode's SQLite, the subgraph alone:
 * the seeded plan, entries and survey are here, the other subgraphs' events only when a test publishes them.
 */
describe('reportConsistency in the performance subgraph', () => {
  let running: RunningService;
  const bus = new MemoryEventBus();
  const call = (unit: string, year: number, caller = callers.viewer(PADANG)) =>
    callSubgraph<Answer>(running.url, REPORT, { unit, year }, { caller, secret: TEST_SECRETS.internalSecret });
  const figures = async (): Promise<{ byKey: Map<string, Figure>; answer: Answer['reportConsistency'] }> => {
    const r = await call(PADANG, 2022);
    expect(r.errors).toBeUndefined();
    const answer = r.data!.reportConsistency;
    return { byKey: new Map(answer.performanceFigures.map((f) => [f.key, f])), answer };
  };

  beforeAll(async () => {
    running = await startService(performanceService, {
      database: await memorySqliteDatabase(performanceService),
      bus,
      secrets: TEST_SECRETS,
      logger: createLogger('test', 'silent'),
      port: 0,
      host: '127.0.0.1',
      seed: true,
    });
  }, 120_000);
  afterAll(async () => {
    await running?.stop();
    await bus.close();
  });

  it('judges the survey, the plan and the text against the seeded records; the summary counts them', async () => {
    const { byKey: f, answer } = await figures();
    expect(answer).toMatchObject({ unit: PADANG, year: 2022 });
    expect(f.get('survey.formula')).toMatchObject({ derived: '91.60', verdict: 'REINTERPRETED' });
    expect(f.get('survey.formula')!.reason).toContain('Permenpan RB 14/2017');
    expect(f.get('survey.respondents')).toMatchObject({ derived: '1508', verdict: 'MATCHES' });
    expect(f.get('survey.female')).toMatchObject({ derived: '640', verdict: 'MATCHES' });
    expect(f.get('text.efficiency.goals')).toMatchObject({
      printed: '2 (dua) sasaran',
      derived: '6',
      verdict: 'CONTRADICTION',
    });
    expect(f.get('closing.indicators')).toMatchObject({ derived: '8', verdict: 'MATCHES' });
    expect(f.get('indicator.SK5.1.2022.lastColumn')).toMatchObject({ derived: '106.76', verdict: 'CONTRADICTION' });
    expect(f.get('indicator.SK5.2.2021.achievement')).toMatchObject({ derived: '106.33', verdict: 'CONTRADICTION' });
    // No training or budget event has arrived: what rests on them is not derivable yet.
    expect(f.get('indicator.SK5.2.2022.realization')).toMatchObject({ derived: null, verdict: 'NOT_DERIVABLE' });
    expect(f.get('survey.responseRate')).toMatchObject({ derived: null, verdict: 'NOT_DERIVABLE' });
    const s = answer.summary;
    expect(s.matches + s.rounding + s.contradiction + s.reinterpreted + s.notDerivable).toBe(
      answer.performanceFigures.length,
    );
    expect(s.reinterpreted).toBe(1);
    expect(s.contradiction).toBe(answer.performanceFigures.filter((x) => x.verdict === 'CONTRADICTION').length);
  });

  it('derives from the events as they arrive: the budget score makes SK5.2 a rounding of the printed 92.94', async () => {
    await bus.publish({
      id: randomUUID(),
      type: 'budget.performance.scored',
      unit: PADANG,
      occurredAt: new Date().toISOString(),
      version: 1,
      data: { year: 2022, smartScore: 93.04, ikpaScore: 92.82, budgetPerformanceScore: 92.95 },
    });
    await bus.drain();
    const { byKey: f } = await figures();
    expect(f.get('indicator.SK5.2.2022.realization')).toMatchObject({
      printed: '92,94',
      derived: '92.95',
      verdict: 'ROUNDING',
    });
    expect(f.get('closing.SK5.2')).toMatchObject({ derived: '92.95', verdict: 'ROUNDING' });
    expect(f.get('goal.SK5.2022.achievement')).toMatchObject({ derived: '115.35', verdict: 'ROUNDING' });
  });

  it('refuses a viewer of another unit and a year out of range, and answers no figures where no catalogue exists', async () => {
    const refused = await call(PADANG, 2022, callers.viewer('BBPPKS-BANDUNG'));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badYear = await call(PADANG, 1800);
    expect(badYear.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    const none = await call('BBPPKS-BANDUNG', 2022, callers.viewer('BBPPKS-BANDUNG'));
    expect(none.errors).toBeUndefined();
    expect(none.data!.reportConsistency).toMatchObject({
      performanceFigures: [],
      summary: { matches: 0, rounding: 0, contradiction: 0, reinterpreted: 0, notDerivable: 0 },
    });
  });
});
