import type { DataSource } from 'typeorm';
import type { ServiceDefinition } from '../src';
import { createDataSource, ensureMysqlDatabase } from '../src';
import * as testing from '../src/testing';
import { dropTestDatabase, sweepStaleTestDatabases, TEST_MYSQL_URL, TEST_RUN, testDatabaseName } from '../src/testing';

// freshMysqlDatabase reads only the name, entities and migrations of a definition.
const def = { name: 'budget', entities: [], migrations: [] } as unknown as ServiceDefinition;

/** The helpers as a second test run (another jest worker, another checkout) loads them: a run of its own. */
function anotherRun(): typeof testing {
  let other: typeof testing | undefined;
  jest.isolateModules(() => {
    other = jest.requireActual<typeof testing>('../src/testing');
  });
  return other!;
}

describe('test databases per run', () => {
  let server: DataSource;
  const exists = async (name: string) => (await server.query<unknown[]>('SHOW DATABASES LIKE ?', [name])).length === 1;
  beforeAll(async () => {
    server = createDataSource({
      target: { kind: 'mysql', url: TEST_MYSQL_URL, database: '' },
      entities: [],
    }).dataSource;
    await server.initialize();
  });
  afterAll(async () => server?.destroy());

  it('names a database after its label and the run, within 64 characters, "test" a word', () => {
    const other = anotherRun();
    expect(other.TEST_RUN).not.toBe(TEST_RUN);
    expect(testDatabaseName('budget_writes')).toBe(`kesos_test_budget_writes_${TEST_RUN}`);
    expect(other.testDatabaseName('budget_writes')).not.toBe(testDatabaseName('budget_writes'));
    const long = testDatabaseName(`performance_${'x'.repeat(100)}`);
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long.endsWith(`_${TEST_RUN}`)).toBe(true);
  });

  it('gives two runs with the same label two databases, and drops each when its run stops', async () => {
    const first = await testing.freshMysqlDatabase(def, 'same');
    const second = await anotherRun().freshMysqlDatabase(def, 'same');
    try {
      expect(first.name).not.toBe(second.name);
      expect(await exists(first.name)).toBe(true);
      expect(await exists(second.name)).toBe(true);
      await first.drop();
      expect(first.dataSource.isInitialized).toBe(false);
      expect(await exists(first.name)).toBe(false);
      // The other run's database is untouched and still usable.
      expect(await second.dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await first.drop();
      await second.drop();
    }
    expect(await exists(second.name)).toBe(false);
  });

  it("sweeps what a killed run left more than six hours ago, never a live run's database", async () => {
    const killedRun = `r${Math.floor((Date.now() - 7 * 3600_000) / 1000).toString(36)}dead`;
    const recentRun = `r${Math.floor((Date.now() - 3600_000) / 1000).toString(36)}beef`;
    const leftover = testDatabaseName('budget_sweep', killedRun);
    const prefixed = `${testDatabaseName('startsvc', killedRun)}_budget`;
    const live = testDatabaseName('budget_sweep', recentRun);
    for (const name of [leftover, prefixed, live]) await ensureMysqlDatabase(TEST_MYSQL_URL, name);
    try {
      const swept = await sweepStaleTestDatabases();
      expect(swept).toEqual(expect.arrayContaining([leftover, prefixed]));
      expect(swept).not.toContain(live);
      expect(await exists(leftover)).toBe(false);
      expect(await exists(prefixed)).toBe(false);
      expect(await exists(live)).toBe(true);
    } finally {
      for (const name of [leftover, prefixed, live]) await dropTestDatabase(name);
    }
  });
});
