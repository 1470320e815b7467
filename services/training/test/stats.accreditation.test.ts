import type { RunningService } from '@kesos/infra';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callSubgraph, memorySqliteDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { trainingService } from '../src';
import {
  RAW_ACCREDITATION_ROLLUP_SELECT,
  rebuildAccreditationStats,
} from '../src/accreditation-stats/accreditation-stats.rollup';
import { BANDUNG, callers, PADANG, startTraining, type TrainingUnderTest } from './kesos.support';

interface Row {
  rank: number | null;
  unitCode: string | null;
  unit: { code: string } | null;
  year: number | null;
  result: string | null;
  kind: string | null;
  assessed: number;
  accredited: number;
  notAccredited: number;
  accreditationRate: number | null;
}
interface Summary {
  assessed: number;
  accredited: number;
  notAccredited: number;
  accreditedRate: number | null;
  byResult: { result: string; count: number }[];
}
const ROW = `rank unitCode unit { code } year result kind assessed accredited notAccredited accreditationRate`;
const STATS = `query($filter: AccreditationStatsFilter, $groupBy: [AccreditationStatsDimension!], $orderBy: [AccreditationStatsOrder!], $first: Int) {
  accreditationStats(filter: $filter, groupBy: $groupBy, orderBy: $orderBy, first: $first) { ${ROW} } }`;
const SUMMARY = `query($unit: ID!, $year: Int!) { unit(code: $unit) { accreditationSummary(year: $year) { assessed accredited notAccredited accreditedRate byResult { result count } } } }`;
const REGISTER = `mutation($input: RegisterLksInstitutionInput!) { registerLksInstitution(input: $input) { id } }`;
const RECORD = `mutation($input: RecordAccreditationInput!) { recordAccreditation(input: $input) { id } }`;

const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024];

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
  rows.map((r) => JSON.stringify([r.unitCode, Number(r.year), r.kind, r.result, Number(r.n)])).sort();

/** Every unit's summary for every year must equal the stats rows (grouped by UNIT, YEAR and RESULT too). */
async function expectAgreement(
  call: <T>(query: string, variables: Record<string, unknown>) => Promise<T>,
  units: string[],
): Promise<number> {
  const filter = { fromYear: YEARS[0], toYear: YEARS[YEARS.length - 1] };
  const { accreditationStats: rows } = await call<{ accreditationStats: Row[] }>(STATS, {
    filter,
    groupBy: ['UNIT', 'YEAR'],
  });
  const { accreditationStats: byResult } = await call<{ accreditationStats: Row[] }>(STATS, {
    filter,
    groupBy: ['UNIT', 'YEAR', 'RESULT'],
  });
  let compared = 0;
  for (const unit of units)
    for (const year of YEARS) {
      const { unit: u } = await call<{ unit: { accreditationSummary: Summary } }>(SUMMARY, { unit, year });
      const s = u.accreditationSummary;
      const row = rows.find((r) => r.unitCode === unit && r.year === year);
      const got = row
        ? {
            assessed: row.assessed,
            accredited: row.accredited,
            notAccredited: row.notAccredited,
            rate: row.accreditationRate,
          }
        : { assessed: 0, accredited: 0, notAccredited: 0, rate: null };
      expect({ unit, year, ...got }).toEqual({
        unit,
        year,
        assessed: s.assessed,
        accredited: s.accredited,
        notAccredited: s.notAccredited,
        rate: s.accreditedRate,
      });
      for (const r of s.byResult)
        expect(
          byResult.find((x) => x.unitCode === unit && x.year === year && x.result === r.result)?.assessed ?? 0,
        ).toBe(r.count);
      if (row) {
        expect(row.unit?.code).toBe(unit);
        compared += 1;
      }
    }
  return compared;
}

describe('accreditationStats on the 2022 seed (MariaDB)', () => {
  let t: TrainingUnderTest;
  const analyst = callers.analyst();
  const stats = async (variables: Record<string, unknown>, caller = analyst) => {
    const r = await t.call<{ accreditationStats: Row[] }>(STATS, variables, caller);
    expect(r.errors).toBeUndefined();
    return r.data!.accreditationStats;
  };

  beforeAll(async () => {
    t = await startTraining('stats_accr', true);
  }, 180000);
  afterAll(async () => t?.stop());

  it('agrees with accreditationSummary for every unit and year (171 of 202 in Padang 2022)', async () => {
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
    expect(padang).toMatchObject({ assessed: 202, accredited: 171, notAccredited: 31, accreditationRate: 84.65 });
  }, 120000);

  it('groups by kind and result; filters AND together', async () => {
    const [total] = await stats({ filter: { fromYear: 2022, toYear: 2022 } });
    const byKind = await stats({ filter: { fromYear: 2022, toYear: 2022 }, groupBy: ['KIND'] });
    expect(byKind.reduce((s, r) => s + r.assessed, 0)).toBe(total.assessed);
    expect(byKind.reduce((s, r) => s + r.accredited, 0)).toBe(total.accredited);
    const grades = await stats({ filter: { fromYear: 2022, toYear: 2022, results: ['A', 'B', 'C'] } });
    expect(grades[0]).toMatchObject({ assessed: total.accredited, accredited: total.accredited });
    const kind = byKind[0].kind!;
    const [one] = await stats({ filter: { fromYear: 2022, toYear: 2022, kinds: [kind] } });
    expect(one.assessed).toBe(byKind[0].assessed);
  }, 60000);

  it("gives a viewer or operator only their own unit's rows, never an error", async () => {
    const all = { filter: { fromYear: 2018, toYear: 2022 }, groupBy: ['UNIT'] };
    expect((await stats(all, callers.viewer(PADANG))).map((r) => r.unitCode)).toEqual([PADANG]);
    expect(await stats(all, callers.operator(BANDUNG))).toEqual([]);
    const asked = await stats({ filter: { units: [PADANG] } }, callers.viewer(BANDUNG));
    expect(asked).toEqual([expect.objectContaining({ assessed: 0, accreditationRate: null })]);
  }, 60000);

  it('orders, ranks and cuts after ordering', async () => {
    const rows = await stats({
      filter: { fromYear: 2022, toYear: 2022 },
      groupBy: ['KIND', 'RESULT'],
      orderBy: [{ field: 'ASSESSED', direction: 'DESC' }],
    });
    expect(rows.length).toBeGreaterThan(2);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].assessed).toBeLessThanOrEqual(rows[i - 1].assessed);
      expect(rows[i].rank).toBe(rows[i].assessed === rows[i - 1].assessed ? rows[i - 1].rank : i + 1);
    }
    const top = await stats({
      filter: { fromYear: 2022, toYear: 2022 },
      groupBy: ['KIND', 'RESULT'],
      orderBy: [{ field: 'ASSESSED', direction: 'DESC' }],
      first: 2,
    });
    expect(top).toEqual(rows.slice(0, 2));
  }, 60000);

  it('names the field of bad input', async () => {
    const refused = async (variables: Record<string, unknown>, field: string) => {
      const r = await t.call(STATS, variables, analyst);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    };
    await refused({ filter: { fromYear: 1800 } }, 'filter.fromYear');
    await refused({ filter: { fromYear: 2022, toYear: 2021 } }, 'filter.toYear');
    await refused({ first: 0 }, 'first');
  }, 60000);
});

describe('accreditation statistics rollup kept by the writes (MariaDB)', () => {
  let t: TrainingUnderTest;
  const admin = callers.admin();
  beforeAll(async () => {
    t = await startTraining('stats_accr_rollup');
  }, 180000);
  afterAll(async () => t?.stop());

  const raw = async () => normal(await t.database.dataSource.query(RAW_ACCREDITATION_ROLLUP_SELECT));
  const rollup = async () =>
    normal(await t.database.dataSource.query(`SELECT unitCode, year, kind, result, n FROM accreditation_stats_rollup`));

  it('equals a raw GROUP BY after random sequences of writes (some refused, some concurrent), and the summaries', async () => {
    const rand = random(20222);
    const places: Record<string, [string, string]> = {
      [PADANG]: ['Riau', 'Kota Pekanbaru'],
      [BANDUNG]: ['Jawa Barat', 'Kota Bandung'],
    };
    const kinds = ['CHILDREN', 'ELDERLY', 'DISABILITY', 'COMMUNITY'];
    const results = ['A', 'B', 'C', 'NOT_ACCREDITED'];
    const institutions: string[] = [];
    let serial = 0;
    const register = async () => {
      const unit = rand() < 0.5 ? PADANG : BANDUNG;
      serial += 1;
      const r = await t.call(
        REGISTER,
        {
          input: {
            unit,
            name: `LKS Sintetis Statistik ${serial}`,
            kind: kinds[Math.floor(rand() * kinds.length)],
            province: places[unit][0],
            regency: places[unit][1],
          },
        },
        admin,
      );
      expect(r.errors).toBeUndefined();
      institutions.push(r.data.registerLksInstitution.id);
    };
    const record = async () => {
      if (!institutions.length) return;
      // Years repeat often: a second decision for an institution's year is refused, and nothing moves.
      const year = rand() < 0.5 ? 2023 : 2024;
      await t.call(
        RECORD,
        {
          input: {
            institutionId: institutions[Math.floor(rand() * institutions.length)],
            visitDate: `${year}-05-10`,
            assessorTeam: ['Asesor Sintetis 01'],
            result: results[Math.floor(rand() * results.length)],
            decidedOn: `${year}-05-20`,
          },
        },
        admin,
      );
    };
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 10; i++) await (rand() < 0.4 ? register() : record());
      await Promise.all(Array.from({ length: 8 }, () => (rand() < 0.3 ? register() : record())));
      expect(await rollup()).toEqual(await raw());
    }
    const assessed = await t.database.dataSource.query<{ n: number | string }[]>(
      'SELECT COUNT(*) AS n FROM accreditation_assessment',
    );
    expect(Number(assessed[0].n)).toBeGreaterThan(10);
    const call = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const r = await t.call<T>(query, variables, callers.analyst());
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    expect(await expectAgreement(call, [PADANG, BANDUNG])).toBe(4);
    const before = await rollup();
    await t.database.dataSource.transaction((m) => rebuildAccreditationStats(m));
    expect(await rollup()).toEqual(before);
  }, 300000);
});

describe('accreditationStats in the embedded mode (SQLite)', () => {
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
      (
        await call<{ accreditationStats: Row[] }>(STATS, {
          filter: { fromYear: 2022, toYear: 2022, units: [PADANG] },
        })
      ).accreditationStats[0];
    const before = await padang();
    expect(before).toMatchObject({ assessed: 202, accredited: 171, accreditationRate: 84.65 });
    const i = await call<{ registerLksInstitution: { id: string } }>(REGISTER, {
      input: {
        unit: PADANG,
        name: 'LKS Sintetis SQLite',
        kind: 'ELDERLY',
        province: 'Riau',
        regency: 'Kota Pekanbaru',
      },
    });
    await call(RECORD, {
      input: {
        institutionId: i.registerLksInstitution.id,
        visitDate: '2022-11-08',
        assessorTeam: ['Asesor Sintetis 01'],
        result: 'B',
        decidedOn: '2022-11-20',
      },
    });
    expect(await padang()).toMatchObject({ assessed: 203, accredited: 172 });
    expect(await expectAgreement(call, [PADANG, BANDUNG])).toBe(1);
  }, 60000);
});
