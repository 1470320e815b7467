import type { RunningService } from '@kesos/infra';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callers, callSubgraph, memorySqliteDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { randomUUID } from 'node:crypto';
import { performanceService } from '../src';
import type { IndicatorRow, SurveyRow } from './stats.support';
import { detailedFigures, indexByHand, INDICATOR_STATS, prng, randomResponses, SURVEY_STATS } from './stats.support';
import { PADANG, UNITS } from './support';

const BANDUNG = 'BBPPKS-BANDUNG';
const YEARS = [2020, 2021, 2022, 2023, 2024];

/** The embedded mode (SQLite, in-process bus) answers the statistics the same way. */
describe('indicatorStats and surveyStats in the embedded mode (SQLite)', () => {
  let running: RunningService;
  const bus = new MemoryEventBus();
  const call = (query: string, variables: Record<string, unknown> = {}, caller = callers.analyst()) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are untyped JSON, read field by field
    callSubgraph<Record<string, any>>(running.url, query, variables, { caller, secret: TEST_SECRETS.internalSecret });
  const ok = async (query: string, variables: Record<string, unknown> = {}, caller = callers.analyst()) => {
    const res = await call(query, variables, caller);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  beforeAll(async () => {
    const database = await memorySqliteDatabase(performanceService);
    running = await startService(performanceService, {
      database,
      bus,
      secrets: TEST_SECRETS,
      logger: createLogger('test', 'silent'),
      port: 0,
      host: '127.0.0.1',
      seed: true,
    });
    for (const code of UNITS)
      await bus.publish({
        id: randomUUID(),
        type: 'training.unit.registered',
        unit: code,
        occurredAt: new Date().toISOString(),
        version: 1,
        data: { code, name: `Unit ${code}` },
      });
    await bus.drain();
    await ok(
      `mutation { adoptStrategicPlan(input: { unitCode: "${BANDUNG}", templateUnitCode: "${PADANG}", year: 2022 }) { fromYear } }`,
      {},
      callers.admin(),
    );
    await ok(
      `mutation { enterIndicatorRealization(input: { unitCode: "${BANDUNG}", year: 2022, indicatorCode: "SK5.1", value: 71.5 }) { code } }`,
      {},
      callers.admin(),
    );
    await ok(
      `mutation($r: [SurveyResponseInput!]!) { importSurveyResponses(unitCode: "${BANDUNG}", year: 2022, responses: $r) { imported } }`,
      { r: randomResponses(prng(3), 200) },
      callers.operator(BANDUNG),
    );
  });
  afterAll(async () => {
    await running?.stop();
    await bus.close();
  });

  it('equals Unit.performance and Unit.satisfactionSurvey for every unit and year', async () => {
    const { indicators, surveys } = await detailedFigures((q, v) => call(q, v), UNITS, YEARS);
    expect(indicators.length).toBe(2 * 5 * 8);
    const rows = (await ok(INDICATOR_STATS)).indicatorStats as IndicatorRow[];
    expect(rows.map(({ rank: _rank, ...r }) => r)).toEqual(indicators);
    const groups = (await ok(SURVEY_STATS, { groupBy: ['UNIT', 'YEAR'] })).surveyStats as SurveyRow[];
    expect(groups.map(({ rank: _rank, ...r }) => r)).toEqual(surveys);
  });

  it('gives the ministry index over all responses, and scopes a viewer to their unit', async () => {
    const raw: { n: number; total: number }[] = await running.dataSource.query(
      'SELECT COUNT(*) AS n, SUM(u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9) AS total FROM survey_response WHERE year = 2022',
    );
    const [ministry] = (await ok(SURVEY_STATS, { filter: { fromYear: 2022, toYear: 2022 }, groupBy: [] }))
      .surveyStats as SurveyRow[];
    expect(ministry).toMatchObject({ respondents: 1708, index: indexByHand(raw[0].total, raw[0].n) });
    const below = (
      await ok(
        INDICATOR_STATS,
        {
          filter: { fromYear: 2022, toYear: 2022, belowTarget: true },
          orderBy: [{ field: 'ACHIEVEMENT', direction: 'ASC' }],
        },
        callers.viewer(BANDUNG),
      )
    ).indicatorStats as IndicatorRow[];
    expect(below.length).toBeGreaterThan(0);
    expect(below.every((r) => r.unitCode === BANDUNG && r.achievement! < 100)).toBe(true);
    expect(below[0].rank).toBe(1);
    const own = (await ok(SURVEY_STATS, {}, callers.viewer(BANDUNG))).surveyStats as SurveyRow[];
    expect(own.map((r) => r.respondents)).toEqual([200]);
  });
});
