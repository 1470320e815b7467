import { callers, entitiesQuery } from '@kesos/infra/testing';
import { SurveyResponseEntity } from '../src/survey/survey.entity';
import type { TestService } from './support';
import { PADANG, registerUnits, startTestService, UNITS } from './support';

const SURVEY = `query($unit: ID!, $year: Int!) { _entities(representations: [{ __typename: "Unit", code: $unit }]) { ... on Unit {
  satisfactionSurvey(year: $year) { respondents index grade elements { code meanScore } byGender { key count } byEducation { key count } } } } }`;
const RANKING = `query($year: Int!, $round: Int) { sakipEvaluations(year: $year, round: $round) { score category rank final roundLabel unit { code } } }`;
const answers = (v: number) => Array<number>(9).fill(v);
const codeOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

describe('performance subgraph API (MariaDB + NATS)', () => {
  let s: TestService;

  beforeAll(async () => {
    s = await startTestService('api');
    await registerUnits(s);
    await s.until(
      async () => Number((await s.database.dataSource.query('SELECT COUNT(*) AS n FROM known_unit'))[0].n) === 8,
    );
  });
  afterAll(async () => s?.stop());

  describe('satisfaction survey (IKM)', () => {
    it("computes index 91.60, grade A, with the report's demographics from the seeded responses", async () => {
      const res = await s.call(SURVEY, { unit: PADANG, year: 2022 }, callers.viewer(PADANG));
      expect(res.errors).toBeUndefined();
      const survey = res.data!._entities[0].satisfactionSurvey;
      expect(survey).toMatchObject({ respondents: 1508, index: 91.6, grade: 'A' });
      expect(survey.byGender).toEqual([
        { key: 'FEMALE', count: 640 },
        { key: 'MALE', count: 868 },
      ]);
      expect(survey.byEducation).toEqual([
        { key: 'SD', count: 18 },
        { key: 'SMP', count: 18 },
        { key: 'SMA', count: 261 },
        { key: 'DIII', count: 118 },
        { key: 'S1', count: 1025 },
        { key: 'S2', count: 68 },
      ]);
      expect(survey.elements).toHaveLength(9);
    });

    it("refuses other units' viewers", async () => {
      const res = await s.call(SURVEY, { unit: PADANG, year: 2022 }, callers.viewer('BBPPKS-BANDUNG'));
      expect(codeOf(res)).toBe('FORBIDDEN');
    });

    it('records a valid response and refuses bad ones with BAD_USER_INPUT, changing nothing', async () => {
      const submit = (unitCode: string, response: Record<string, unknown>, caller = callers.operator(unitCode)) =>
        s.call(
          `mutation($u: ID!, $r: SurveyResponseInput!) { submitSurveyResponse(unitCode: $u, year: 2023, response: $r) { respondents index grade } }`,
          { u: unitCode, r: response },
          caller,
        );
      const count = () => s.database.dataSource.getRepository(SurveyResponseEntity).count({ where: { year: 2023 } });
      expect(codeOf(await submit(PADANG, { gender: 'MALE', education: 'S1', answers: [4, 4, 4, 4, 4, 4, 4, 4] }))).toBe(
        'BAD_USER_INPUT',
      );
      const five = await submit(PADANG, { gender: 'MALE', education: 'S1', answers: [4, 4, 4, 4, 5, 4, 4, 4, 4] });
      expect(codeOf(five)).toBe('BAD_USER_INPUT');
      expect(five.errors![0].message).toContain('U5');
      expect(
        codeOf(await submit('NOT-A-UNIT', { gender: 'MALE', education: 'S1', answers: answers(4) }, callers.admin())),
      ).toBe('BAD_USER_INPUT');
      expect(
        codeOf(await submit(PADANG, { gender: 'MALE', education: 'S1', answers: answers(4) }, callers.viewer(PADANG))),
      ).toBe('FORBIDDEN');
      expect(await count()).toBe(0);
      const ok = await submit(PADANG, { gender: 'FEMALE', education: 'SMA', answers: [4, 4, 4, 3, 3, 3, 3, 3, 4] });
      expect(ok.errors).toBeUndefined();
      // 31 / 9 x 25 = 86.111..., grade B.
      expect(ok.data!.submitSurveyResponse).toEqual({ respondents: 1, index: 86.11, grade: 'B' });
    });

    it('imports in bulk all or nothing, naming every bad row', async () => {
      const imp = (rows: Record<string, unknown>[]) =>
        s.call(
          `mutation($r: [SurveyResponseInput!]!) { importSurveyResponses(unitCode: "${PADANG}", year: 2024, responses: $r) { imported survey { respondents index grade byGender { key count } } } }`,
          { r: rows },
          callers.operator(PADANG),
        );
      const good = { gender: 'MALE', education: 'S2', answers: answers(3) };
      const bad = await imp([good, { ...good, answers: answers(0) }, good, { ...good, answers: [1, 2] }]);
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].message).toMatch(/row 2: .*row 4: /);
      expect(bad.errors![0].extensions!.rows).toEqual([
        expect.objectContaining({ row: 2 }),
        expect.objectContaining({ row: 4 }),
      ]);
      expect(await s.database.dataSource.getRepository(SurveyResponseEntity).count({ where: { year: 2024 } })).toBe(0);
      const rows = [
        ...Array<Record<string, unknown>>(99).fill(good),
        { gender: 'FEMALE', education: 'SD', answers: answers(4) },
      ];
      const ok = await imp(rows);
      expect(ok.errors).toBeUndefined();
      // (99 x 27 + 36) / (9 x 100) x 25 = 75.25, grade C.
      expect(ok.data!.importSurveyResponses).toEqual({
        imported: 100,
        survey: {
          respondents: 100,
          index: 75.25,
          grade: 'C',
          byGender: [
            { key: 'FEMALE', count: 1 },
            { key: 'MALE', count: 99 },
          ],
        },
      });
    });
  });

  describe('SAKIP evaluations', () => {
    it('ranks the final 2021 round best first, equal scores sharing a rank, with derived categories', async () => {
      const res = await s.call(RANKING, { year: 2021 }, callers.viewer(PADANG));
      expect(res.errors).toBeUndefined();
      expect(
        res.data!.sakipEvaluations.map(
          (e: { unit: { code: string }; score: number; category: string; rank: number }) => [
            e.unit.code,
            e.score,
            e.category,
            e.rank,
          ],
        ),
      ).toEqual([
        ['POLTEKESOS-BANDUNG', 82.03, 'A', 1],
        ['BBPPKS-MAKASSAR', 81.99, 'A', 2],
        ['BBPPKS-YOGYAKARTA', 81.38, 'A', 3],
        ['BBPPKS-BANJARMASIN', 80.95, 'A', 4],
        ['BBPPKS-JAYAPURA', 80.95, 'A', 4],
        ['BBPPKS-BANDUNG', 80.26, 'A', 6],
        ['BBPPKS-PADANG', 80.07, 'A', 7],
        ['B2P3KS-YOGYAKARTA', 70.04, 'BB', 8],
      ]);
      expect(res.data!.sakipEvaluations.every((e: { final: boolean }) => e.final)).toBe(true);
    });

    it('shows the March 2021 round on request and the single 2020 round', async () => {
      const march = (await s.call(RANKING, { year: 2021, round: 1 })).data!.sakipEvaluations;
      expect(march.find((e: { unit: { code: string } }) => e.unit.code === 'B2P3KS-YOGYAKARTA')).toMatchObject({
        score: 66.98,
        category: 'B',
        rank: 8,
        final: false,
        roundLabel: 'Maret 2022',
      });
      const y2020 = (await s.call(RANKING, { year: 2020 })).data!.sakipEvaluations;
      expect(y2020.map((e: { score: number; category: string }) => [e.score, e.category])).toEqual([
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

    it('records a new score for a registered unit only, admin only, validated', async () => {
      const record = (input: Record<string, unknown>, caller = callers.admin()) =>
        s.call(
          `mutation($i: RecordSakipEvaluationInput!) { recordSakipEvaluation(input: $i) { score category rank final unit { code } } }`,
          { i: input },
          caller,
        );
      const input = { unitCode: PADANG, year: 2022, round: 1, roundLabel: 'Agustus 2023', score: 90.5 };
      expect(codeOf(await record(input, callers.operator(PADANG)))).toBe('FORBIDDEN');
      expect(codeOf(await record({ ...input, unitCode: 'BBPPKS-NOWHERE' }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await record({ ...input, score: 100.5 }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await record({ ...input, score: 90.555 }))).toBe('BAD_USER_INPUT');
      const ok = await record(input);
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.recordSakipEvaluation).toEqual({
        score: 90.5,
        category: 'AA',
        rank: 1,
        final: true,
        unit: { code: PADANG },
      });
      // A round already recorded is a state that forbids the change, not a lost race.
      expect(codeOf(await record(input))).toBe('BAD_USER_INPUT');
    });
  });

  describe('plans, agreements and entered realisations', () => {
    const AGREEMENTS = `{ _entities(representations: [{ __typename: "Unit", code: "${PADANG}" }]) { ... on Unit {
      performanceAgreements(year: 2022) { version current signedPlace signedMonth signatories { party positionTitle } items { indicatorCode target targetUnit } } } } }`;

    it('keeps the original agreement and its revision as separate versions, signatories by position', async () => {
      const res = await s.call(AGREEMENTS, {}, callers.analyst());
      expect(res.errors).toBeUndefined();
      const [original, revision] = res.data!._entities[0].performanceAgreements;
      expect(original).toMatchObject({ version: 1, current: false });
      expect(original.items.map((i: { target: number; targetUnit: string }) => [i.target, i.targetUnit])).toEqual([
        [60, 'orang'],
        [2400, 'orang'],
        [3.5, 'skala 1-4'],
        [72.05, 'nilai'],
        [88.52, 'nilai'],
      ]);
      expect(revision).toMatchObject({ version: 2, current: true, signedPlace: 'Jakarta', signedMonth: '2022-09' });
      expect(revision.items.map((i: { indicatorCode: string; target: number }) => [i.indicatorCode, i.target])).toEqual(
        [
          ['SK1.1', 73],
          ['SK2.1', 82],
          ['SK2.2', 97],
          ['SK3.1', 75],
          ['SK4.1', 100],
          ['SK5.1', 75],
          ['SK5.2', 75],
          ['SK6.1', 90],
        ],
      );
      expect(revision.signatories.map((x: { positionTitle: string }) => x.positionTitle).join(' ')).toContain('Kepala');
    });

    it('adds a revision as a new version without touching the earlier ones', async () => {
      const sign = (input: Record<string, unknown>) =>
        s.call(
          `mutation($i: SignAgreementInput!) { signPerformanceAgreement(input: $i) { version current items { target } } }`,
          { i: input },
          callers.operator(PADANG),
        );
      const input = {
        unitCode: PADANG,
        year: 2022,
        title: 'Revisi kedua (uji)',
        signedPlace: 'Padang',
        signedMonth: '2022-12',
        signatories: [
          { party: 'FIRST', positionTitle: 'Kepala BBPPKS Padang' },
          { party: 'SECOND', positionTitle: 'Kepala Pusat Diklatbangprof' },
        ],
        items: [
          {
            goal: 'SK1',
            indicator: 'Persentase lembaga terakreditasi',
            indicatorCode: 'SK1.1',
            target: 75,
            targetUnit: '%',
          },
        ],
      };
      expect(codeOf(await sign({ ...input, signedMonth: '2022-13' }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await sign({ ...input, signatories: [input.signatories[0]] }))).toBe('BAD_USER_INPUT');
      const ok = await sign(input);
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.signPerformanceAgreement).toEqual({ version: 3, current: true, items: [{ target: 75 }] });
      const versions = (await s.call(AGREEMENTS)).data!._entities[0].performanceAgreements;
      expect(
        versions.map((v: { version: number; current: boolean; items: unknown[] }) => [
          v.version,
          v.current,
          v.items.length,
        ]),
      ).toEqual([
        [1, false, 5],
        [2, false, 8],
        [3, true, 1],
      ]);
    });

    it('serves the Renstra with formulas and targets 2021-2024', async () => {
      const res =
        await s.call(`{ _entities(representations: [{ __typename: "Unit", code: "${PADANG}" }]) { ... on Unit { strategicPlan(year: 2022) {
        fromYear toYear goals { code titleId indicators { code measure polarity metric denominatorDefinition targets { year target unitLabel volumeTarget } } } } } } }`);
      expect(res.errors).toBeUndefined();
      const plan = res.data!._entities[0].strategicPlan;
      expect([plan.fromYear, plan.toYear, plan.goals.length]).toEqual([2020, 2024, 6]);
      const sk22 = plan.goals[1].indicators[1];
      expect(sk22).toMatchObject({
        code: 'SK2.2',
        measure: 'PERCENT',
        polarity: 'HIGHER_IS_BETTER',
        metric: 'FACILITATOR_TRAINING',
      });
      expect(sk22.targets).toEqual([
        { year: 2021, target: 2000, unitLabel: 'orang', volumeTarget: null },
        { year: 2022, target: 97, unitLabel: null, volumeTarget: 2400 },
        { year: 2023, target: 97, unitLabel: null, volumeTarget: null },
        { year: 2024, target: 97, unitLabel: null, volumeTarget: null },
      ]);
    });

    it('enters a realisation with who and when; refuses indicators outside the plan', async () => {
      const enter = (input: Record<string, unknown>, caller = callers.operator(PADANG)) =>
        s.call(
          `mutation($i: EnterRealizationInput!) { enterIndicatorRealization(input: $i) { code realization realizationSource achievement enteredBy enteredAt } }`,
          { i: input },
          caller,
        );
      expect(codeOf(await enter({ unitCode: PADANG, year: 2023, indicatorCode: 'SK9.9', value: 80 }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(codeOf(await enter({ unitCode: PADANG, year: 2023, indicatorCode: 'SK5.1', value: -1 }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        codeOf(
          await enter(
            { unitCode: PADANG, year: 2023, indicatorCode: 'SK5.1', value: 80 },
            callers.operator('BBPPKS-BANDUNG'),
          ),
        ),
      ).toBe('FORBIDDEN');
      const ok = await enter({
        unitCode: PADANG,
        year: 2023,
        indicatorCode: 'SK5.1',
        value: 81.234,
        note: '2022 score',
      });
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.enterIndicatorRealization).toMatchObject({
        code: 'SK5.1',
        realization: 81.23,
        realizationSource: 'ENTERED',
        achievement: 108.31,
        enteredBy: `test-operator-${PADANG}`,
      });
    });

    it("shows 2021 as entered history, with the report's misprinted 166.9% kept beside the derived 106.33", async () => {
      const res =
        await s.call(`{ _entities(representations: [{ __typename: "Unit", code: "${PADANG}" }]) { ... on Unit { performance(year: 2021) { goals { indicators {
        code target realization realizationSource achievement publishedAchievement matchesPublished } } } } } }`);
      const all = res.data!._entities[0].performance.goals.flatMap((g: { indicators: unknown[] }) => g.indicators);
      expect(all.find((i: { code: string }) => i.code === 'SK5.2')).toEqual({
        code: 'SK5.2',
        target: 88.5,
        realization: 94.1,
        realizationSource: 'ENTERED',
        achievement: 106.33,
        publishedAchievement: 166.9,
        matchesPublished: false,
      });
      expect(all.find((i: { code: string }) => i.code === 'SK1.1')).toMatchObject({
        target: null,
        realization: null,
        realizationSource: 'NONE',
      });
    });
  });

  describe('plans for other units: adopting the template plan, setting targets', () => {
    const ADOPT = `mutation($i: AdoptStrategicPlanInput!) { adoptStrategicPlan(input: $i) { fromYear toYear goals { code indicators { code targets { year target } } } } }`;
    const TARGET = `mutation($i: SetIndicatorTargetInput!) { setIndicatorTarget(input: $i) { goals { indicators { code targets { year target volumeTarget } } } } }`;
    const field = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => [
      res.errors?.[0]?.extensions?.code,
      res.errors?.[0]?.extensions?.field,
    ];
    const planRows = async () =>
      Number((await s.database.dataSource.query('SELECT COUNT(*) AS n FROM strategic_plan'))[0].n);

    it('an admin gives a unit the template plan once; refusals name the field and write nothing', async () => {
      const before = await planRows();
      expect(
        codeOf(
          await s.call(
            ADOPT,
            { i: { unitCode: 'BBPPKS-JAYAPURA', templateUnitCode: PADANG, year: 2022 } },
            callers.operator('BBPPKS-JAYAPURA'),
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        field(await s.call(ADOPT, { i: { unitCode: 'BBPPKS-ATLANTIS', templateUnitCode: PADANG, year: 2022 } })),
      ).toEqual(['BAD_USER_INPUT', 'unitCode']);
      expect(
        field(
          await s.call(ADOPT, { i: { unitCode: 'BBPPKS-JAYAPURA', templateUnitCode: 'BBPPKS-MAKASSAR', year: 2022 } }),
        ),
      ).toEqual(['BAD_USER_INPUT', 'templateUnitCode']);
      expect(await planRows()).toBe(before);

      const res = await s.call(ADOPT, { i: { unitCode: 'BBPPKS-JAYAPURA', templateUnitCode: PADANG, year: 2022 } });
      expect(res.errors).toBeUndefined();
      const plan = res.data!.adoptStrategicPlan;
      expect(plan).toMatchObject({ fromYear: 2020, toYear: 2024 });
      expect(plan.goals.map((g: { code: string }) => g.code)).toEqual(['SK1', 'SK2', 'SK3', 'SK4', 'SK5', 'SK6']);
      const sk11 = plan.goals[0].indicators.find((i: { code: string }) => i.code === 'SK1.1');
      expect(sk11.targets).toContainEqual({ year: 2022, target: 73 });
      expect(
        field(await s.call(ADOPT, { i: { unitCode: 'BBPPKS-JAYAPURA', templateUnitCode: PADANG, year: 2023 } })),
      ).toEqual(['BAD_USER_INPUT', 'unitCode']);
      expect(await planRows()).toBe(before + 1);
    });

    it("the unit's operator sets its own targets, and the achievement follows", async () => {
      const operator = callers.operator('BBPPKS-JAYAPURA');
      const res = await s.call(
        TARGET,
        { i: { unitCode: 'BBPPKS-JAYAPURA', year: 2023, indicatorCode: 'SK1.1', target: 80.5 } },
        operator,
      );
      expect(res.errors).toBeUndefined();
      const targets = res.data!.setIndicatorTarget.goals[0].indicators.find(
        (i: { code: string }) => i.code === 'SK1.1',
      ).targets;
      expect(targets.find((t: { year: number }) => t.year === 2023)).toEqual({
        year: 2023,
        target: 80.5,
        volumeTarget: null,
      });

      await s.publish('training.accreditation.decided', 'BBPPKS-JAYAPURA', {
        assessmentId: 'JYP-1',
        institutionId: 'LKS-JYP-1',
        year: 2023,
        result: 'A',
        accredited: true,
      });
      const SK = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { performance(year: 2023) { goals { indicators { code target realization achievement } } } } } }`;
      const sk11 = async () =>
        (await s.call(SK, { r: [{ __typename: 'Unit', code: 'BBPPKS-JAYAPURA' }] }, operator)).data!._entities[0]
          .performance.goals[0].indicators[0];
      await s.until(async () => (await sk11()).realization === 100);
      expect(await sk11()).toMatchObject({ code: 'SK1.1', target: 80.5, realization: 100, achievement: 124.22 });

      expect(
        field(
          await s.call(
            TARGET,
            { i: { unitCode: 'BBPPKS-JAYAPURA', year: 2023, indicatorCode: 'SK1.1', target: -1 } },
            operator,
          ),
        ),
      ).toEqual(['BAD_USER_INPUT', 'target']);
      expect(
        field(
          await s.call(
            TARGET,
            { i: { unitCode: 'BBPPKS-JAYAPURA', year: 2023, indicatorCode: 'SK1.1', target: 80.555 } },
            operator,
          ),
        ),
      ).toEqual(['BAD_USER_INPUT', 'target']);
      expect(
        field(
          await s.call(
            TARGET,
            { i: { unitCode: 'BBPPKS-JAYAPURA', year: 2023, indicatorCode: 'SK9.9', target: 80 } },
            operator,
          ),
        ),
      ).toEqual(['BAD_USER_INPUT', 'indicatorCode']);
      expect(
        field(
          await s.call(
            TARGET,
            { i: { unitCode: 'BBPPKS-JAYAPURA', year: 2030, indicatorCode: 'SK1.1', target: 80 } },
            operator,
          ),
        ),
      ).toEqual(['BAD_USER_INPUT', 'year']);
      expect(
        codeOf(
          await s.call(
            TARGET,
            { i: { unitCode: 'BBPPKS-JAYAPURA', year: 2023, indicatorCode: 'SK1.1', target: 80 } },
            callers.operator('BBPPKS-MAKASSAR'),
          ),
        ),
      ).toBe('FORBIDDEN');
    });
  });

  describe('federation and batching', () => {
    it('resolves Goal references by unitCode, year and code', async () => {
      const res = await s.call(entitiesQuery('Goal', 'unitCode year code title achievement indicators { code }'), {
        representations: [
          { __typename: 'Goal', unitCode: PADANG, year: 2022, code: 'SK5' },
          { __typename: 'Goal', unitCode: PADANG, year: 2022, code: 'SK9' },
        ],
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities[0]).toMatchObject({
        unitCode: PADANG,
        year: 2022,
        code: 'SK5',
        indicators: [{ code: 'SK5.1' }, { code: 'SK5.2' }],
      });
      expect(res.data!._entities[1]).toBeNull();
    });

    it('refuses Goal references of another unit to a viewer', async () => {
      const res = await s.call(
        entitiesQuery('Goal', 'code'),
        { representations: [{ __typename: 'Goal', unitCode: PADANG, year: 2022, code: 'SK1' }] },
        callers.viewer('BBPPKS-BANDUNG'),
      );
      expect(codeOf(res)).toBe('FORBIDDEN');
    });

    it('does not issue more SQL for more units, years or goals', async () => {
      const q = entitiesQuery(
        'Unit',
        `code performance(year: 2022) { goals { code achievement indicators { code realization achievement } } } satisfactionSurvey(year: 2022) { index } performanceAgreements(year: 2022) { version } strategicPlan(year: 2022) { title }`,
      );
      const measure = async (units: string[]) =>
        (
          await s.running.queries.measure(() =>
            s.call(q, { representations: units.map((code) => ({ __typename: 'Unit', code })) }),
          )
        ).queries;
      const one = await measure([PADANG]);
      const all = await measure(UNITS);
      expect(all).toBe(one);
      const goals = async (n: number) =>
        (
          await s.running.queries.measure(() =>
            s.call(entitiesQuery('Goal', 'code achievement'), {
              representations: Array.from({ length: n }, (_, i) => ({
                __typename: 'Goal',
                unitCode: PADANG,
                year: 2021 + (i % 4),
                code: `SK${1 + (i % 6)}`,
              })),
            }),
          )
        ).queries;
      expect(await goals(24)).toBe(await goals(1));
    });

    it('reads the quarterly counters only when a query selects quarters, and the survey from its running sums', async () => {
      const measure = async (selection: string) => {
        const { result, queries } = await s.running.queries.measure(() =>
          s.call(entitiesQuery('Unit', selection), {
            representations: UNITS.map((code) => ({ __typename: 'Unit', code })),
          }),
        );
        expect(result.errors).toBeUndefined();
        return queries;
      };
      // The performance part of the UnitOverview contract operation.
      const overview =
        'performance(year: 2022) { goals { code achievement indicators { code target realization achievement } } }';
      const withQuarters =
        'performance(year: 2022) { goals { code achievement indicators { code target realization achievement quarters { quarter realization } } } }';
      const survey =
        'satisfactionSurvey(year: 2022) { respondents index grade elements { code meanScore } byGender { key count } byEducation { key count } }';
      const counts = {
        overview: await measure(overview),
        withQuarters: await measure(withQuarters),
        survey: await measure(survey),
      };
      expect(counts.withQuarters).toBe(counts.overview + 1);
      expect(counts.survey).toBe(1);
      // Before the counters (measured): 11 with or without quarters, a GROUP BY of the facts per quarter either way; the survey loader ran three groupings of the responses.
      expect(counts).toEqual({ overview: 8, withQuarters: 9, survey: 1 });
    });
  });
});
