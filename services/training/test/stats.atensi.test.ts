import type { RunningService } from '@kesos/infra';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callSubgraph, memorySqliteDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { trainingService } from '../src';
import { RAW_ATENSI_ROLLUP_SELECT, rebuildAtensiStats } from '../src/atensi-stats/atensi-stats.rollup';
import { BANDUNG, callers, PADANG, startTraining, type TrainingUnderTest } from './kesos.support';

interface Measures {
  cases: number;
  openCases: number;
  closedCases: number;
  servedCases: number;
  peopleServed: number;
  servedRate: number | null;
}
interface Row extends Measures {
  rank: number | null;
  unitCode: string | null;
  unit: { code: string } | null;
  year: number | null;
  serviceType: string | null;
  status: string | null;
}
interface Summary extends Measures {
  byServiceType: ({ serviceType: string } & Measures)[];
}
const MEASURES = `cases openCases closedCases servedCases peopleServed servedRate`;
const ROW = `rank unitCode unit { code } year serviceType status ${MEASURES}`;
const STATS = `query($filter: AtensiStatsFilter, $groupBy: [AtensiStatsDimension!], $orderBy: [AtensiStatsOrder!], $first: Int) {
  atensiStats(filter: $filter, groupBy: $groupBy, orderBy: $orderBy, first: $first) { ${ROW} } }`;
const SUMMARY = `query($unit: ID!, $year: Int!) { unit(code: $unit) { atensiSummary(year: $year) { ${MEASURES} byServiceType { serviceType ${MEASURES} } } } }`;
const OPEN = `mutation($input: OpenAtensiCaseInput!) { openAtensiCase(input: $input) { id } }`;
const CLOSE = `mutation($input: CloseAtensiCaseInput!) { closeAtensiCase(input: $input) { id } }`;

const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024];
const ZERO: Measures = { cases: 0, openCases: 0, closedCases: 0, servedCases: 0, peopleServed: 0, servedRate: null };
const measures = (r: Measures): Measures => ({
  cases: r.cases,
  openCases: r.openCases,
  closedCases: r.closedCases,
  servedCases: r.servedCases,
  peopleServed: r.peopleServed,
  servedRate: r.servedRate,
});

/** A small deterministic generator (mulberry32), so a failing sequence can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const normal = (rows: Record<string, unknown>[]) =>
  rows
    .map((r) =>
      JSON.stringify([
        r.unitCode,
        Number(r.year),
        r.serviceType,
        r.status,
        Number(r.cases),
        Number(r.servedCases),
        Number(r.peopleServed),
      ]),
    )
    .sort();

/** Every unit's summary for every year (and per service type) must equal the stats rows. */
async function expectAgreement(
  call: <T>(query: string, variables: Record<string, unknown>) => Promise<T>,
  units: string[],
): Promise<number> {
  const filter = { fromYear: YEARS[0], toYear: YEARS[YEARS.length - 1] };
  const { atensiStats: rows } = await call<{ atensiStats: Row[] }>(STATS, { filter, groupBy: ['UNIT', 'YEAR'] });
  const { atensiStats: byType } = await call<{ atensiStats: Row[] }>(STATS, {
    filter,
    groupBy: ['UNIT', 'YEAR', 'SERVICE_TYPE'],
  });
  let compared = 0;
  for (const unit of units)
    for (const year of YEARS) {
      const { unit: u } = await call<{ unit: { atensiSummary: Summary } }>(SUMMARY, { unit, year });
      const s = u.atensiSummary;
      const row = rows.find((r) => r.unitCode === unit && r.year === year);
      expect({ unit, year, ...(row ? measures(row) : ZERO) }).toEqual({ unit, year, ...measures(s) });
      for (const t of s.byServiceType) {
        const r = byType.find((x) => x.unitCode === unit && x.year === year && x.serviceType === t.serviceType);
        expect({ unit, year, t: t.serviceType, ...(r ? measures(r) : ZERO) }).toEqual({
          unit,
          year,
          t: t.serviceType,
          ...measures(t),
        });
      }
      if (row) {
        expect(row.unit?.code).toBe(unit);
        compared += 1;
      }
    }
  return compared;
}

describe('atensiStats on the 2022 seed (MariaDB)', () => {
  let t: TrainingUnderTest;
  const analyst = callers.analyst();
  const stats = async (variables: Record<string, unknown>, caller = analyst) => {
    const r = await t.call<{ atensiStats: Row[] }>(STATS, variables, caller);
    expect(r.errors).toBeUndefined();
    return r.data!.atensiStats;
  };

  beforeAll(async () => {
    t = await startTraining('stats_atensi', true);
  }, 180000);
  afterAll(async () => t?.stop());

  it('agrees with atensiSummary for every unit and year (40 cases, 209 people in Padang 2022)', async () => {
    const units = (await t.call<{ units: { code: string }[] }>(`{ units { code } }`, {}, analyst)).data!.units;
    expect(units.length).toBe(8);
    const call = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const r = await t.call<T>(query, variables, analyst);
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    expect(
      await expectAgreement(
        call,
        units.map((u) => u.code),
      ),
    ).toBeGreaterThan(0);
    const [padang] = await stats({ filter: { fromYear: 2022, toYear: 2022, units: [PADANG] } });
    expect(padang).toMatchObject({ cases: 40, closedCases: 40, peopleServed: 209, servedRate: 100 });
  }, 120000);

  it("gives a viewer or operator only their own unit's rows, never an error; ranks; names bad input", async () => {
    const all = { filter: { fromYear: 2018, toYear: 2022 }, groupBy: ['UNIT'] };
    expect((await stats(all, callers.viewer(PADANG))).map((r) => r.unitCode)).toEqual([PADANG]);
    expect(await stats(all, callers.operator(BANDUNG))).toEqual([]);
    const asked = await stats({ filter: { units: [PADANG] } }, callers.viewer(BANDUNG));
    expect(asked).toEqual([expect.objectContaining({ cases: 0, servedRate: null })]);
    const ranked = await stats({
      filter: { fromYear: 2022, toYear: 2022 },
      groupBy: ['SERVICE_TYPE'],
      orderBy: [{ field: 'PEOPLE_SERVED', direction: 'DESC' }],
    });
    expect(ranked[0].rank).toBe(1);
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i].peopleServed).toBeLessThanOrEqual(ranked[i - 1].peopleServed);
    expect(await stats({ filter: { fromYear: 2022, toYear: 2022, statuses: ['OPEN'] } })).toEqual([
      expect.objectContaining({ cases: 0 }),
    ]);
    const refused = async (variables: Record<string, unknown>, field: string) => {
      const r = await t.call(STATS, variables, analyst);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    };
    await refused({ filter: { fromYear: 1800 } }, 'filter.fromYear');
    await refused({ filter: { fromYear: 2022, toYear: 2021 } }, 'filter.toYear');
    await refused({ first: 0 }, 'first');
  }, 60000);
});

describe('ATENSI statistics rollup kept by the writes (MariaDB)', () => {
  let t: TrainingUnderTest;
  const admin = callers.admin();
  beforeAll(async () => {
    t = await startTraining('stats_atensi_rollup');
  }, 180000);
  afterAll(async () => t?.stop());

  const raw = async () => normal(await t.database.dataSource.query(RAW_ATENSI_ROLLUP_SELECT));
  const rollup = async () =>
    normal(
      await t.database.dataSource.query(
        `SELECT unitCode, year, serviceType, status, cases, servedCases, peopleServed FROM atensi_stats_rollup`,
      ),
    );

  it('equals a raw GROUP BY after random opens and closes (some refused, some concurrent), and the summaries', async () => {
    const rand = random(20223);
    const places: Record<string, [string, string]> = {
      [PADANG]: ['Sumatera Barat', 'Kota Padang'],
      [BANDUNG]: ['Jawa Barat', 'Kota Bandung'],
    };
    const types = ['RESPON_KASUS', 'TANGGAP_DARURAT_BENCANA', 'DUKUNGAN_PSIKOSOSIAL', 'SENTRA_KREASI_ATENSI'];
    const cases: { id: string; year: number }[] = [];
    const open = async () => {
      const unit = rand() < 0.5 ? PADANG : BANDUNG;
      const year = rand() < 0.5 ? 2023 : 2024;
      const r = await t.call(
        OPEN,
        {
          input: {
            unit,
            serviceType: types[Math.floor(rand() * types.length)],
            receivedOn: `${year}-04-10`,
            province: places[unit][0],
            regency: places[unit][1],
            description: 'Kasus sintetis statistik',
          },
        },
        admin,
      );
      expect(r.errors).toBeUndefined();
      cases.push({ id: r.data.openAtensiCase.id, year });
    };
    const close = async () => {
      if (!cases.length) return;
      // Cases are picked again and again: a second close is refused, and nothing moves.
      const c = cases[Math.floor(rand() * cases.length)];
      const served = rand() < 0.7;
      await t.call(
        CLOSE,
        {
          input: {
            caseId: c.id,
            closedOn: `${c.year}-05-10`,
            served,
            peopleServed: served ? 1 + Math.floor(rand() * 9) : 0,
          },
        },
        admin,
      );
    };
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 10; i++) await (rand() < 0.5 ? open() : close());
      await Promise.all(Array.from({ length: 8 }, () => (rand() < 0.3 ? open() : close())));
      expect(await rollup()).toEqual(await raw());
    }
    const closed = await t.database.dataSource.query<{ n: number | string }[]>(
      `SELECT COUNT(*) AS n FROM atensi_case WHERE status = 'CLOSED'`,
    );
    expect(Number(closed[0].n)).toBeGreaterThan(5);
    const call = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const r = await t.call<T>(query, variables, callers.analyst());
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    expect(await expectAgreement(call, [PADANG, BANDUNG])).toBe(4);
    const before = await rollup();
    await t.database.dataSource.transaction((m) => rebuildAtensiStats(m));
    expect(await rollup()).toEqual(before);
  }, 300000);
});

describe('atensiStats in the embedded mode (SQLite)', () => {
  let running: RunningService;
  beforeAll(async () => {
    running = await startService(trainingService, {
      database: await memorySqliteDatabase(trainingService),
      bus: new MemoryEventBus(),
      secrets: TEST_SECRETS,
      logger: createLogger('test', 'silent'),
      port: 0,
      host: '127.0.0.1',
      seed: true,
    });
  }, 120000);
  afterAll(async () => running?.stop());

  it('answers from the seeded SQLite database and keeps the counts as writes happen', async () => {
    const call = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const r = await callSubgraph<T>(running.url, query, variables, {
        caller: callers.admin(),
        secret: TEST_SECRETS.internalSecret,
      });
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    const padang = async () =>
      (await call<{ atensiStats: Row[] }>(STATS, { filter: { fromYear: 2022, toYear: 2022, units: [PADANG] } }))
        .atensiStats[0];
    expect(await padang()).toMatchObject({ cases: 40, peopleServed: 209, servedRate: 100 });
    const c = await call<{ openAtensiCase: { id: string } }>(OPEN, {
      input: {
        unit: PADANG,
        serviceType: 'RESPON_KASUS',
        receivedOn: '2022-11-01',
        province: 'Sumatera Barat',
        regency: 'Kota Padang',
        description: 'Kasus sintetis SQLite',
      },
    });
    expect(await padang()).toMatchObject({ cases: 41, openCases: 1, closedCases: 40 });
    await call(CLOSE, {
      input: { caseId: c.openAtensiCase.id, closedOn: '2022-11-05', served: true, peopleServed: 3 },
    });
    expect(await padang()).toMatchObject({ cases: 41, openCases: 0, closedCases: 41, peopleServed: 212 });
    expect(await expectAgreement(call, [PADANG, BANDUNG])).toBe(1);
  }, 60000);
});
