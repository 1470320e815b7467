import type { RunningService } from '@kesos/infra';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callSubgraph, memorySqliteDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { trainingService } from '../src';
import {
  RAW_CERTIFICATION_ROLLUP_SELECT,
  rebuildCertificationStats,
} from '../src/certification-stats/certification-stats.rollup';
import { BANDUNG, callers, PADANG, startTraining, type TrainingUnderTest } from './kesos.support';

interface Row {
  rank: number | null;
  unitCode: string | null;
  unit: { code: string } | null;
  year: number | null;
  category: string | null;
  outcome: string | null;
  candidates: number;
  assessed: number;
  competent: number;
  notYetCompetent: number;
  competenceRate: number | null;
}
interface Summary {
  year: number;
  planned: number;
  assessed: number;
  competent: number;
  notCompetent: number;
  competentRate: number | null;
}
const ROW = `rank unitCode unit { code } year category outcome candidates assessed competent notYetCompetent competenceRate`;
const STATS = `query($filter: CertificationStatsFilter, $groupBy: [CertificationStatsDimension!], $orderBy: [CertificationStatsOrder!], $first: Int) {
  certificationStats(filter: $filter, groupBy: $groupBy, orderBy: $orderBy, first: $first) { ${ROW} } }`;
const SUMMARY = `query($unit: ID!, $year: Int!) { unit(code: $unit) { certificationSummary(year: $year) { year planned assessed competent notCompetent competentRate } } }`;
const REGISTER = `mutation($input: RegisterCertificationCandidateInput!) { registerCertificationCandidate(input: $input) { id } }`;
const SCHEDULE = `mutation($input: ScheduleCertificationSessionInput!) { scheduleCertificationSession(input: $input) { id } }`;
const RECORD = `mutation($input: RecordCertificationAssessmentInput!) { recordCertificationAssessment(input: $input) { id } }`;

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
  rows.map((r) => JSON.stringify([r.unitCode, Number(r.year), r.category, r.outcome, Number(r.n)])).sort();

/** Every unit's summary for every year must equal the stats rows grouped by UNIT and YEAR (zeros where none). */
async function expectAgreement(
  call: <T>(query: string, variables: Record<string, unknown>) => Promise<T>,
  units: string[],
): Promise<number> {
  const { certificationStats: rows } = await call<{ certificationStats: Row[] }>(STATS, {
    filter: { fromYear: YEARS[0], toYear: YEARS[YEARS.length - 1] },
    groupBy: ['UNIT', 'YEAR'],
  });
  let compared = 0;
  for (const unit of units)
    for (const year of YEARS) {
      const { unit: u } = await call<{ unit: { certificationSummary: Summary } }>(SUMMARY, { unit, year });
      const s = u.certificationSummary;
      const row = rows.find((r) => r.unitCode === unit && r.year === year);
      expect({
        unit,
        year,
        ...(row ? pick(row) : { candidates: 0, assessed: 0, competent: 0, notYetCompetent: 0, competenceRate: null }),
      }).toEqual({
        unit,
        year,
        candidates: s.planned,
        assessed: s.assessed,
        competent: s.competent,
        notYetCompetent: s.notCompetent,
        competenceRate: s.competentRate,
      });
      if (row) {
        expect(row.unit?.code).toBe(unit);
        compared += 1;
      }
    }
  return compared;
}
const pick = (r: Row) => ({
  candidates: r.candidates,
  assessed: r.assessed,
  competent: r.competent,
  notYetCompetent: r.notYetCompetent,
  competenceRate: r.competenceRate,
});

describe('certificationStats on the 2022 seed (MariaDB)', () => {
  let t: TrainingUnderTest;
  const analyst = callers.analyst();
  const stats = async (variables: Record<string, unknown>, caller = analyst) => {
    const r = await t.call<{ certificationStats: Row[] }>(STATS, variables, caller);
    expect(r.errors).toBeUndefined();
    return r.data!.certificationStats;
  };

  beforeAll(async () => {
    t = await startTraining('stats_cert', true);
  }, 180000);
  afterAll(async () => t?.stop());

  it('agrees with certificationSummary for every unit and year (2,899 of 2,987 competent in Padang 2022)', async () => {
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
    expect(padang).toMatchObject({ assessed: 2987, competent: 2899, notYetCompetent: 88, competenceRate: 97.05 });
  }, 120000);

  it('groups by category and outcome; one total row without groupBy', async () => {
    const [total] = await stats({ filter: { fromYear: 2022, toYear: 2022 } });
    const byOutcome = await stats({ filter: { fromYear: 2022, toYear: 2022 }, groupBy: ['OUTCOME'] });
    expect(byOutcome.reduce((s, r) => s + r.candidates, 0)).toBe(total.candidates);
    const competent = byOutcome.find((r) => r.outcome === 'COMPETENT')!;
    expect(competent).toMatchObject({ candidates: total.competent, competent: total.competent, competenceRate: 100 });
    const notAssessed = byOutcome.find((r) => r.outcome === 'NOT_ASSESSED');
    expect(notAssessed?.candidates ?? 0).toBe(total.candidates - total.assessed);
    const byCategory = await stats({ filter: { fromYear: 2022, toYear: 2022 }, groupBy: ['CATEGORY'] });
    expect(byCategory.map((r) => r.category).sort()).toEqual(['RS', 'TKS']);
    expect(byCategory.reduce((s, r) => s + r.competent, 0)).toBe(total.competent);
    const onlyTks = await stats({
      filter: { fromYear: 2022, toYear: 2022, categories: ['TKS'], outcomes: ['COMPETENT'] },
    });
    expect(onlyTks[0].competent).toBe(byCategory.find((r) => r.category === 'TKS')!.competent);
  }, 60000);

  it("gives a viewer or operator only their own unit's rows, never an error", async () => {
    const all = { filter: { fromYear: 2018, toYear: 2022 }, groupBy: ['UNIT'] };
    expect((await stats(all, callers.viewer(PADANG))).map((r) => r.unitCode)).toEqual([PADANG]);
    expect(await stats(all, callers.operator(BANDUNG))).toEqual([]);
    const asked = await stats({ filter: { units: [PADANG] } }, callers.viewer(BANDUNG));
    expect(asked).toEqual([expect.objectContaining({ candidates: 0, assessed: 0, competenceRate: null })]);
    expect((await stats(all)).map((r) => r.unitCode)).toContain(PADANG);
  }, 60000);

  it('orders, ranks and cuts after ordering', async () => {
    const rows = await stats({
      filter: { fromYear: 2022, toYear: 2022 },
      groupBy: ['CATEGORY', 'OUTCOME'],
      orderBy: [{ field: 'CANDIDATES', direction: 'DESC' }],
    });
    expect(rows.length).toBeGreaterThan(2);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].candidates).toBeLessThanOrEqual(rows[i - 1].candidates);
      expect(rows[i].rank).toBe(rows[i].candidates === rows[i - 1].candidates ? rows[i - 1].rank : i + 1);
    }
    expect(rows[0].rank).toBe(1);
    const top = await stats({
      filter: { fromYear: 2022, toYear: 2022 },
      groupBy: ['CATEGORY', 'OUTCOME'],
      orderBy: [{ field: 'CANDIDATES', direction: 'DESC' }],
      first: 1,
    });
    expect(top).toEqual(rows.slice(0, 1));
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

describe('certification statistics rollup kept by the writes (MariaDB)', () => {
  let t: TrainingUnderTest;
  const admin = callers.admin();
  beforeAll(async () => {
    t = await startTraining('stats_cert_rollup');
  }, 180000);
  afterAll(async () => t?.stop());

  const raw = async () => normal(await t.database.dataSource.query(RAW_CERTIFICATION_ROLLUP_SELECT));
  const rollup = async () =>
    normal(
      await t.database.dataSource.query(`SELECT unitCode, year, category, outcome, n FROM certification_stats_rollup`),
    );

  it('equals a raw GROUP BY after random sequences of writes (some refused, some concurrent), and the summaries', async () => {
    const rand = random(20221);
    const places: Record<string, [string, string]> = {
      [PADANG]: ['Sumatera Barat', 'Kota Padang'],
      [BANDUNG]: ['Jawa Barat', 'Kota Bandung'],
    };
    const candidates: { id: string; unit: string; year: number }[] = [];
    const sessions: { id: string; unit: string; year: number; day: string }[] = [];
    let serial = 0;
    for (const unit of [PADANG, BANDUNG])
      for (const year of [2023, 2024])
        for (let s = 0; s < 3; s++) {
          const start = `${year}-0${s + 3}-06`;
          const r = await t.call(
            SCHEDULE,
            {
              input: {
                unit,
                name: `Uji Kompetensi Sintetis ${year}-${s}`,
                province: places[unit][0],
                regency: places[unit][1],
                startDate: start,
                endDate: `${year}-0${s + 3}-08`,
              },
            },
            admin,
          );
          expect(r.errors).toBeUndefined();
          sessions.push({ id: r.data.scheduleCertificationSession.id, unit, year, day: start });
        }
    const register = async () => {
      const unit = rand() < 0.5 ? PADANG : BANDUNG;
      const year = rand() < 0.5 ? 2023 : 2024;
      serial += 1;
      const r = await t.call(
        REGISTER,
        {
          input: {
            unit,
            year,
            name: `Asesi Sintetis Statistik ${serial}`,
            category: rand() < 0.5 ? 'TKS' : 'PEKSOS',
            originProvince: places[unit][0],
            originRegency: places[unit][1],
          },
        },
        admin,
      );
      expect(r.errors).toBeUndefined();
      candidates.push({ id: r.data.registerCertificationCandidate.id, unit, year });
    };
    const assess = async () => {
      if (!candidates.length) return;
      const c = candidates[Math.floor(rand() * candidates.length)];
      // Now and then a session of another unit or year: refused, and nothing moves.
      const pool = rand() < 0.15 ? sessions : sessions.filter((s) => s.unit === c.unit && s.year === c.year);
      const s = pool[Math.floor(rand() * pool.length)];
      await t.call(
        RECORD,
        {
          input: {
            sessionId: s.id,
            candidateId: c.id,
            result: rand() < 0.6 ? 'KOMPETEN' : 'BELUM_KOMPETEN',
            assessedOn: s.day,
          },
        },
        admin,
      );
    };
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 12; i++) await (rand() < 0.4 ? register() : assess());
      // Concurrent writers on overlapping keys (and sometimes the same candidate).
      await Promise.all(Array.from({ length: 8 }, () => (rand() < 0.3 ? register() : assess())));
      expect(await rollup()).toEqual(await raw());
    }
    const assessed = await t.database.dataSource.query<{ n: number | string }[]>(
      'SELECT COUNT(*) AS n FROM certification_assessment',
    );
    expect(Number(assessed[0].n)).toBeGreaterThan(10);
    const call = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const r = await t.call<T>(query, variables, callers.analyst());
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    expect(await expectAgreement(call, [PADANG, BANDUNG])).toBe(4);
    // The rebuild (migration, stats:rebuild) computes the same rows.
    const before = await rollup();
    await t.database.dataSource.transaction((m) => rebuildCertificationStats(m));
    expect(await rollup()).toEqual(before);
  }, 300000);
});

describe('certificationStats in the embedded mode (SQLite)', () => {
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
    const as = (caller: ReturnType<typeof callers.admin>) => ({ caller, secret: TEST_SECRETS.internalSecret });
    const call = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const r = await callSubgraph<T>(running.url, query, variables, as(callers.admin()));
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    const padang = async () =>
      (
        await call<{ certificationStats: Row[] }>(STATS, {
          filter: { fromYear: 2022, toYear: 2022, units: [PADANG] },
        })
      ).certificationStats[0];
    expect(await padang()).toMatchObject({ assessed: 2987, competent: 2899, competenceRate: 97.05 });
    const before = await padang();
    const c = await call<{ registerCertificationCandidate: { id: string } }>(REGISTER, {
      input: {
        unit: PADANG,
        year: 2022,
        name: 'Asesi Sintetis SQLite',
        category: 'PEKSOS',
        originProvince: 'Sumatera Barat',
        originRegency: 'Kota Padang',
      },
    });
    const s = await call<{ scheduleCertificationSession: { id: string } }>(SCHEDULE, {
      input: {
        unit: PADANG,
        name: 'Uji Kompetensi Sintetis SQLite',
        province: 'Sumatera Barat',
        regency: 'Kota Padang',
        startDate: '2022-11-07',
        endDate: '2022-11-09',
      },
    });
    expect(await padang()).toMatchObject({ candidates: before.candidates + 1, assessed: before.assessed });
    await call(RECORD, {
      input: {
        sessionId: s.scheduleCertificationSession.id,
        candidateId: c.registerCertificationCandidate.id,
        result: 'KOMPETEN',
        assessedOn: '2022-11-08',
      },
    });
    expect(await padang()).toMatchObject({
      candidates: before.candidates + 1,
      assessed: before.assessed + 1,
      competent: before.competent + 1,
    });
    expect(await expectAgreement(call, [PADANG, BANDUNG])).toBe(1);
  }, 60000);
});
