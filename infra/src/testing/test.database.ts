import { randomBytes } from 'node:crypto';
import { NatsBusOptions, NatsEventBus } from '../bus/nats.event-bus';
import { assertTestDatabase, createDataSource, ensureMysqlDatabase, ServiceDataSource } from '../database/data-source.factory';
import type { ServiceDefinition } from '../service/service.definition';
import { serviceEntities } from '../service/service.runtime';

/** The MariaDB the tests use; CI and this machine run it at 127.0.0.1:3306 as root. */
export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/**
 * A fresh MySQL database for one test file: `kesos_test_<service>_<suffix>`, dropped and
 * migrated from scratch, on the shared test server unless `url` names another. Refuses names
 * that do not say "test".
 */
export async function freshMysqlDatabase(def: ServiceDefinition, suffix = 'it', url = TEST_MYSQL_URL): Promise<ServiceDataSource> {
  const database = `kesos_test_${def.name}_${suffix}`;
  assertTestDatabase(database);
  await ensureMysqlDatabase(url, database);
  const db = createDataSource({ target: { kind: 'mysql', url, database }, entities: serviceEntities(def), migrations: def.migrations });
  await db.dataSource.initialize();
  await db.dataSource.query(`DROP DATABASE \`${database}\``);
  await db.dataSource.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await db.dataSource.query(`USE \`${database}\``);
  await db.dataSource.runMigrations({ transaction: 'each' });
  return db;
}

/** An in-memory SQLite database with the embedded mode's synchronized schema. */
export async function memorySqliteDatabase(def: ServiceDefinition): Promise<ServiceDataSource> {
  const db = createDataSource({ target: { kind: 'sqlite', file: ':memory:' }, entities: serviceEntities(def), synchronize: true });
  await db.dataSource.initialize();
  return db;
}

/** A NATS bus in a namespace of its own, so concurrent test files never see each other's events. */
export async function isolatedNatsBus(label: string, options: Omit<NatsBusOptions, 'namespace'> = {}): Promise<NatsEventBus> {
  const namespace = `t_${label.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(4).toString('hex')}`;
  return NatsEventBus.connect(TEST_NATS_URL, undefined, { ...options, namespace });
}
