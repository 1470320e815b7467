import { randomBytes } from 'node:crypto';
import type { NatsBusOptions } from '../bus/nats.event-bus';
import { NatsEventBus } from '../bus/nats.event-bus';
import type { DataSource } from 'typeorm';
import type { ServiceDataSource } from '../database/data-source.factory';
import {
  assertSafeDatabaseName,
  assertTestDatabase,
  createDataSource,
  ensureMysqlDatabase,
} from '../database/data-source.factory';
import type { ServiceDefinition } from '../service/service.definition';
import { serviceEntities } from '../service/service.runtime';

/** The MariaDB the tests use; CI and this machine run it at 127.0.0.1:3306 as root. */
export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/**
 * This test run's id (one per process; under jest one per test file, as jest loads these helpers
 * afresh for each), carried by every database it names: two runs on one server (two checkouts, CI
 * beside a developer) never drop each other's databases. It starts with the time in seconds, so a
 * sweep can tell a killed run's leftovers from a live run's databases.
 */
export const TEST_RUN = `r${Math.floor(Date.now() / 1000).toString(36)}${randomBytes(2).toString('hex')}`;
const RUN_PATTERN = /_r([0-9a-z]{6,})[0-9a-f]{4}(?:_|$)/;
const MYSQL_NAME_LIMIT = 64;
/** Longer than any test file runs, the distributed graph's start under load included. */
const STALE_AFTER_MS = 6 * 3600_000;

/** `kesos_test_<label>_<run>`, the label shortened so that the name fits MariaDB's 64 characters. */
export function testDatabaseName(label: string, run = TEST_RUN): string {
  const room = MYSQL_NAME_LIMIT - 'kesos_test_'.length - run.length - 1;
  const name = `kesos_test_${label
    .replace(/[^A-Za-z0-9_]/g, '_')
    .slice(0, room)
    .replace(/_+$/, '')}_${run}`;
  assertTestDatabase(name);
  return name;
}

async function onServer<T>(url: string, work: (server: DataSource) => Promise<T>): Promise<T> {
  const { dataSource } = createDataSource({ target: { kind: 'mysql', url, database: '' }, entities: [] });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export async function dropTestDatabase(database: string, url = TEST_MYSQL_URL): Promise<void> {
  assertTestDatabase(database);
  assertSafeDatabaseName(database);
  await onServer(url, (server) => server.query(`DROP DATABASE IF EXISTS \`${database}\``));
}

/**
 * Drops the test databases of runs that started more than six hours ago: what a killed run (or
 * one that failed before its stop) left behind. Names without a run are not this helper's.
 */
export async function sweepStaleTestDatabases(url = TEST_MYSQL_URL, now = Date.now()): Promise<string[]> {
  return onServer(url, async (server) => {
    const rows: Record<string, string>[] = await server.query(`SHOW DATABASES LIKE 'kesos\\_test\\_%'`);
    const stale = rows
      .map((r) => Object.values(r)[0])
      .filter((name) => {
        const run = RUN_PATTERN.exec(name);
        return run !== null && now - parseInt(run[1], 36) * 1000 > STALE_AFTER_MS;
      });
    for (const name of stale) await server.query(`DROP DATABASE IF EXISTS \`${name}\``);
    return stale;
  });
}

const swept = new Map<string, Promise<string[]>>();

export interface TestDatabase extends ServiceDataSource {
  name: string;
  /** Closes the data source if still open and drops the database: call it when the test's service has stopped. */
  drop(): Promise<void>;
}

/**
 * A fresh MySQL database for one test file: `kesos_test_<service>_<label>_<run>`, migrated from
 * scratch, on the shared test server unless `url` names another. The first one of a run on a
 * server sweeps stale runs' databases first.
 */
export async function freshMysqlDatabase(
  def: ServiceDefinition,
  label = 'it',
  url = TEST_MYSQL_URL,
): Promise<TestDatabase> {
  if (!swept.has(url)) swept.set(url, sweepStaleTestDatabases(url));
  await swept.get(url);
  return migratedMysqlDatabase(def, testDatabaseName(`${def.name}_${label}`), url);
}

/**
 * An empty database under the given name (dropped first if a test started it before), with the
 * service's migrations applied, as `npm run migrate` leaves it before seeding. For tests that
 * start a service's process themselves and so name its database through DATABASE_PREFIX.
 */
export async function migratedMysqlDatabase(
  def: ServiceDefinition,
  name: string,
  url = TEST_MYSQL_URL,
): Promise<TestDatabase> {
  await dropTestDatabase(name, url);
  await ensureMysqlDatabase(url, name);
  const db = createDataSource({
    target: { kind: 'mysql', url, database: name },
    entities: serviceEntities(def),
    migrations: def.migrations,
  });
  await db.dataSource.initialize();
  await db.dataSource.runMigrations({ transaction: 'each' });
  return {
    ...db,
    name,
    drop: async () => {
      if (db.dataSource.isInitialized) await db.dataSource.destroy();
      await dropTestDatabase(name, url);
    },
  };
}

/** An in-memory SQLite database with the embedded mode's synchronized schema. */
export async function memorySqliteDatabase(def: ServiceDefinition): Promise<ServiceDataSource> {
  const db = createDataSource({
    target: { kind: 'sqlite', file: ':memory:' },
    entities: serviceEntities(def),
    synchronize: true,
  });
  await db.dataSource.initialize();
  return db;
}

/** A NATS bus in a namespace of its own, so concurrent test files never see each other's events. */
export async function isolatedNatsBus(
  label: string,
  options: Omit<NatsBusOptions, 'namespace'> = {},
): Promise<NatsEventBus> {
  const namespace = `t_${label.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(4).toString('hex')}`;
  return NatsEventBus.connect(TEST_NATS_URL, undefined, { ...options, namespace });
}
