import { callers } from '@kesos/infra/testing';
import type { TestService } from './support';
import { PADANG, registerUnits, startTestService, UNITS } from './support';
import type { IndicatorRow, SurveyRow } from './stats.support';
import {
  competitionRanks,
  detailedFigures,
  EDUCATIONS,
  indexByHand,
  INDICATOR_STATS,
  prng,
  randomResponses,
  SURVEY_STATS,
} from './stats.support';

const BANDUNG = 'BBPPKS-BANDUNG';
const JAYAPURA = 'BBPPKS-JAYAPURA';
const MAKASSAR = 'BBPPKS-MAKASSAR';
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const ADOPT = `mutation($i: AdoptStrategicPlanInput!) { adoptStrategicPlan(input: $i) { fromYear } }`;
const ENTER = `mutation($i: EnterRealizationInput!) { enterIndicatorRealization(input: $i) { code } }`;
const IMPORT = `mutation($u: ID!, $y: Int!, $r: [SurveyResponseInput!]!) { importSurveyResponses(unitCode: $u, year: $y, responses: $r) { imported } }`;
const withoutRank = <R extends { rank: number | null }>(rows: R[]) => rows.map(({ rank: _rank, ...rest }) => rest);

describe('indicatorStats and surveyStats (MariaDB + NATS)', () => {
  let s: TestService;
  const ok = async (query: string, variables: Record<string, unknown>, caller = callers.admin()) => {
    const res = await s.call(query, variables, caller);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const indicatorStats = async (variables: Record<string, unknown>, caller = callers.analyst()) =>
    (await ok(INDICATOR_STATS, variables, caller)).indicatorStats as IndicatorRow[];
  const surveyStats = async (variables: Record<string, unknown>, caller = callers.analyst()) =>
    (await ok(SURVEY_STATS, variables, caller)).surveyStats as SurveyRow[];

  beforeAll(async () => {
    s = await startTestService('stats');
    await registerUnits(s);
    await s.until(
      async () => Number((await s.database.dataSource.query('SELECT COUNT(*) AS n FROM known_unit'))[0].n) === 8,
    );
    // Three more units with the template plan; SK5.1 entered (the same value in two units: a tie).
    for (const unitCode of [BANDUNG, JAYAPURA, MAKASSAR])
      await ok(ADOPT, { i: { unitCode, templateUnitCode: PADANG, year: 2022 } });
    for (const [unitCode, year, value] of [
      [BANDUNG, 2022, 70],
      [JAYAPURA, 2022, 70],
      [MAKASSAR, 2022, 95],
      [MAKASSAR, 2021, 60],
      [BANDUNG, 2023, 88.5],
    ] as const)
      await ok(ENTER, { i: { unitCode, year, indicatorCode: 'SK5.1', value } });
    // Makassar's SK5.1 made lower-is-better: a realisation above target is then below target.
    await s.database.dataSource.query(
      "UPDATE plan_indicator SET polarity = 'LOWER_IS_BETTER' WHERE unitCode = ? AND code = 'SK5.1'",
      [MAKASSAR],
    );
    // Derived figures from events: ATENSI closures in Bandung, alumni monitoring in Jayapura.
    for (let n = 1; n <= 7; n++)
      await s.publish('training.atensi.case-closed', BANDUNG, {
        caseId: 9000 + n,
        year: 2022,
        serviceType: 'RESPON_KASUS',
        peopleServed: 1,
        served: n <= 5,
      });
    for (let n = 1; n <= 4; n++)
      await s.publish('training.monitoring.assessed', JAYAPURA, {
        monitoringId: 9100 + n,
        enrollmentId: 9100 + n,
        year: 2021,
        hasLifeSkills: n !== 2,
      });
    // Survey responses for several units and years, on top of Padang's 1,508 of 2022.
    const random = prng(11);
    for (const [unitCode, year, n] of [
      [BANDUNG, 2022, 120],
      [BANDUNG, 2023, 35],
      [JAYAPURA, 2022, 64],
      [MAKASSAR, 2021, 17],
      [PADANG, 2023, 9],
    ] as const)
      await ok(IMPORT, { u: unitCode, y: year, r: randomResponses(random, n) }, callers.operator(unitCode));
    await s.until(async () => {
      const rows: { n: number | string }[] = await s.database.dataSource.query(
        "SELECT COALESCE(SUM(facts), 0) AS n FROM metric_counter WHERE unitCode IN (?, ?) AND metric IN ('ATENSI', 'LIFE_SKILLS')",
        [BANDUNG, JAYAPURA],
      );
      return Number(rows[0].n) === 11;
    });
  }, 120_000);
  afterAll(async () => s?.stop());

  it('has one indicator row per unit, year and indicator, equal to Unit.performance(year) for every unit and year', async () => {
    const { indicators } = await detailedFigures((q, v) => s.call(q, v, callers.analyst()), UNITS, YEARS);
    expect(indicators.length).toBe(4 * 5 * 8);
    const rows = await indicatorStats({});
    expect(rows.every((r) => r.rank === null)).toBe(true);
    expect(withoutRank(rows)).toEqual(indicators);
    // Derived, entered and seeded figures are all there.
    const at = (unit: string, year: number, code: string) =>
      rows.find((r) => r.unitCode === unit && r.year === year && r.indicatorCode === code);
    expect(at(BANDUNG, 2022, 'SK4.1')?.realization).toBe(71.43);
    expect(at(JAYAPURA, 2021, 'SK3.1')?.realization).toBe(75);
    expect(at(MAKASSAR, 2022, 'SK5.1')).toMatchObject({ polarity: 'LOWER_IS_BETTER', realization: 95 });
  });

  it('filters by years, units, goals and indicators', async () => {
    const { indicators } = await detailedFigures((q, v) => s.call(q, v, callers.analyst()), [BANDUNG, PADANG], [2022]);
    const rows = await indicatorStats({
      filter: {
        fromYear: 2022,
        toYear: 2022,
        units: [PADANG, BANDUNG],
        goals: ['SK4', 'SK5'],
        indicators: ['SK4.1', 'SK5.1', 'SK6.1'],
      },
    });
    expect(withoutRank(rows)).toEqual(indicators.filter((i) => ['SK4.1', 'SK5.1'].includes(i.indicatorCode)));
  });

  it('belowTarget: achievement under 100 (lower-is-better included), worst first, ties share a rank', async () => {
    const all = await indicatorStats({ filter: { fromYear: 2022, toYear: 2022 } });
    const rows = await indicatorStats({
      filter: { fromYear: 2022, toYear: 2022, belowTarget: true },
      orderBy: [{ field: 'ACHIEVEMENT', direction: 'ASC' }],
    });
    const below = all.filter((r) => r.achievement !== null && r.achievement < 100);
    expect(rows.length).toBe(below.length);
    expect(new Set(rows.map((r) => `${r.unitCode} ${r.indicatorCode}`))).toEqual(
      new Set(below.map((r) => `${r.unitCode} ${r.indicatorCode}`)),
    );
    const achievements = rows.map((r) => r.achievement!);
    expect(achievements).toEqual([...achievements].sort((a, b) => a - b));
    expect(rows.map((r) => r.rank)).toEqual(competitionRanks(achievements));
    // Bandung and Jayapura entered the same SK5.1: one rank for both, and the next rank skips.
    const tied = rows.filter((r) => r.indicatorCode === 'SK5.1' && [BANDUNG, JAYAPURA].includes(r.unitCode));
    expect(tied).toHaveLength(2);
    expect(tied[0].rank).toBe(tied[1].rank);
    const next = rows[rows.indexOf(tied[1]) + 1];
    if (next && next.achievement !== tied[1].achievement) expect(next.rank).toBe(rows.indexOf(tied[1]) + 2);
    // Lower is better: 95 against a lower target is below target, though R > T.
    const makassar = rows.find((r) => r.unitCode === MAKASSAR && r.indicatorCode === 'SK5.1');
    expect(makassar!.realization).toBeGreaterThan(makassar!.target!);
    expect(makassar!.achievement).toBeLessThan(100);
    // false: at or above target; null achievements match neither.
    const atOrAbove = await indicatorStats({ filter: { fromYear: 2022, toYear: 2022, belowTarget: false } });
    expect(atOrAbove.length).toBe(all.filter((r) => r.achievement !== null && r.achievement >= 100).length);
  });

  it('orders by several fields and cuts after ranking with first', async () => {
    const orderBy = [
      { field: 'TARGET', direction: 'DESC' },
      { field: 'YEAR', direction: 'ASC' },
    ];
    const all = await indicatorStats({ filter: { fromYear: 2021, toYear: 2022 }, orderBy });
    const targets = all.map((r) => r.target);
    const nonNull = targets.filter((t): t is number => t !== null);
    expect(nonNull).toEqual([...nonNull].sort((a, b) => b - a).filter((_, i) => i < nonNull.length));
    // Rows without a target come last.
    expect(targets.slice(nonNull.length).every((t) => t === null)).toBe(true);
    const top = await indicatorStats({ filter: { fromYear: 2021, toYear: 2022 }, orderBy, first: 5 });
    expect(top).toEqual(all.slice(0, 5));
  });

  it('surveyStats by UNIT and YEAR equals Unit.satisfactionSurvey(year) for every unit and year', async () => {
    const { surveys } = await detailedFigures((q, v) => s.call(q, v, callers.analyst()), UNITS, YEARS);
    expect(surveys.length).toBe(6);
    const rows = await surveyStats({ groupBy: ['UNIT', 'YEAR'] });
    expect(withoutRank(rows)).toEqual(surveys);
    expect(rows.find((r) => r.unitCode === PADANG && r.year === 2022)).toMatchObject({
      respondents: 1508,
      index: 91.6,
      grade: 'A',
    });
  });

  it("the ministry row is the respondent-weighted index over all units' responses, computed by hand", async () => {
    const raw: { n: number | string; total: number | string }[] = await s.database.dataSource.query(
      'SELECT COUNT(*) AS n, SUM(u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9) AS total FROM survey_response WHERE year = 2022',
    );
    const [n, total] = [Number(raw[0].n), Number(raw[0].total)];
    expect(n).toBe(1508 + 120 + 64);
    const [ministry] = await surveyStats({ filter: { fromYear: 2022, toYear: 2022 }, groupBy: [] });
    const index = indexByHand(total, n);
    expect(ministry).toEqual({
      rank: null,
      unitCode: null,
      unit: null,
      year: null,
      gender: null,
      education: null,
      respondents: n,
      index,
      grade: index >= 88.31 ? 'A' : index >= 76.61 ? 'B' : index >= 65 ? 'C' : 'D',
    });
    // Not the plain mean of the units' indexes: Padang's 1,508 respondents weigh more.
    const byUnit = await surveyStats({ filter: { fromYear: 2022, toYear: 2022 }, groupBy: ['UNIT'] });
    expect(byUnit.map((r) => r.unitCode)).toEqual([BANDUNG, JAYAPURA, PADANG]);
    expect(byUnit.reduce((a, r) => a + r.respondents, 0)).toBe(n);
    // No responses in the filter: still exactly one total row.
    expect(await surveyStats({ filter: { fromYear: 2030, toYear: 2030 } })).toEqual([
      {
        rank: null,
        unitCode: null,
        unit: null,
        year: null,
        gender: null,
        education: null,
        respondents: 0,
        index: null,
        grade: null,
      },
    ]);
  });

  it('by GENDER and EDUCATION, filtered, equals a raw GROUP BY of the responses; ordered by index', async () => {
    const raw: { gender: string; education: string; n: number | string; total: number | string }[] =
      await s.database.dataSource.query(
        "SELECT gender, education, COUNT(*) AS n, SUM(u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9) AS total FROM survey_response WHERE year BETWEEN 2022 AND 2023 AND unitCode IN (?, ?) AND education IN ('SMA', 'S1', 'S2') GROUP BY gender, education",
        [BANDUNG, PADANG],
      );
    const expected = raw
      .map((r) => ({
        gender: r.gender,
        education: r.education,
        respondents: Number(r.n),
        index: indexByHand(Number(r.total), Number(r.n)),
      }))
      .sort(
        (a, b) => a.gender.localeCompare(b.gender) || EDUCATIONS.indexOf(a.education) - EDUCATIONS.indexOf(b.education),
      );
    const rows = await surveyStats({
      filter: { fromYear: 2022, toYear: 2023, units: [BANDUNG, PADANG], educations: ['SMA', 'S1', 'S2'] },
      groupBy: ['GENDER', 'EDUCATION'],
    });
    expect(
      rows.map((r) => ({ gender: r.gender, education: r.education, respondents: r.respondents, index: r.index })),
    ).toEqual(expected);
    const women = await surveyStats({
      filter: {
        fromYear: 2022,
        toYear: 2023,
        units: [BANDUNG, PADANG],
        educations: ['SMA', 'S1', 'S2'],
        genders: ['FEMALE'],
      },
      groupBy: ['EDUCATION'],
      orderBy: [{ field: 'INDEX', direction: 'DESC' }],
    });
    const femaleRows = expected.filter((e) => e.gender === 'FEMALE').sort((a, b) => b.index - a.index);
    expect(women.map((r) => [r.education, r.index, r.gender])).toEqual(
      femaleRows.map((e) => [e.education, e.index, null]),
    );
    expect(women.map((r) => r.rank)).toEqual(competitionRanks(femaleRows.map((e) => e.index)));
  });

  it("scopes viewers and operators to their own unit's rows, never an error", async () => {
    for (const caller of [callers.viewer(BANDUNG), callers.operator(BANDUNG)]) {
      const rows = await indicatorStats({}, caller);
      expect(rows.length).toBe(5 * 8);
      expect(new Set(rows.map((r) => r.unitCode))).toEqual(new Set([BANDUNG]));
      expect(await indicatorStats({ filter: { units: [PADANG] } }, caller)).toEqual([]);
      const byUnit = await surveyStats({ groupBy: ['UNIT'] }, caller);
      expect(byUnit.map((r) => [r.unitCode, r.respondents])).toEqual([[BANDUNG, 155]]);
      const [total] = await surveyStats({}, caller);
      expect(total.respondents).toBe(155);
      expect(await surveyStats({ filter: { units: [PADANG] }, groupBy: ['UNIT'] }, caller)).toEqual([]);
      expect((await surveyStats({ filter: { units: [PADANG] } }, caller))[0].respondents).toBe(0);
    }
    const analyst = await indicatorStats({ filter: { units: [PADANG, BANDUNG] } });
    expect(new Set(analyst.map((r) => r.unitCode))).toEqual(new Set([PADANG, BANDUNG]));
  });

  it('refuses bad input naming the field', async () => {
    const fieldOf = async (query: string, variables: Record<string, unknown>) => {
      const res = await s.call(query, variables, callers.analyst());
      return [res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.field];
    };
    for (const query of [INDICATOR_STATS, SURVEY_STATS]) {
      expect(await fieldOf(query, { filter: { fromYear: 1900 } })).toEqual(['BAD_USER_INPUT', 'filter.fromYear']);
      expect(await fieldOf(query, { filter: { toYear: 2300 } })).toEqual(['BAD_USER_INPUT', 'filter.toYear']);
      expect(await fieldOf(query, { filter: { fromYear: 2023, toYear: 2022 } })).toEqual([
        'BAD_USER_INPUT',
        'filter.toYear',
      ]);
      expect(await fieldOf(query, { first: 0 })).toEqual(['BAD_USER_INPUT', 'first']);
    }
    expect(
      (await s.call(INDICATOR_STATS, {}, { subject: 'anon', role: 'public', unit: null })).errors?.[0]?.extensions
        ?.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('reads indicators across all units and years in a bounded number of statements, not one per unit', async () => {
    const count = async (variables: Record<string, unknown>) =>
      (await s.running.queries.measure(() => s.call(INDICATOR_STATS, variables, callers.analyst()))).queries;
    const one = await count({ filter: { units: [BANDUNG], fromYear: 2022, toYear: 2022 } });
    const all = await count({});
    // The plans' years, the plans with goals, indicators and targets, counters, entries, figures, survey sums.
    expect(all).toBeLessThanOrEqual(9);
    expect(all).toBe(one);
    const survey = await s.running.queries.measure(() =>
      s.call(SURVEY_STATS, { groupBy: ['UNIT', 'YEAR', 'GENDER', 'EDUCATION'] }, callers.analyst()),
    );
    expect(survey.queries).toBe(1);
  });
});
