import type { DomainEvent } from '@kesos/infra';
import { validUntil } from '../src/accreditation/accreditation.validity';
import { AccreditationResult } from '../src/accreditation/accreditation.type';
import type { TrainingUnderTest } from './kesos.support';
import { BANDUNG, callers, counts, PADANG, quietPeriod, startTraining } from './kesos.support';

const REGISTER = `mutation($input: RegisterLksInstitutionInput!) { registerLksInstitution(input: $input) { id name kind province regency } }`;
const RECORD = `mutation($input: RecordAccreditationInput!) { recordAccreditation(input: $input) { id year result accredited validityYears validUntil visitDate decidedOn assessorTeam institution { id name } } }`;
const TARGET = `mutation($input: SetAccreditationTargetInput!) { setAccreditationTarget(input: $input) { unitCode year institutions } }`;
const SUMMARY = `query($year: Int!) { _entities(representations: [{ __typename: "Unit", code: "${PADANG}" }]) { ... on Unit { accreditationSummary(year: $year) { target assessed accredited notAccredited accreditedRate targetRealization byResult { result count } } } } }`;
const TABLES = ['lks_institution', 'accreditation_assessment', 'accreditation_target'];

describe('validity of an accreditation', () => {
  it('runs 5, 3 or 2 years from the decision, to the day before; none when not accredited', () => {
    expect(validUntil(AccreditationResult.A, '2022-11-30')).toBe('2027-11-29');
    expect(validUntil(AccreditationResult.B, '2022-01-01')).toBe('2024-12-31');
    expect(validUntil(AccreditationResult.C, '2024-02-29')).toBe('2026-02-28');
    expect(validUntil(AccreditationResult.NOT_ACCREDITED, '2022-11-30')).toBeNull();
  });
});

describe('accreditation of LKS: mutations, events, bad input (MariaDB + NATS)', () => {
  let t: TrainingUnderTest;
  let events: DomainEvent[];
  const operator = callers.operator(PADANG);
  const institutions: string[] = [];

  beforeAll(async () => {
    t = await startTraining('accreditation');
    events = await t.collect('training.accreditation.decided');
    for (const [name, kind, province, regency] of [
      ['LKS Sintetis Uji A', 'CHILDREN', 'Riau', 'Kota Pekanbaru'],
      ['LKS Sintetis Uji B', 'ELDERLY', 'Bengkulu', 'Kota Bengkulu'],
      ['LKS Sintetis Uji C', 'DISABILITY', 'Jambi', 'Kota Jambi'],
    ]) {
      const res = await t.call(REGISTER, { input: { unit: PADANG, name, kind, province, regency } }, operator);
      expect(res.errors).toBeUndefined();
      institutions.push(res.data.registerLksInstitution.id);
    }
  });
  afterAll(async () => t?.stop());

  it('records a visit and decision, derives validity, and publishes training.accreditation.decided exactly once', async () => {
    const res = await t.call(
      RECORD,
      {
        input: {
          institutionId: institutions[0],
          visitDate: '2023-07-10',
          assessorTeam: ['Asesor Sintetis 01', 'Asesor Sintetis 02'],
          result: 'A',
          decidedOn: '2023-07-24',
        },
      },
      operator,
    );
    expect(res.errors).toBeUndefined();
    const a = res.data.recordAccreditation;
    expect(a).toMatchObject({
      year: 2023,
      result: 'A',
      accredited: true,
      validityYears: 5,
      validUntil: '2028-07-23',
      assessorTeam: ['Asesor Sintetis 01', 'Asesor Sintetis 02'],
      institution: { id: institutions[0], name: 'LKS Sintetis Uji A' },
    });
    await t.until(() => events.some((e) => (e.data as { assessmentId: number }).assessmentId === Number(a.id)));
    await t.running.relay.flush();
    await quietPeriod();
    const mine = events.filter((e) => (e.data as { assessmentId: number }).assessmentId === Number(a.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      type: 'training.accreditation.decided',
      unit: PADANG,
      version: 1,
      data: {
        assessmentId: Number(a.id),
        institutionId: Number(institutions[0]),
        year: 2023,
        result: 'A',
        accredited: true,
      },
    });

    const none = await t.call(
      RECORD,
      {
        input: {
          institutionId: institutions[1],
          visitDate: '2023-08-01',
          assessorTeam: ['Asesor Sintetis 03'],
          result: 'NOT_ACCREDITED',
          decidedOn: '2023-08-01',
        },
      },
      operator,
    );
    expect(none.data.recordAccreditation).toMatchObject({ accredited: false, validityYears: null, validUntil: null });
    await t.until(() =>
      events.some(
        (e) =>
          (e.data as { assessmentId: number }).assessmentId === Number(none.data.recordAccreditation.id) &&
          !(e.data as { accredited: boolean }).accredited,
      ),
    );

    expect(
      (await t.call(TARGET, { input: { unit: PADANG, year: 2023, institutions: 4 } }, operator)).errors,
    ).toBeUndefined();
    expect(
      (await t.call(TARGET, { input: { unit: PADANG, year: 2023, institutions: 3 } }, operator)).data
        .setAccreditationTarget.institutions,
    ).toBe(3);
    const summary = (await t.call(SUMMARY, { year: 2023 })).data._entities[0].accreditationSummary;
    expect(summary).toEqual({
      target: 3,
      assessed: 2,
      accredited: 1,
      notAccredited: 1,
      accreditedRate: 50,
      targetRealization: 66.67,
      byResult: [
        { result: 'A', count: 1 },
        { result: 'B', count: 0 },
        { result: 'C', count: 0 },
        { result: 'NOT_ACCREDITED', count: 1 },
      ],
    });
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, a second decision in a year too (naming institutionId), and writes nothing', async () => {
    const before = await counts(t.database, TABLES);
    const ok = {
      institutionId: institutions[2],
      visitDate: '2023-09-04',
      assessorTeam: ['Asesor Sintetis 05', 'Asesor Sintetis 06'],
      result: 'B',
      decidedOn: '2023-09-18',
    };
    const cases: [string, Record<string, unknown>, string][] = [
      [RECORD, { ...ok, institutionId: '0' }, 'institutionId'],
      [RECORD, { ...ok, institutionId: '424242' }, 'institutionId'],
      [RECORD, { ...ok, visitDate: '2023-13-01' }, 'visitDate'],
      [RECORD, { ...ok, decidedOn: '2023-09-01' }, 'decidedOn'],
      [RECORD, { ...ok, assessorTeam: [] }, 'assessorTeam'],
      [RECORD, { ...ok, assessorTeam: ['Asesor Sintetis 05', ' asesor sintetis 05 '] }, 'assessorTeam'],
      [
        REGISTER,
        { unit: PADANG, name: 'LKS Sintetis X', kind: 'COMMUNITY', province: 'Papua', regency: 'Kota Jayapura' },
        'province',
      ],
      [
        REGISTER,
        { unit: 'NO-SUCH-UNIT', name: 'LKS Sintetis X', kind: 'COMMUNITY', province: 'Riau', regency: 'Kota Dumai' },
        'unit',
      ],
      [TARGET, { unit: PADANG, year: 2023, institutions: -1 }, 'institutions'],
    ];
    for (const [mutation, input, field] of cases) {
      const res = await t.call(mutation, { input }, callers.admin());
      expect({ field, code: res.errors?.[0]?.extensions?.code, at: res.errors?.[0]?.extensions?.field }).toEqual({
        field,
        code: 'BAD_USER_INPUT',
        at: field,
      });
    }
    const twice = await t.call(
      RECORD,
      { input: { ...ok, institutionId: institutions[0], visitDate: '2023-12-01', decidedOn: '2023-12-05' } },
      operator,
    );
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'institutionId' });
    const foreign = await t.call(RECORD, { input: ok }, callers.operator(BANDUNG));
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const analyst = await t.call(TARGET, { input: { unit: PADANG, year: 2023, institutions: 9 } }, callers.analyst());
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await counts(t.database, TABLES)).toEqual(before);
  });
});
