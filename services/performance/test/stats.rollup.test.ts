import type { ServiceDataSource } from '@kesos/infra';
import { PROVENANCE_ORDER, runTransaction } from '@kesos/infra';
import { freshMysqlDatabase, memorySqliteDatabase, type TestDatabase } from '@kesos/infra/testing';
import type { DataSource } from 'typeorm';
import { performanceService } from '../src';
import { performanceMigrations } from '../src/migrations';
import { BACKFILL_SURVEY_TOTALS } from '../src/migrations/1796200968582-QuarterCountersSurveyTotals';
import {
  BACKFILL_SURVEY_DEMOGRAPHIC_TOTALS,
  SurveyDemographicTotals1796208842876,
} from '../src/migrations/1796208842876-SurveyDemographicTotals';
import {
  FILL_DEMOGRAPHIC_PROVENANCE_COUNTS,
  SurveyDemographicProvenance1796500000000,
} from '../src/migrations/1796500000000-SurveyDemographicProvenance';
import { insertResponses, rebuildSurveyTotals } from '../src/survey/survey.service';
import { prng, randomResponses } from './stats.support';

const UNITS = ['BBPPKS-PADANG', 'BBPPKS-BANDUNG', 'BBPPKS-MAKASSAR'];
const YEARS = [2021, 2022];
const ELEMENTS = 'u1, u2, u3, u4, u5, u6, u7, u8, u9';
const SUMS = ELEMENTS.split(', ')
  .map((c) => `SUM(${c}) AS ${c}`)
  .join(', ');

/** The sheets of a cell by provenance (surveyStats' evidence). */
const SHEETS = 'operationalResponses, reportedResponses, reconstructedResponses, syntheticResponses';
const SHEET_COUNTS = PROVENANCE_ORDER.map(
  (p, i) => `SUM(CASE WHEN provenance = '${p}' THEN 1 ELSE 0 END) AS ${SHEETS.split(', ')[i]}`,
).join(', ');

type Row = Record<string, string | number>;
const normal = (rows: Row[]) =>
  rows
    .map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, k === 'unitCode' || k === 'gender' || k === 'education' ? v : Number(v)]),
      ),
    )
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The rollups as stored, and as a raw GROUP BY of the responses gives them. */
async function rollups(ds: DataSource) {
  const q = async (sql: string) => normal(await ds.query<Row[]>(sql));
  return {
    cells: await q(
      `SELECT unitCode, year, gender, education, respondents, ${ELEMENTS}, ${SHEETS} FROM survey_demographic_total`,
    ),
    rawCells: await q(
      `SELECT unitCode, year, gender, education, COUNT(*) AS respondents, ${SUMS}, ${SHEET_COUNTS} FROM survey_response GROUP BY unitCode, year, gender, education`,
    ),
    totals: await q(`SELECT unitCode, year, respondents, ${ELEMENTS} FROM survey_total`),
    rawTotals: await q(
      `SELECT unitCode, year, COUNT(*) AS respondents, ${SUMS} FROM survey_response GROUP BY unitCode, year`,
    ),
  };
}

async function expectRollupsEqualRaw(ds: DataSource): Promise<void> {
  const r = await rollups(ds);
  expect(r.cells).toEqual(r.rawCells);
  expect(r.totals).toEqual(r.rawTotals);
}

describe('survey running sums per gender and education', () => {
  let db: TestDatabase | undefined;
  let old: TestDatabase | undefined;
  let sqlite: ServiceDataSource | undefined;
  afterAll(async () => {
    await db?.drop();
    await old?.drop();
    if (sqlite?.dataSource.isInitialized) await sqlite.dataSource.destroy();
  });

  it('after random sequences of writes (single, bulk, concurrent, rolled back) equal a raw GROUP BY; rebuild gives the same', async () => {
    db = await freshMysqlDatabase(performanceService, 'rollup');
    const ds = db.dataSource;
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = prng(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
      const write = (rows: ReturnType<typeof randomResponses>) =>
        runTransaction(ds, (m) =>
          // Every provenance, so the cells' per-provenance counts are checked too.
          insertResponses(m, pick(UNITS), pick(YEARS), rows, `seed ${seed}`, { provenance: pick(PROVENANCE_ORDER) }),
        );
      for (let step = 0; step < 12; step++) {
        const kind = random();
        if (kind < 0.4) await write(randomResponses(random, 1));
        else if (kind < 0.7) await write(randomResponses(random, 1 + Math.floor(random() * 60)));
        else if (kind < 0.9)
          await Promise.all(
            Array.from({ length: 4 }, () => write(randomResponses(random, 1 + Math.floor(random() * 5)))),
          );
        else
          await expect(
            runTransaction(ds, async (m) => {
              await insertResponses(m, pick(UNITS), pick(YEARS), randomResponses(random, 7), 'rolled back');
              throw new Error('the import fails after writing');
            }),
          ).rejects.toThrow('the import fails after writing');
      }
      await expectRollupsEqualRaw(ds);
    }
    const before = await rollups(ds);
    expect(before.cells.length).toBeGreaterThan(20);
    await runTransaction(ds, (m) => rebuildSurveyTotals(m));
    const after = await rollups(ds);
    expect(after.cells).toEqual(before.cells);
    expect(after.totals).toEqual(before.totals);
    // A damaged rollup is repaired by the rebuild.
    await ds.query("UPDATE survey_demographic_total SET respondents = respondents + 5, u3 = 0 WHERE gender = 'MALE'");
    await ds.query('DELETE FROM survey_total WHERE year = 2021');
    await runTransaction(ds, (m) => rebuildSurveyTotals(m));
    expect(await rollups(ds)).toEqual(after);
  });

  it('the migration backfills them from the responses of the release before (MariaDB)', async () => {
    const before = performanceMigrations.filter(
      (m) => m !== SurveyDemographicTotals1796208842876 && m !== SurveyDemographicProvenance1796500000000,
    );
    old = await freshMysqlDatabase({ ...performanceService, migrations: before }, 'rollup_migration');
    const random = prng(42);
    const responses = UNITS.flatMap((unitCode) =>
      YEARS.flatMap((year) =>
        randomResponses(random, 25).map((r) => ({
          unitCode,
          year,
          gender: r.gender,
          education: r.education,
          ...Object.fromEntries(r.answers.map((a, e) => [`u${e + 1}`, a])),
          submittedBy: 'old',
          submittedAt: new Date('2022-01-01T00:00:00Z'),
        })),
      ),
    );
    await old.dataSource.createQueryBuilder().insert().into('survey_response').values(responses).execute();
    await old.dataSource.query(BACKFILL_SURVEY_TOTALS);
    const runner = old.dataSource.createQueryRunner();
    try {
      await new SurveyDemographicTotals1796208842876().up(runner);
      await new SurveyDemographicProvenance1796500000000().up(runner);
    } finally {
      await runner.release();
    }
    await expectRollupsEqualRaw(old.dataSource);
  });

  it('on SQLite: the same writes and the backfill the embedded mode runs at start', async () => {
    sqlite = await memorySqliteDatabase(performanceService);
    const ds = sqlite.dataSource;
    const random = prng(7);
    for (let step = 0; step < 20; step++)
      await runTransaction(ds, (m) =>
        insertResponses(m, UNITS[step % 3], YEARS[step % 2], randomResponses(random, 1 + (step % 9)), 'sqlite'),
      );
    await expectRollupsEqualRaw(ds);
    const stored = await rollups(ds);
    await ds.query('DELETE FROM survey_demographic_total');
    await ds.query(BACKFILL_SURVEY_DEMOGRAPHIC_TOTALS);
    await ds.query(FILL_DEMOGRAPHIC_PROVENANCE_COUNTS);
    expect(await rollups(ds)).toEqual(stored);
    await runTransaction(ds, (m) => rebuildSurveyTotals(m));
    expect(await rollups(ds)).toEqual(stored);
  });
});
