import { accreditationDecidedV1, EventContractError, type ProvenanceSummary } from '@kesos/infra';
import { callers, freshMysqlDatabase, type TestDatabase } from '@kesos/infra/testing';
import { randomUUID } from 'node:crypto';
import { performanceService } from '../src';
import { performanceMigrations } from '../src/migrations';
import { Provenance1796221402279 } from '../src/migrations/1796221402279-Provenance';
import { SurveyDemographicProvenance1796500000000 } from '../src/migrations/1796500000000-SurveyDemographicProvenance';
import { accreditationConsumer } from '../src/realization/realization.consumer';
import { MetricCounterEntity } from '../src/realization/realization.entity';
import { recomputeCounters } from '../src/realization/realization.service';
import type { TestService } from './support';
import { PADANG, registerUnits, startTestService } from './support';

const EVIDENCE = 'evidence { operational reported reconstructed synthetic records weakest }';

interface Indicator {
  code: string;
  realization: number | null;
  realizationSource: string;
  matchesPublished: boolean | null;
  evidence: ProvenanceSummary;
}
interface GoalRow {
  code: string;
  evidence: ProvenanceSummary;
  indicators: Indicator[];
}

const PERFORMANCE = `query($unit: ID!, $year: Int!) {
  _entities(representations: [{ __typename: "Unit", code: $unit }]) {
    ... on Unit { performance(year: $year) { goals { code ${EVIDENCE} indicators { code realization realizationSource matchesPublished ${EVIDENCE} } } } }
  }
}`;

const none = { operational: 0, reported: 0, reconstructed: 0, synthetic: 0 };

describe('provenance of performance records and the evidence of indicators (MariaDB + NATS)', () => {
  let s: TestService;
  const goals = async (year: number): Promise<GoalRow[]> => {
    const r = await s.call<{ _entities: { performance: { goals: GoalRow[] } }[] }>(PERFORMANCE, { unit: PADANG, year });
    expect(r.errors).toBeUndefined();
    return r.data!._entities[0].performance.goals;
  };
  const indicator = async (year: number, code: string) =>
    (await goals(year)).flatMap((g) => g.indicators).find((i) => i.code === code)!;
  const byProvenance = async (table: string): Promise<Record<string, number>> => {
    const rows: { provenance: string; n: number | string }[] = await s.running.dataSource.query(
      `SELECT provenance, COUNT(*) AS n FROM \`${table}\` GROUP BY provenance`,
    );
    return Object.fromEntries(rows.map((r) => [r.provenance, Number(r.n)]));
  };

  beforeAll(async () => {
    s = await startTestService('provenance');
    await registerUnits(s);
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('the seed: what the report prints is REPORTED, the answer sheets made up to its IKM totals RECONSTRUCTED', async () => {
    expect(await byProvenance('strategic_plan')).toEqual({ REPORTED: 1 });
    expect(await byProvenance('performance_agreement')).toEqual({ REPORTED: 2 });
    expect(Object.keys(await byProvenance('agreement_item'))).toEqual(['REPORTED']);
    expect(Object.keys(await byProvenance('sakip_evaluation'))).toEqual(['REPORTED']);
    expect(await byProvenance('realization_entry')).toEqual({ REPORTED: 5 });
    expect(await byProvenance('survey_response')).toEqual({ RECONSTRUCTED: 1508 });
    // 2023 and 2024 repeat 2022's targets, which the report does not print.
    const targets: { year: number; provenance: string }[] = await s.running.dataSource.query(
      'SELECT DISTINCT year, provenance FROM indicator_target ORDER BY year',
    );
    expect(targets.filter((t) => t.year >= 2023).map((t) => t.provenance)).toEqual(['RECONSTRUCTED', 'RECONSTRUCTED']);
    expect(new Set(targets.filter((t) => t.year <= 2022).map((t) => t.provenance))).toEqual(new Set(['REPORTED']));
  });

  it('the 2022 IKM matches the report, and its evidence says the match is by construction', async () => {
    const r = await s.call<{
      _entities: { satisfactionSurvey: { respondents: number; evidence: ProvenanceSummary } }[];
    }>(
      `query { _entities(representations: [{ __typename: "Unit", code: "${PADANG}" }]) { ... on Unit { satisfactionSurvey(year: 2022) { respondents ${EVIDENCE} } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const sheets = { ...none, reconstructed: 1508, records: 1508, weakest: 'RECONSTRUCTED' };
    expect(r.data!._entities[0].satisfactionSurvey.evidence).toEqual(sheets);
    expect(await indicator(2022, 'SK6.1')).toMatchObject({
      realizationSource: 'DERIVED',
      matchesPublished: true,
      evidence: sheets,
    });
    // The analysts' statistics say the same, read from the sums per gender and education.
    const stats = await s.call<{
      surveyStats: { respondents: number; evidence: ProvenanceSummary }[];
      women: { respondents: number; evidence: ProvenanceSummary }[];
      indicatorStats: { indicatorCode: string; evidence: ProvenanceSummary }[];
    }>(
      `query($f: SurveyStatsFilter, $w: SurveyStatsFilter, $i: IndicatorStatsFilter) {
        surveyStats(filter: $f) { respondents ${EVIDENCE} }
        women: surveyStats(filter: $w) { respondents ${EVIDENCE} }
        indicatorStats(filter: $i) { indicatorCode ${EVIDENCE} } }`,
      {
        f: { units: [PADANG], fromYear: 2022, toYear: 2022 },
        w: { units: [PADANG], fromYear: 2022, toYear: 2022, genders: ['FEMALE'] },
        i: { units: [PADANG], fromYear: 2022, toYear: 2022, indicators: ['SK6.1', 'SK5.1'] },
      },
      callers.analyst(),
    );
    expect(stats.errors).toBeUndefined();
    expect(stats.data!.surveyStats).toEqual([{ respondents: 1508, evidence: sheets }]);
    const [women] = stats.data!.women;
    expect(women.evidence).toEqual({
      ...none,
      reconstructed: women.respondents,
      records: women.respondents,
      weakest: 'RECONSTRUCTED',
    });
    const byCode = Object.fromEntries(stats.data!.indicatorStats.map((i) => [i.indicatorCode, i.evidence]));
    expect(byCode['SK6.1']).toEqual(sheets);
    expect(byCode['SK5.1']).toEqual({ ...none, reported: 1, records: 1, weakest: 'REPORTED' });
    // SK5.1 2022 is entered from the report.
    expect((await indicator(2022, 'SK5.1')).evidence).toEqual({
      ...none,
      reported: 1,
      records: 1,
      weakest: 'REPORTED',
    });
  });

  it('an event with provenance RECONSTRUCTED yields a fact counted RECONSTRUCTED; absent counts OPERATIONAL; a correction moves the count', async () => {
    const decision = (assessmentId: string, extra: Record<string, unknown> = {}) => ({
      assessmentId,
      institutionId: `LKS-${assessmentId}`,
      year: 2024,
      result: 'A',
      accredited: true,
      ...extra,
    });
    expect((await indicator(2024, 'SK1.1')).evidence).toEqual({ ...none, records: 0, weakest: null });
    await s.publish('training.accreditation.decided', PADANG, decision('P-1', { provenance: 'RECONSTRUCTED' }));
    await s.publish('training.accreditation.decided', PADANG, decision('P-2'));
    await s.until(async () => (await indicator(2024, 'SK1.1')).evidence.records === 2);
    const sk11 = await indicator(2024, 'SK1.1');
    expect(sk11).toMatchObject({ realization: 100, realizationSource: 'DERIVED' });
    expect(sk11.evidence).toEqual({ ...none, operational: 1, reconstructed: 1, records: 2, weakest: 'RECONSTRUCTED' });
    const sk1 = (await goals(2024)).find((g) => g.code === 'SK1')!;
    expect(sk1.evidence).toEqual(sk11.evidence);

    // The same assessment reported again by the generator replaces the fact and its provenance.
    await s.publish('training.accreditation.decided', PADANG, decision('P-2', { provenance: 'SYNTHETIC' }));
    await s.until(async () => (await indicator(2024, 'SK1.1')).evidence.synthetic === 1);
    const moved = (await indicator(2024, 'SK1.1')).evidence;
    expect(moved).toEqual({ ...none, reconstructed: 1, synthetic: 1, records: 2, weakest: 'SYNTHETIC' });

    // Rebuilt from the facts alone, the counters count the same.
    const counter = () =>
      s.running.dataSource
        .getRepository(MetricCounterEntity)
        .findOneByOrFail({ unitCode: PADANG, year: 2024, metric: 'ACCREDITATION' });
    const incremental = await counter();
    await s.running.dataSource.transaction((m) => recomputeCounters(m, { unitCode: PADANG, year: 2024 }));
    expect(await counter()).toEqual(incremental);
    expect(incremental).toMatchObject({ facts: 2, reconstructedFacts: 1, syntheticFacts: 1, operationalFacts: 0 });
  });

  it('an event naming no known provenance breaks its contract rather than counting as evidence', async () => {
    const event = {
      id: randomUUID(),
      type: 'training.accreditation.decided',
      unit: PADANG,
      occurredAt: new Date().toISOString(),
      version: 1,
      data: {
        assessmentId: 'P-9',
        institutionId: 'LKS-9',
        year: 2024,
        result: 'A',
        accredited: true,
        provenance: 'FOUND',
      },
    };
    await expect(
      s.running.dataSource.transaction((m) =>
        accreditationConsumer.handle(accreditationDecidedV1.parseEvent(event), m),
      ),
    ).rejects.toBeInstanceOf(EventContractError);
  });

  it('a realisation entered at work is OPERATIONAL evidence; only an admin may enter another provenance', async () => {
    const enter = (extra: Record<string, unknown>, caller = callers.operator(PADANG)) =>
      s.call(
        `mutation($i: EnterRealizationInput!) { enterIndicatorRealization(input: $i) { code realizationSource ${EVIDENCE} } }`,
        { i: { unitCode: PADANG, year: 2023, indicatorCode: 'SK5.1', value: 81, ...extra } },
        caller,
      );
    const ok = await enter({});
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.enterIndicatorRealization).toMatchObject({
      realizationSource: 'ENTERED',
      evidence: { ...none, operational: 1, records: 1, weakest: 'OPERATIONAL' },
    });
    const refused = await enter({ provenance: 'REPORTED' });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const loaded = await enter({ provenance: 'SYNTHETIC' }, callers.admin());
    expect(loaded.data!.enterIndicatorRealization.evidence).toMatchObject({ synthetic: 1, records: 1 });
  });

  it('evidence costs no statement: the counters carry it', async () => {
    const measure = (selection: string) =>
      s.running.queries.measure(() =>
        s.call(
          `query { _entities(representations: [{ __typename: "Unit", code: "${PADANG}" }]) { ... on Unit { performance(year: 2022) { goals { code ${selection} } } } } }`,
        ),
      );
    const without = await measure('achievement indicators { code realization }');
    const withEvidence = await measure(`achievement ${EVIDENCE} indicators { code realization ${EVIDENCE} }`);
    expect(withEvidence.result.errors).toBeUndefined();
    expect(withEvidence.queries).toBe(without.queries);
  });
});

describe('the migration on MariaDB', () => {
  let db: TestDatabase | undefined;
  afterAll(async () => {
    await db?.drop();
  });

  it('starts the per-provenance counts from the facts and answer sheets there are, and marks what the seed wrote', async () => {
    const before = performanceMigrations.filter(
      (m) => m !== Provenance1796221402279 && m !== SurveyDemographicProvenance1796500000000,
    );
    db = await freshMysqlDatabase({ ...performanceService, migrations: before }, 'provenance_mig');
    const q = (sql: string, params?: unknown[]) => db!.dataSource.query(sql, params);
    await q(
      `INSERT INTO metric_counter (unitCode, year, metric, numerator, denominator, facts) VALUES ('U', 2022, 'ATENSI', 3, 4, 4)`,
    );
    const sheet = (submittedBy: string) =>
      q(
        `INSERT INTO survey_response (unitCode, year, gender, education, u1, u2, u3, u4, u5, u6, u7, u8, u9, submittedBy, submittedAt) VALUES ('U', 2022, 'MALE', 'S1', 4, 4, 4, 4, 4, 4, 4, 4, 4, ?, NOW())`,
        [submittedBy],
      );
    await sheet('seed: synthetic IKM responses (Responden Sintetis)');
    await sheet('seed: synthetic IKM responses (Responden Sintetis)');
    await sheet('operator-1');
    await q(`INSERT INTO survey_total (unitCode, year, respondents) VALUES ('U', 2022, 3)`);
    await q(
      `INSERT INTO survey_demographic_total (unitCode, year, gender, education, respondents) VALUES ('U', 2022, 'MALE', 'S1', 3)`,
    );
    await q(
      `INSERT INTO realization_entry (unitCode, year, indicatorCode, value, enteredBy, enteredAt) VALUES ('U', 2021, 'SK5.1', 1, 'seed: LAKIP 2022 BBPPKS Padang', NOW()), ('U', 2022, 'SK5.1', 1, 'operator-1', NOW())`,
    );
    const runner = db.dataSource.createQueryRunner();
    try {
      await new Provenance1796221402279().up(runner);
      await new SurveyDemographicProvenance1796500000000().up(runner);
    } finally {
      await runner.release();
    }
    const [counter] = await q(
      'SELECT operationalFacts, reportedFacts, reconstructedFacts, syntheticFacts FROM metric_counter',
    );
    expect(counter).toEqual({ operationalFacts: 4, reportedFacts: 0, reconstructedFacts: 0, syntheticFacts: 0 });
    const [total] = await q(
      'SELECT operationalResponses, reconstructedResponses, reportedResponses, syntheticResponses FROM survey_total',
    );
    expect(total).toEqual({
      operationalResponses: 1,
      reconstructedResponses: 2,
      reportedResponses: 0,
      syntheticResponses: 0,
    });
    // The cell per gender and education counts the same sheets (surveyStats' evidence).
    const [cell] = await q(
      'SELECT operationalResponses, reconstructedResponses, reportedResponses, syntheticResponses FROM survey_demographic_total',
    );
    expect(cell).toEqual(total);
    const entries: { year: number; provenance: string }[] = await q(
      'SELECT year, provenance FROM realization_entry ORDER BY year',
    );
    expect(entries.map((e) => e.provenance)).toEqual(['REPORTED', 'OPERATIONAL']);
  });
});
