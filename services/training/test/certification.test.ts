import type { DomainEvent } from '@kesos/infra';
import type { TrainingUnderTest } from './kesos.support';
import { BANDUNG, callers, counts, PADANG, quietPeriod, startTraining } from './kesos.support';

const REGISTER = `mutation($input: RegisterCertificationCandidateInput!) { registerCertificationCandidate(input: $input) { id name year category originProvince originRegency } }`;
const SCHEDULE = `mutation($input: ScheduleCertificationSessionInput!) { scheduleCertificationSession(input: $input) { id year startDate endDate } }`;
const RECORD = `mutation($input: RecordCertificationAssessmentInput!) { recordCertificationAssessment(input: $input) { id year result competent assessedOn candidate { id } session { id } } }`;
const TABLES = ['certification_candidate', 'certification_session', 'certification_assessment'];

describe('certification of SDM Kesos: mutations, events, bad input (MariaDB + NATS)', () => {
  let t: TrainingUnderTest;
  let events: DomainEvent[];
  const operator = callers.operator(PADANG);
  let candidateId: string;
  let sessionId: string;
  let otherYearCandidate: string;
  let freshCandidate: string;

  beforeAll(async () => {
    t = await startTraining('certification');
    events = await t.collect('training.certification.assessed');
    const c = await t.call(
      REGISTER,
      {
        input: {
          unit: PADANG,
          year: 2023,
          name: 'Asesi Sintetis Uji 1',
          category: 'TKS',
          originProvince: 'sumatera barat',
          originRegency: 'Kota Padang',
        },
      },
      operator,
    );
    expect(c.errors).toBeUndefined();
    candidateId = c.data.registerCertificationCandidate.id;
    expect(c.data.registerCertificationCandidate).toMatchObject({
      year: 2023,
      category: 'TKS',
      originProvince: 'Sumatera Barat',
    });
    const s = await t.call(
      SCHEDULE,
      {
        input: {
          unit: PADANG,
          name: 'Uji Kompetensi Sintetis 2023',
          province: 'Sumatera Barat',
          regency: 'Kota Padang',
          startDate: '2023-03-06',
          endDate: '2023-03-08',
        },
      },
      operator,
    );
    expect(s.errors).toBeUndefined();
    sessionId = s.data.scheduleCertificationSession.id;
    expect(s.data.scheduleCertificationSession.year).toBe(2023);
    const o = await t.call(
      REGISTER,
      {
        input: {
          unit: PADANG,
          year: 2024,
          name: 'Asesi Sintetis Uji 2',
          category: 'RS',
          originProvince: 'Aceh',
          originRegency: 'Kota Banda Aceh',
        },
      },
      operator,
    );
    otherYearCandidate = o.data.registerCertificationCandidate.id;
    const f = await t.call(
      REGISTER,
      {
        input: {
          unit: PADANG,
          year: 2023,
          name: 'Asesi Sintetis Uji 3',
          category: 'RS',
          originProvince: 'Jambi',
          originRegency: 'Kota Jambi',
        },
      },
      operator,
    );
    freshCandidate = f.data.registerCertificationCandidate.id;
  });
  afterAll(async () => t?.stop());

  it('records a result once and publishes training.certification.assessed exactly once', async () => {
    const res = await t.call(
      RECORD,
      { input: { sessionId, candidateId, result: 'BELUM_KOMPETEN', assessedOn: '2023-03-07' } },
      operator,
    );
    expect(res.errors).toBeUndefined();
    const a = res.data.recordCertificationAssessment;
    expect(a).toMatchObject({
      year: 2023,
      result: 'BELUM_KOMPETEN',
      competent: false,
      assessedOn: '2023-03-07',
      candidate: { id: candidateId },
      session: { id: sessionId },
    });
    await t.until(() => events.some((e) => (e.data as { assessmentId: number }).assessmentId === Number(a.id)));
    await t.running.relay.flush();
    await quietPeriod();
    const mine = events.filter((e) => (e.data as { assessmentId: number }).assessmentId === Number(a.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      type: 'training.certification.assessed',
      unit: PADANG,
      version: 1,
      data: { assessmentId: Number(a.id), year: 2023, competent: false, candidateId: Number(candidateId) },
    });
  });

  it('a re-assessment in a later session counts the candidate once; nothing is recorded after KOMPETEN', async () => {
    const later = await t.call(
      SCHEDULE,
      {
        input: {
          unit: PADANG,
          name: 'Uji Ulang Sintetis 2023',
          province: 'Sumatera Barat',
          regency: 'Kota Padang',
          startDate: '2023-05-02',
          endDate: '2023-05-02',
        },
      },
      operator,
    );
    const pass = await t.call(
      RECORD,
      {
        input: {
          sessionId: later.data.scheduleCertificationSession.id,
          candidateId,
          result: 'KOMPETEN',
          assessedOn: '2023-05-02',
        },
      },
      operator,
    );
    expect(pass.errors).toBeUndefined();
    await t.until(
      () => events.filter((e) => (e.data as { candidateId: number }).candidateId === Number(candidateId)).length === 2,
    );
    const summary = await t.call(
      `{ _entities(representations: [{ __typename: "Unit", code: "${PADANG}" }]) { ... on Unit { certificationSummary(year: 2023) { planned assessed competent notCompetent competentRate } } } }`,
    );
    expect(summary.data._entities[0].certificationSummary).toEqual({
      planned: 2,
      assessed: 1,
      competent: 1,
      notCompetent: 0,
      competentRate: 100,
    });

    const before = await counts(t.database, TABLES);
    const again = await t.call(
      RECORD,
      { input: { sessionId, candidateId, result: 'KOMPETEN', assessedOn: '2023-03-06' } },
      operator,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'candidateId' });
    expect(await counts(t.database, TABLES)).toEqual(before);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await counts(t.database, TABLES);
    const cases: [string, Record<string, unknown>, string][] = [
      [RECORD, { sessionId: 'x1', candidateId, result: 'KOMPETEN', assessedOn: '2023-03-07' }, 'sessionId'],
      [RECORD, { sessionId: '999999', candidateId, result: 'KOMPETEN', assessedOn: '2023-03-07' }, 'sessionId'],
      [RECORD, { sessionId, candidateId: '999999', result: 'KOMPETEN', assessedOn: '2023-03-07' }, 'candidateId'],
      [
        RECORD,
        { sessionId, candidateId: otherYearCandidate, result: 'KOMPETEN', assessedOn: '2023-03-07' },
        'candidateId',
      ],
      [
        RECORD,
        { sessionId, candidateId: otherYearCandidate, result: 'KOMPETEN', assessedOn: '2023-02-30' },
        'assessedOn',
      ],
      [
        REGISTER,
        {
          unit: PADANG,
          year: 2023,
          name: '  ',
          category: 'RS',
          originProvince: 'Aceh',
          originRegency: 'Kota Banda Aceh',
        },
        'name',
      ],
      [
        REGISTER,
        {
          unit: PADANG,
          year: 1999,
          name: 'Asesi Sintetis X',
          category: 'RS',
          originProvince: 'Aceh',
          originRegency: 'Kota Banda Aceh',
        },
        'year',
      ],
      [
        REGISTER,
        {
          unit: PADANG,
          year: 2023,
          name: 'Asesi Sintetis X',
          category: 'RS',
          originProvince: 'Jawa Barat',
          originRegency: 'Kota Bandung',
        },
        'originProvince',
      ],
      [
        REGISTER,
        {
          unit: PADANG,
          year: 2023,
          name: 'Asesi Sintetis X',
          category: 'RS',
          originProvince: 'Aceh',
          originRegency: '',
        },
        'originRegency',
      ],
      [
        SCHEDULE,
        {
          unit: PADANG,
          name: 'S',
          province: 'Aceh',
          regency: 'Kota Banda Aceh',
          startDate: '2023-03-08',
          endDate: '2023-03-06',
        },
        'endDate',
      ],
      [
        SCHEDULE,
        {
          unit: PADANG,
          name: 'S',
          province: 'Aceh',
          regency: 'Kota Banda Aceh',
          startDate: '2023-12-30',
          endDate: '2024-01-02',
        },
        'endDate',
      ],
      [
        SCHEDULE,
        {
          unit: PADANG,
          name: 'S',
          province: 'Aceh',
          regency: 'Kota Banda Aceh',
          startDate: '6 March 2023',
          endDate: '2023-03-08',
        },
        'startDate',
      ],
    ];
    for (const [mutation, input, field] of cases) {
      const res = await t.call(mutation, { input }, operator);
      expect({ field, code: res.errors?.[0]?.extensions?.code, at: res.errors?.[0]?.extensions?.field }).toEqual({
        field,
        code: 'BAD_USER_INPUT',
        at: field,
      });
    }
    // An assessment day outside the session's days.
    const outside = await t.call(
      RECORD,
      { input: { sessionId, candidateId: freshCandidate, result: 'KOMPETEN', assessedOn: '2023-03-09' } },
      operator,
    );
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assessedOn' });
    expect(await counts(t.database, TABLES)).toEqual(before);
  });

  it("writes are scoped to the caller's unit; reads mask names outside the unit", async () => {
    const before = await counts(t.database, TABLES);
    const foreign = await t.call(
      RECORD,
      { input: { sessionId, candidateId: freshCandidate, result: 'KOMPETEN', assessedOn: '2023-03-07' } },
      callers.operator(BANDUNG),
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const viewer = await t.call(
      REGISTER,
      {
        input: {
          unit: PADANG,
          year: 2023,
          name: 'Asesi Sintetis Y',
          category: 'RS',
          originProvince: 'Aceh',
          originRegency: 'Kota Banda Aceh',
        },
      },
      callers.viewer(PADANG),
    );
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await counts(t.database, TABLES)).toEqual(before);

    const list = `query($unit: ID!) { certificationCandidates(unit: $unit, year: 2023) { nodes { name } } }`;
    expect(
      (await t.call(list, { unit: PADANG }, callers.viewer(PADANG))).data.certificationCandidates.nodes[0].name,
    ).toBe('Asesi Sintetis Uji 1');
    expect((await t.call(list, { unit: PADANG }, callers.analyst())).data.certificationCandidates.nodes[0].name).toBe(
      'A**** S******* U** 1',
    );
    expect((await t.call(list, { unit: PADANG }, callers.viewer(BANDUNG))).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });
});
