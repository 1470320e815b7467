import type { RunningService } from '@kesos/infra';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callSubgraph, memorySqliteDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { trainingService } from '../src';
import { BANDUNG, callers, PADANG, startTraining, type TrainingUnderTest } from './kesos.support';

interface Row {
  rank: number | null;
  unit: { code: string; name: string } | null;
  year: number | null;
  programmeCode: string | null;
  gender: string | null;
  education: string | null;
  status: string | null;
  provinceCode: string | null;
  provinceName: string | null;
  enrolled: number;
  graduated: number;
  failed: number;
  droppedOut: number;
  participants: number;
  graduationRate: number | null;
}
const ROW = `rank unit { code name } year programmeCode gender education status provinceCode provinceName enrolled graduated failed droppedOut participants graduationRate`;
const STATS = `query($filter: TrainingStatsFilter, $groupBy: [TrainingStatsDimension!], $orderBy: [TrainingStatsOrder!], $first: Int) {
  trainingStats(filter: $filter, groupBy: $groupBy, orderBy: $orderBy, first: $first) { ${ROW} } }`;

/** The contract's operations (gateway/test/contract/analytics.graphql), unchanged. */
const BY_UNIT_YEAR = `query TrainingByUnitYear($from: Int!, $to: Int!) {
  trainingStats(filter: { fromYear: $from, toYear: $to }, groupBy: [UNIT, YEAR]) {
    unit { code name } year enrolled graduated failed droppedOut participants graduationRate } }`;
const GRADUATES_BY = `query GraduatesByProgrammeGenderEducation($year: Int!) {
  trainingStats(filter: { fromYear: $year, toYear: $year, statuses: [GRADUATED] }, groupBy: [UNIT, PROGRAMME, GENDER, EDUCATION]) {
    unit { code } programmeCode gender education graduated } }`;

const VOLUME = `query($unit: ID!) { unit(code: $unit) { trainingVolume(fromYear: 2018, toYear: 2022) { year realized byProgramme { programmeCode realized } } } }`;

describe('trainingStats on the 2022 seed (MariaDB)', () => {
  let t: TrainingUnderTest;
  const analyst = callers.analyst();
  const stats = async (variables: Record<string, unknown>, caller = analyst) => {
    const r = await t.call<{ trainingStats: Row[] }>(STATS, variables, caller);
    expect(r.errors).toBeUndefined();
    return r.data!.trainingStats;
  };

  beforeAll(async () => {
    t = await startTraining('stats_query', true);
  }, 180000);
  afterAll(async () => t?.stop());

  it('agrees with trainingVolume for every unit and year, in total and per programme', async () => {
    const units = (await t.call<{ units: { code: string }[] }>(`{ units { code } }`, {}, analyst)).data!.units;
    expect(units.length).toBe(8);
    const byUnitYear = await stats({ filter: { fromYear: 2018, toYear: 2022 }, groupBy: ['UNIT', 'YEAR'] });
    const byProgramme = await stats({
      filter: { fromYear: 2018, toYear: 2022 },
      groupBy: ['UNIT', 'YEAR', 'PROGRAMME'],
    });
    let compared = 0;
    for (const { code } of units) {
      const volume = (
        await t.call<{
          unit: {
            trainingVolume: {
              year: number;
              realized: number;
              byProgramme: { programmeCode: string; realized: number }[];
            }[];
          };
        }>(VOLUME, { unit: code }, analyst)
      ).data!.unit.trainingVolume;
      for (const v of volume) {
        const row = byUnitYear.find((r) => r.unit?.code === code && r.year === v.year);
        expect([code, v.year, row?.graduated ?? 0]).toEqual([code, v.year, v.realized]);
        for (const p of v.byProgramme) {
          const pr = byProgramme.find(
            (r) => r.unit?.code === code && r.year === v.year && r.programmeCode === p.programmeCode,
          );
          expect([code, v.year, p.programmeCode, pr?.graduated ?? 0]).toEqual([
            code,
            v.year,
            p.programmeCode,
            p.realized,
          ]);
        }
        compared += v.realized;
      }
    }
    // 2018-2022: every seeded graduate, 2,790 of them in 2022 (390 PPM + 2,400 PPPS).
    expect(compared).toBe(byUnitYear.reduce((s, r) => s + r.graduated, 0));
    expect(byUnitYear.find((r) => r.unit?.code === PADANG && r.year === 2022)?.graduated).toBe(2790);
  }, 120000);

  it('answers the contract operations unchanged, with distinct people and the graduation rate', async () => {
    const r = await t.call<{ trainingStats: Row[] }>(BY_UNIT_YEAR, { from: 2022, to: 2022 }, analyst);
    expect(r.errors).toBeUndefined();
    const [padang] = r.data!.trainingStats;
    expect(padang).toMatchObject({ unit: { code: PADANG }, year: 2022, enrolled: 2790, graduated: 2790, failed: 0 });
    expect(padang.graduationRate).toBe(100);
    const [raw] = await t.database.dataSource.query<{ n: string | number }[]>(
      `SELECT COUNT(DISTINCT e.participantId) AS n FROM enrollment e JOIN training_class c ON c.id = e.classId WHERE c.year = 2022`,
    );
    expect(padang.participants).toBe(Number(raw.n));

    const g = await t.call<{ trainingStats: Row[] }>(GRADUATES_BY, { year: 2022 }, analyst);
    expect(g.errors).toBeUndefined();
    const rows = g.data!.trainingStats;
    expect(rows.reduce((s, x) => s + x.graduated, 0)).toBe(2790);
    expect(new Set(rows.map((x) => x.programmeCode))).toEqual(new Set(['PPM', 'PPPS']));
    for (const x of rows) {
      expect(x.unit).toEqual({ code: PADANG });
      expect(x.gender).toMatch(/^(FEMALE|MALE)$/);
      expect(x.education).not.toBeNull();
    }
  }, 60000);

  it('groups by province (from the NIK) and status, and one total row without groupBy', async () => {
    const provinces = await stats({ filter: { fromYear: 2022, toYear: 2022 }, groupBy: ['PROVINCE'] });
    expect(provinces.find((p) => p.provinceCode === '13')?.provinceName).toBe('Sumatera Barat');
    expect(provinces.every((p) => p.unit === null && p.year === null && p.provinceName !== null)).toBe(true);
    expect(provinces.reduce((s, p) => s + p.graduated, 0)).toBe(2790);
    const total = await stats({ filter: { fromYear: 2022, toYear: 2022, provinces: ['13'] } });
    expect(total).toHaveLength(1);
    expect(total[0].graduated).toBe(provinces.find((p) => p.provinceCode === '13')?.graduated);
    const none = await stats({ filter: { fromYear: 2030, toYear: 2030 } });
    expect(none).toEqual([
      expect.objectContaining({
        unit: null,
        year: null,
        enrolled: 0,
        graduated: 0,
        participants: 0,
        graduationRate: null,
      }),
    ]);
    const byStatus = await stats({ filter: { fromYear: 2018, toYear: 2022 }, groupBy: ['STATUS'] });
    expect(byStatus.map((s) => s.status)).toEqual(['GRADUATED']);
  }, 60000);

  it("gives a viewer or operator only their own unit's rows, never an error", async () => {
    const all = { filter: { fromYear: 2018, toYear: 2022 }, groupBy: ['UNIT'] };
    expect((await stats(all, callers.viewer(PADANG))).map((r) => r.unit?.code)).toEqual([PADANG]);
    expect(await stats(all, callers.operator(BANDUNG))).toEqual([]);
    const asked = await stats({ filter: { fromYear: 2018, toYear: 2022, units: [PADANG] } }, callers.viewer(BANDUNG));
    expect(asked).toEqual([expect.objectContaining({ enrolled: 0, graduated: 0 })]);
    const everyone = await stats({ filter: { fromYear: 2018, toYear: 2022, units: [PADANG] } }, analyst);
    expect(everyone[0].graduated).toBeGreaterThan(2790);
  }, 60000);

  it('orders, ranks (1, 2, 2, 4) and cuts after ordering', async () => {
    const rows = await stats({
      filter: { fromYear: 2018, toYear: 2022 },
      groupBy: ['YEAR', 'PROGRAMME'],
      orderBy: [{ field: 'GRADUATED', direction: 'DESC' }],
    });
    expect(rows.length).toBeGreaterThan(3);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].graduated).toBeLessThanOrEqual(rows[i - 1].graduated);
      expect(rows[i].rank).toBe(rows[i].graduated === rows[i - 1].graduated ? rows[i - 1].rank : i + 1);
    }
    expect(rows[0].rank).toBe(1);
    const top = await stats({
      filter: { fromYear: 2018, toYear: 2022 },
      groupBy: ['YEAR', 'PROGRAMME'],
      orderBy: [{ field: 'GRADUATED', direction: 'DESC' }],
      first: 2,
    });
    expect(top).toEqual(rows.slice(0, 2));
    const byYear = await stats({
      filter: { fromYear: 2018, toYear: 2022 },
      groupBy: ['YEAR'],
      orderBy: [{ field: 'YEAR', direction: 'ASC' }],
    });
    expect(byYear.map((r) => r.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
    const unranked = await stats({ filter: { fromYear: 2018, toYear: 2022 }, groupBy: ['YEAR'] });
    expect(unranked.map((r) => [r.year, r.rank])).toEqual(byYear.map((r) => [r.year, null]));
    const people = await stats({
      filter: { fromYear: 2018, toYear: 2022 },
      groupBy: ['YEAR'],
      orderBy: [{ field: 'PARTICIPANTS', direction: 'DESC' }],
      first: 1,
    });
    expect(people[0].participants).toBe(Math.max(...unranked.map((r) => r.participants)));
  }, 60000);

  it('names the field of bad input', async () => {
    const refused = async (variables: Record<string, unknown>, field: string) => {
      const r = await t.call(STATS, variables, analyst);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    };
    await refused({ filter: { fromYear: 1800 } }, 'filter.fromYear');
    await refused({ filter: { fromYear: 2022, toYear: 2021 } }, 'filter.toYear');
    await refused({ first: 0 }, 'first');
    await refused({ filter: { provinces: ['Sumatera Barat'] } }, 'filter.provinces');
  }, 60000);
});

describe('trainingStats in the embedded mode (SQLite)', () => {
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

  it('answers the same figures from the seeded SQLite database', async () => {
    const r = await callSubgraph<{ trainingStats: Row[] }>(
      running.url,
      BY_UNIT_YEAR,
      { from: 2018, to: 2022 },
      { caller: callers.analyst(), secret: TEST_SECRETS.internalSecret },
    );
    expect(r.errors).toBeUndefined();
    const padang2022 = r.data!.trainingStats.find((x) => x.unit?.code === PADANG && x.year === 2022);
    expect(padang2022).toMatchObject({ enrolled: 2790, graduated: 2790, graduationRate: 100 });
    expect(padang2022!.participants).toBeGreaterThan(0);
    const g = await callSubgraph<{ trainingStats: Row[] }>(
      running.url,
      GRADUATES_BY,
      { year: 2022 },
      {
        caller: callers.viewer(PADANG),
        secret: TEST_SECRETS.internalSecret,
      },
    );
    expect(g.errors).toBeUndefined();
    expect(g.data!.trainingStats.reduce((s, x) => s + x.graduated, 0)).toBe(2790);
  }, 60000);

  it('keeps the counts and distinct people as SQLite writes happen (enroll, import, transitions)', async () => {
    const admin = { caller: callers.admin(), secret: TEST_SECRETS.internalSecret };
    const ok = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const r = await callSubgraph<T>(running.url, query, variables, admin);
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    const programme = await ok<{ createProgramme: { id: string } }>(
      `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`,
      {
        input: {
          unit: PADANG,
          code: 'SQLST',
          name: 'Pelatihan Uji Statistik SQLite',
          participantCategory: 'PM_KPM_PKH',
        },
      },
    );
    const newClass = async (batch: number) =>
      (
        await ok<{ createTrainingClass: { id: string } }>(
          `mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { id } }`,
          {
            input: {
              programmeId: programme.createProgramme.id,
              batch,
              province: 'Sumatera Barat',
              regency: 'Kota Padang',
              startDate: '2031-05-01',
              endDate: '2031-05-05',
              capacity: 10,
              targetParticipants: 10,
            },
          },
        )
      ).createTrainingClass.id;
    const [first, second] = [await newClass(1), await newClass(2)];
    const person = await ok<{ registerParticipant: { id: string } }>(
      `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`,
      {
        input: {
          unit: PADANG,
          nik: '1371004101310001',
          name: 'Peserta Sintetis SQLite',
          gender: 'FEMALE',
          birthDate: '1990-01-01',
          education: 'SMA',
          category: 'PM_KPM_PKH',
        },
      },
    );
    const enrolled = await ok<{ enrollParticipant: { id: string } }>(
      `mutation($input: EnrollParticipantInput!) { enrollParticipant(input: $input) { id } }`,
      {
        input: { classId: first, participantId: person.registerParticipant.id },
      },
    );
    const csv = [
      'nik,nama,jenis kelamin,tanggal lahir,pendidikan,kategori,provinsi,kabupaten/kota,id angkatan',
      `1371004101310001,Peserta Sintetis SQLite,P,1990-01-01,SMA,PM_KPM_PKH,,,${second}`,
      `1271000101310002,Peserta Sintetis SQLite Dua,L,1990-01-01,S1,PM_KPM_PKH,,,${second}`,
    ].join('\n');
    const imported = await ok<{ importParticipants: { status: string; enrollmentsCreated: number } }>(
      `mutation($input: ImportParticipantsInput!) { importParticipants(input: $input) { status enrollmentsCreated } }`,
      { input: { unit: PADANG, format: 'CSV', contentBase64: Buffer.from(csv).toString('base64') } },
    );
    expect(imported.importParticipants).toEqual({ status: 'IMPORTED', enrollmentsCreated: 2 });
    await ok(`mutation($input: DropOutEnrollmentInput!) { dropOutEnrollment(input: $input) { status } }`, {
      input: { enrollmentId: enrolled.enrollParticipant.id, reason: 'Pindah (uji statistik)' },
    });
    const year = await ok<{ trainingStats: Row[] }>(BY_UNIT_YEAR, { from: 2031, to: 2031 });
    expect(year.trainingStats).toEqual([
      {
        unit: { code: PADANG, name: expect.any(String) },
        year: 2031,
        enrolled: 3,
        graduated: 0,
        failed: 0,
        droppedOut: 1,
        participants: 2,
        graduationRate: 0,
      },
    ]);
    const byProvince = await ok<{ trainingStats: Row[] }>(STATS, {
      filter: { fromYear: 2031, toYear: 2031 },
      groupBy: ['PROVINCE', 'STATUS'],
    });
    expect(byProvince.trainingStats.map((r) => [r.provinceCode, r.status, r.enrolled, r.participants])).toEqual([
      ['12', 'REGISTERED', 1, 1],
      ['13', 'DROPPED_OUT', 1, 1],
      ['13', 'REGISTERED', 1, 1],
    ]);
  }, 60000);
});
