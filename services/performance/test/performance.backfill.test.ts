import type { ServiceDataSource } from '@kesos/infra';
import { freshMysqlDatabase, memorySqliteDatabase, type TestDatabase } from '@kesos/infra/testing';
import type { DataSource } from 'typeorm';
import { performanceService } from '../src';
import { performanceMigrations } from '../src/migrations';
import {
  BACKFILL_QUARTER_COUNTERS,
  BACKFILL_SURVEY_TOTALS,
  QuarterCountersSurveyTotals1796200968582,
} from '../src/migrations/1796200968582-QuarterCountersSurveyTotals';
import {
  FILL_FACT_PROVENANCE_COUNTS,
  FILL_RESPONSE_PROVENANCE_COUNTS,
} from '../src/migrations/1796221402279-Provenance';
import { MetricQuarterCounterEntity } from '../src/realization/realization.entity';
import { recomputeCounters } from '../src/realization/realization.service';
import { SurveyTotalEntity } from '../src/survey/survey.entity';

const GENDERS = ['FEMALE', 'MALE'];
const EDUCATIONS = ['SD', 'SMP', 'SMA', 'DIII', 'S1', 'S2'];

const facts = Array.from({ length: 40 }, (_, n) => ({
  metric: n % 3 ? 'ACCREDITATION' : 'ATENSI',
  sourceId: `s-${n}`,
  unitCode: n % 4 ? 'BBPPKS-PADANG' : 'BBPPKS-BANDUNG',
  year: 2021 + (n % 2),
  quarter: n % 5 === 0 ? null : 1 + (n % 4),
  numerator: n % 2,
  denominator: 1,
  value: null,
  eventId: `e-${n}`,
  eventType: 'test',
  occurredAt: new Date('2022-01-01T00:00:00Z'),
}));
const responses = Array.from({ length: 30 }, (_, n) => ({
  unitCode: n % 3 ? 'BBPPKS-PADANG' : 'BBPPKS-BANDUNG',
  year: 2022 + (n % 2),
  gender: GENDERS[n % 2],
  education: EDUCATIONS[n % 6],
  ...Object.fromEntries(Array.from({ length: 9 }, (_, e) => [`u${e + 1}`, 1 + ((n + e) % 4)])),
  submittedBy: 'test',
  submittedAt: new Date('2022-01-01T00:00:00Z'),
}));

/** The survey sums as the responses give them, computed here without SQL. */
function expectedTotals() {
  const totals = new Map<string, Record<string, number | string>>();
  for (const r of responses) {
    const key = `${r.unitCode}|${r.year}`;
    const t = totals.get(key) ?? {
      unitCode: r.unitCode,
      year: r.year,
      respondents: 0,
      ...Object.fromEntries(
        [
          ...Array.from({ length: 9 }, (_, e) => `u${e + 1}`),
          'female',
          'male',
          ...EDUCATIONS.map((e) => e.toLowerCase()),
          'reportedResponses',
          'reconstructedResponses',
          'syntheticResponses',
        ].map((c) => [c, 0]),
      ),
    };
    t.respondents = Number(t.respondents) + 1;
    // Sheets written before they had a provenance are OPERATIONAL.
    t.operationalResponses = t.respondents;
    for (let e = 1; e <= 9; e++) t[`u${e}`] = Number(t[`u${e}`]) + Number((r as Record<string, unknown>)[`u${e}`]);
    t[r.gender.toLowerCase()] = Number(t[r.gender.toLowerCase()]) + 1;
    t[r.education.toLowerCase()] = Number(t[r.education.toLowerCase()]) + 1;
    totals.set(key, t);
  }
  return [...totals.values()].sort((a, b) => `${a.unitCode}|${a.year}`.localeCompare(`${b.unitCode}|${b.year}`));
}

async function check(ds: DataSource): Promise<void> {
  const quarterly = () =>
    ds
      .getRepository(MetricQuarterCounterEntity)
      .find({ order: { unitCode: 'ASC', year: 'ASC', metric: 'ASC', quarter: 'ASC' } });
  const filled = await quarterly();
  expect(filled.length).toBeGreaterThan(4);
  await ds.transaction((m) => recomputeCounters(m));
  expect(await quarterly()).toEqual(filled);
  const totals = await ds.getRepository(SurveyTotalEntity).find({ order: { unitCode: 'ASC', year: 'ASC' } });
  expect(totals.map((t) => ({ ...t }))).toEqual(expectedTotals());
}

describe('the migration fills the quarterly counters and survey sums from existing facts and responses', () => {
  let db: TestDatabase | undefined;
  let sqlite: ServiceDataSource | undefined;
  afterAll(async () => {
    await db?.drop();
    if (sqlite?.dataSource.isInitialized) await sqlite.dataSource.destroy();
  });

  it('on MariaDB: the database of the release before, with data, then the migration', async () => {
    const at = performanceMigrations.indexOf(QuarterCountersSurveyTotals1796200968582);
    db = await freshMysqlDatabase(
      { ...performanceService, migrations: performanceMigrations.slice(0, at) },
      'backfill',
    );
    // Plain SQL: the entities' later columns (provenance) are not in this release's tables.
    const insert = async (table: string, rows: Record<string, unknown>[]) => {
      const columns = Object.keys(rows[0]);
      const values = rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
      await db!.dataSource.query(
        `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ${values}`,
        rows.flatMap((r) => columns.map((c) => r[c])),
      );
    };
    await insert('metric_fact', facts);
    await insert('survey_response', responses);
    const runner = db.dataSource.createQueryRunner();
    try {
      await new QuarterCountersSurveyTotals1796200968582().up(runner);
      // Then the later releases' migrations, as `npm run migrate` applies them.
      for (const Later of performanceMigrations.slice(at + 1)) await new Later().up(runner);
    } finally {
      await runner.release();
    }
    await check(db.dataSource);
  });

  it('on SQLite (the embedded mode fills them at start with the same statements)', async () => {
    sqlite = await memorySqliteDatabase(performanceService);
    await sqlite.dataSource.createQueryBuilder().insert().into('metric_fact').values(facts).execute();
    await sqlite.dataSource.createQueryBuilder().insert().into('survey_response').values(responses).execute();
    await sqlite.dataSource.query(BACKFILL_QUARTER_COUNTERS);
    await sqlite.dataSource.query(BACKFILL_SURVEY_TOTALS);
    await sqlite.dataSource.query(FILL_FACT_PROVENANCE_COUNTS);
    await sqlite.dataSource.query(FILL_RESPONSE_PROVENANCE_COUNTS);
    await check(sqlite.dataSource);
  });
});
