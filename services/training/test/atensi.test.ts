import type { DomainEvent } from '@kesos/infra';
import type { TrainingUnderTest } from './kesos.support';
import { BANDUNG, callers, counts, PADANG, quietPeriod, startTraining } from './kesos.support';

const OPEN = `mutation($input: OpenAtensiCaseInput!) { openAtensiCase(input: $input) { id year status serviceType receivedOn closedOn served peopleServed } }`;
const CLOSE = `mutation($input: CloseAtensiCaseInput!) { closeAtensiCase(input: $input) { id year status closedOn served peopleServed } }`;
const SUMMARY = `query($year: Int!) { _entities(representations: [{ __typename: "Unit", code: "${PADANG}" }]) { ... on Unit { atensiSummary(year: $year) { cases openCases closedCases servedCases peopleServed servedRate byServiceType { serviceType cases closedCases servedCases peopleServed servedRate } } } } }`;
const TABLES = ['atensi_case'];

describe('ATENSI cases: mutations, events, bad input (MariaDB + NATS)', () => {
  let t: TrainingUnderTest;
  let events: DomainEvent[];
  const operator = callers.operator(PADANG);
  const open = async (serviceType: string, receivedOn: string) => {
    const res = await t.call(
      OPEN,
      {
        input: {
          unit: PADANG,
          serviceType,
          receivedOn,
          province: 'Sumatera Barat',
          regency: 'Kota Padang',
          description: 'Kasus sintetis uji',
        },
      },
      operator,
    );
    expect(res.errors).toBeUndefined();
    return res.data.openAtensiCase;
  };

  beforeAll(async () => {
    t = await startTraining('atensi');
    events = await t.collect('training.atensi.case-closed');
  });
  afterAll(async () => t?.stop());

  it('OPEN -> CLOSED publishes training.atensi.case-closed exactly once; closing again is refused', async () => {
    const c = await open('TANGGAP_DARURAT_BENCANA', '2023-02-10');
    expect(c).toMatchObject({ year: 2023, status: 'OPEN', closedOn: null, served: null, peopleServed: null });
    const closed = await t.call(
      CLOSE,
      { input: { caseId: c.id, closedOn: '2023-02-20', served: true, peopleServed: 37 } },
      operator,
    );
    expect(closed.data.closeAtensiCase).toEqual({
      id: c.id,
      year: 2023,
      status: 'CLOSED',
      closedOn: '2023-02-20',
      served: true,
      peopleServed: 37,
    });
    await t.until(() => events.some((e) => (e.data as { caseId: number }).caseId === Number(c.id)));
    const before = await counts(t.database, TABLES);
    const again = await t.call(
      CLOSE,
      { input: { caseId: c.id, closedOn: '2023-02-21', served: false, peopleServed: 0 } },
      operator,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseId' });
    expect(await counts(t.database, TABLES)).toEqual(before);
    await t.running.relay.flush();
    await quietPeriod();
    const mine = events.filter((e) => (e.data as { caseId: number }).caseId === Number(c.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      type: 'training.atensi.case-closed',
      unit: PADANG,
      version: 1,
      data: {
        caseId: Number(c.id),
        year: 2023,
        serviceType: 'TANGGAP_DARURAT_BENCANA',
        peopleServed: 37,
        served: true,
      },
    });
  });

  it('summarises per year and type of service: served rate over closed cases', async () => {
    const c2 = await open('RESPON_KASUS', '2023-03-01');
    await open('RESPON_KASUS', '2023-03-02');
    await t.call(CLOSE, { input: { caseId: c2.id, closedOn: '2023-03-09', served: false, peopleServed: 0 } }, operator);
    const s = (await t.call(SUMMARY, { year: 2023 })).data._entities[0].atensiSummary;
    expect(s).toMatchObject({
      cases: 3,
      openCases: 1,
      closedCases: 2,
      servedCases: 1,
      peopleServed: 37,
      servedRate: 50,
    });
    expect(s.byServiceType.find((x: { serviceType: string }) => x.serviceType === 'RESPON_KASUS')).toEqual({
      serviceType: 'RESPON_KASUS',
      cases: 2,
      closedCases: 1,
      servedCases: 0,
      peopleServed: 0,
      servedRate: 0,
    });
    expect(s.byServiceType.find((x: { serviceType: string }) => x.serviceType === 'SENTRA_KREASI_ATENSI')).toEqual({
      serviceType: 'SENTRA_KREASI_ATENSI',
      cases: 0,
      closedCases: 0,
      servedCases: 0,
      peopleServed: 0,
      servedRate: null,
    });
  });

  it('pages the cases as a connection: edges with cursors, pageInfo, totalCount of the same filter', async () => {
    const LIST = `query($first: Int!, $after: String, $status: AtensiCaseStatus) {
      atensiCases(unit: "${PADANG}", year: 2023, status: $status, first: $first, after: $after) {
        edges { cursor node { id status } } nodes { id } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } totalCount } }`;
    const first = (await t.call(LIST, { first: 2 }, callers.viewer(PADANG))).data.atensiCases;
    expect(first.edges).toHaveLength(2);
    expect(first.nodes).toEqual(first.edges.map((e: { node: { id: string } }) => ({ id: e.node.id })));
    expect(first.pageInfo).toEqual({
      startCursor: first.edges[0].cursor,
      endCursor: first.edges[1].cursor,
      hasNextPage: true,
      hasPreviousPage: false,
    });
    expect(first.totalCount).toBe(3);
    const rest = (await t.call(LIST, { first: 2, after: first.pageInfo.endCursor }, callers.viewer(PADANG))).data
      .atensiCases;
    expect(rest.edges).toHaveLength(1);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(rest.totalCount).toBe(3);
    const open = (await t.call(LIST, { first: 2, status: 'OPEN' }, callers.viewer(PADANG))).data.atensiCases;
    expect(open.edges.map((e: { node: { status: string } }) => e.node.status)).toEqual(['OPEN']);
    expect(open.totalCount).toBe(1);
    expect((await t.call(LIST, { first: 2 }, callers.viewer(BANDUNG))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses bad input with BAD_USER_INPUT naming the field; other units cannot write; nothing is written', async () => {
    const c = await open('DUKUNGAN_PSIKOSOSIAL', '2023-04-03');
    const before = await counts(t.database, TABLES);
    const ok = { caseId: c.id, closedOn: '2023-04-10', served: true, peopleServed: 3 };
    const cases: [string, Record<string, unknown>, string][] = [
      [CLOSE, { ...ok, caseId: 'abc' }, 'caseId'],
      [CLOSE, { ...ok, caseId: '99999' }, 'caseId'],
      [CLOSE, { ...ok, closedOn: '2023-04-01' }, 'closedOn'],
      [CLOSE, { ...ok, peopleServed: 0 }, 'peopleServed'],
      [CLOSE, { ...ok, served: false }, 'peopleServed'],
      [CLOSE, { ...ok, peopleServed: -2 }, 'peopleServed'],
      [
        OPEN,
        {
          unit: PADANG,
          serviceType: 'RESPON_KASUS',
          receivedOn: '2023-04-31',
          province: 'Aceh',
          regency: 'Kota Banda Aceh',
        },
        'receivedOn',
      ],
      [
        OPEN,
        {
          unit: PADANG,
          serviceType: 'RESPON_KASUS',
          receivedOn: '2023-04-03',
          province: 'Bali',
          regency: 'Kota Denpasar',
        },
        'province',
      ],
      [
        OPEN,
        {
          unit: PADANG,
          serviceType: 'RESPON_KASUS',
          receivedOn: '2023-04-03',
          province: 'Aceh',
          regency: 'Kota Banda Aceh',
          description: 'x'.repeat(301),
        },
        'description',
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
    expect((await t.call(CLOSE, { input: ok }, callers.operator(BANDUNG))).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (
        await t.call(
          OPEN,
          {
            input: {
              unit: PADANG,
              serviceType: 'RESPON_KASUS',
              receivedOn: '2023-04-03',
              province: 'Aceh',
              regency: 'Kota Banda Aceh',
            },
          },
          callers.operator(BANDUNG),
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(await counts(t.database, TABLES)).toEqual(before);
  });
});
