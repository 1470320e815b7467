import { createLogger, OutboxEventEntity } from '@kesos/infra';
import { memorySqliteDatabase } from '@kesos/infra/testing';
import type { DataSource } from 'typeorm';
import { trainingService } from '../src';
import { seedAccreditation } from '../src/seed/accreditation.seed';
import { seedAtensi } from '../src/seed/atensi.seed';
import { seedCertification } from '../src/seed/certification.seed';
import { seedUnits } from '../src/seed/units.seed';
import type { TrainingUnderTest } from './kesos.support';
import { callers, PADANG, startTraining } from './kesos.support';

const SUMMARIES = `query($unit: ID!, $year: Int!) { unit(code: $unit) {
  certificationSummary(year: $year) { year planned assessed competent notCompetent competentRate }
  accreditationSummary(year: $year) { year target assessed accredited notAccredited accreditedRate targetRealization byResult { result count } }
  atensiSummary(year: $year) { year cases openCases closedCases servedCases peopleServed servedRate byServiceType { serviceType cases servedCases peopleServed servedRate } }
} }`;

describe('2022 seed of certification, accreditation and ATENSI (MariaDB)', () => {
  let t: TrainingUnderTest;
  beforeAll(async () => {
    // The seed's events stay in the outbox (read below) but count as published, so the relay stays
    // idle and the SQL counts measured below are the requests' own.
    const seedAndMarkPublished = async (ds: DataSource) => {
      expect(await trainingService.seed(ds, createLogger('test', 'silent'))).toBe(true);
      await ds
        .getRepository(OutboxEventEntity)
        .createQueryBuilder()
        .update()
        .set({ publishedAt: new Date() })
        .execute();
    };
    t = await startTraining('kesos_seed', seedAndMarkPublished, 600_000);
  });
  afterAll(async () => t?.stop());

  it('summaries give the report figures: 2,987 assessed / 2,899 competent = 97.05; 202 assessed / 171 accredited = 84.65; ATENSI 100', async () => {
    const res = await t.call(SUMMARIES, { unit: PADANG, year: 2022 }, callers.viewer(PADANG));
    expect(res.errors).toBeUndefined();
    const { certificationSummary, accreditationSummary, atensiSummary } = res.data.unit;
    expect(certificationSummary).toEqual({
      year: 2022,
      planned: 3000,
      assessed: 2987,
      competent: 2899,
      notCompetent: 88,
      competentRate: 97.05,
    });
    expect(accreditationSummary).toEqual({
      year: 2022,
      target: 200,
      assessed: 202,
      accredited: 171,
      notAccredited: 31,
      accreditedRate: 84.65,
      targetRealization: 101,
      byResult: [
        { result: 'A', count: 38 },
        { result: 'B', count: 86 },
        { result: 'C', count: 47 },
        { result: 'NOT_ACCREDITED', count: 31 },
      ],
    });
    expect(atensiSummary).toMatchObject({
      year: 2022,
      cases: 40,
      openCases: 0,
      closedCases: 40,
      servedCases: 40,
      peopleServed: 209,
      servedRate: 100,
    });
    expect(
      atensiSummary.byServiceType.map((s: { serviceType: string; cases: number; servedRate: number }) => [
        s.serviceType,
        s.cases,
        s.servedRate,
      ]),
    ).toEqual([
      ['RESPON_KASUS', 18, 100],
      ['TANGGAP_DARURAT_BENCANA', 4, 100],
      ['DUKUNGAN_PSIKOSOSIAL', 10, 100],
      ['SENTRA_KREASI_ATENSI', 8, 100],
    ]);
    const empty = (await t.call(SUMMARIES, { unit: 'BBPPKS-MAKASSAR', year: 2022 })).data.unit;
    expect(empty.certificationSummary).toMatchObject({ assessed: 0, competentRate: null });
    expect(empty.accreditationSummary).toMatchObject({
      target: null,
      assessed: 0,
      accreditedRate: null,
      targetRealization: null,
    });
    expect(
      (await t.call(SUMMARIES, { unit: PADANG, year: 2022 }, callers.viewer('BBPPKS-MAKASSAR'))).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('the outbox holds one event per assessment, decision and closed case, with the same counts', async () => {
    const rows = await t.database.dataSource
      .getRepository(OutboxEventEntity)
      .find({ select: { subject: true, envelope: true } });
    const data = (subject: string) => rows.filter((r) => r.subject === subject).map((r) => JSON.parse(r.envelope).data);
    const certified = data('training.certification.assessed');
    expect([
      certified.length,
      certified.filter((d) => d.competent).length,
      new Set(certified.map((d) => d.assessmentId)).size,
    ]).toEqual([2987, 2899, 2987]);
    const decided = data('training.accreditation.decided');
    expect([decided.length, decided.filter((d) => d.accredited).length]).toEqual([202, 171]);
    const closed = data('training.atensi.case-closed');
    expect([
      closed.length,
      closed.filter((d) => d.served).length,
      closed.reduce<number>((s, d) => s + Number(d.peopleServed), 0),
    ]).toEqual([40, 40, 209]);
    expect(
      certified.every((d) => d.year === 2022) &&
        decided.every((d) => d.year === 2022) &&
        closed.every((d) => d.year === 2022),
    ).toBe(true);
  });

  it('lists page by cursor and batch: the SQL count does not grow with the page size', async () => {
    const certList = `query($first: Int!, $after: String) { certificationAssessments(unit: "${PADANG}", year: 2022, first: $first, after: $after) {
      nodes { id result competent candidate { name category originProvince } session { name startDate } } pageInfo { endCursor hasNextPage } } }`;
    const measure = (query: string, first: number) => t.running.queries.measure(() => t.call(query, { first }));
    const small = await measure(certList, 5);
    const large = await measure(certList, 200);
    expect(large.result.data.certificationAssessments.nodes).toHaveLength(200);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(3);

    const accList = `query($first: Int!) { accreditationAssessments(unit: "${PADANG}", first: $first) { nodes { result validUntil institution { name kind province } } pageInfo { hasNextPage } } }`;
    const a5 = await measure(accList, 5);
    const a200 = await measure(accList, 200);
    expect(a200.queries).toBe(a5.queries);
    expect(a200.result.data.accreditationAssessments.nodes[0]).toEqual({
      result: 'B',
      validUntil: '2025-07-17',
      institution: { name: 'LKS Sintetis 001', kind: 'CHILDREN', province: 'Aceh' },
    });

    const unitsQuery = `{ units { code certificationSummary(year: 2022) { assessed } accreditationSummary(year: 2022) { accredited } atensiSummary(year: 2022) { cases } } }`;
    const all = await t.running.queries.measure(() => t.call(unitsQuery));
    expect(all.result.data.units).toHaveLength(8);
    expect(all.queries).toBeLessThanOrEqual(6);

    // Walking every page returns each result once.
    const seen = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const page: { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } = (
        await t.call(certList, { first: 200, after })
      ).data.certificationAssessments;
      page.nodes.forEach((n) => seen.add(n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.size).toBe(2987);
    expect((await t.call(certList, { first: 201 })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect((await t.call(certList, { first: 5, after: 'bm9wZQ' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('every list is a Relay connection: edges with cursors, pageInfo, and a totalCount counted only when selected', async () => {
    const page = (
      list: string,
      args: string,
    ) => `query($first: Int!, $after: String) { ${list}(unit: "${PADANG}"${args}, first: $first, after: $after) {
      edges { cursor node { id } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }`;
    const counted = (list: string, args: string) =>
      `query($first: Int!) { ${list}(unit: "${PADANG}"${args}, first: $first) { nodes { id } totalCount } }`;
    const lists: [string, string, number][] = [
      ['certificationAssessments', ', year: 2022', 2987],
      ['certificationAssessments', ', year: 2022, result: BELUM_KOMPETEN', 88],
      ['certificationCandidates', ', year: 2022', 3000],
      ['accreditationAssessments', ', year: 2022', 202],
      ['accreditationAssessments', ', result: NOT_ACCREDITED', 31],
      ['lksInstitutions', '', 202],
      ['atensiCases', ', year: 2022, serviceType: RESPON_KASUS', 18],
    ];
    for (const [list, args, total] of lists) {
      const first = (await t.call(page(list, args), { first: 3 })).data[list];
      expect(first.edges).toHaveLength(3);
      expect(first.pageInfo).toEqual({
        startCursor: first.edges[0].cursor,
        endCursor: first.edges[2].cursor,
        hasNextPage: true,
        hasPreviousPage: false,
      });
      const next = (await t.call(page(list, args), { first: 2, after: first.pageInfo.endCursor })).data[list];
      expect(Number(next.edges[0].node.id)).toBeGreaterThan(Number(first.edges[2].node.id));
      expect(next.pageInfo.hasPreviousPage).toBe(true);

      // totalCount is one COUNT statement of the same filter, and only when it is asked for.
      const without = await t.running.queries.measure(() =>
        t.call(`query { ${list}(unit: "${PADANG}"${args}, first: 3) { nodes { id } } }`),
      );
      const withTotal = await t.running.queries.measure(() => t.call(counted(list, args), { first: 3 }));
      expect(withTotal.result.data[list].totalCount).toBe(total);
      expect(withTotal.queries).toBe(without.queries + 1);
    }
  });
});

describe('the seed in the embedded mode (SQLite)', () => {
  it('loads certification, accreditation and ATENSI with their 3,229 events in bulk (a guard against a per-row loop, not a speed goal)', async () => {
    const db = await memorySqliteDatabase(trainingService);
    try {
      const started = Date.now();
      await db.dataSource.transaction(async (m) => {
        await seedUnits(m);
        const mine = Date.now();
        await seedCertification(m);
        await seedAccreditation(m);
        await seedAtensi(m);
        expect(Date.now() - mine).toBeLessThan(15_000);
      });
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(await db.dataSource.getRepository(OutboxEventEntity).count()).toBe(8 + 2987 + 202 + 40);
    } finally {
      await db.dataSource.destroy();
    }
  });
});
