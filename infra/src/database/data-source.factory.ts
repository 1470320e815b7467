import { mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import { DataSource } from 'typeorm';
import { ColumnLengthSubscriber } from './column-length.subscriber';
import { QueryCounter } from './query-counter';
import { traceQueries } from '../tracing/tracing.spans';

// TypeORM takes entity and migration classes as bare constructors.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type MigrationList = MixedList<Function | string>;

export type DatabaseTarget = { kind: 'mysql'; url: string; database: string } | { kind: 'sqlite'; file: string };

export interface DataSourceSpec {
  target: DatabaseTarget;
  entities: EntityList;
  migrations?: MigrationList;
  /** Embedded mode only: the schema follows the entities; MySQL always uses migrations. */
  synchronize?: boolean;
  /**
   * The counter to log statements into: a replica's DataSource shares the primary's, so a test
   * or bench counts a request's statements the same whether its reads went to the replica or not.
   */
  queries?: QueryCounter;
}

export interface ServiceDataSource {
  dataSource: DataSource;
  queries: QueryCounter;
}

/** One factory for both backends so that everything above the DataSource is the same code. */
export function createDataSource(spec: DataSourceSpec): ServiceDataSource {
  const queries = spec.queries ?? new QueryCounter();
  const common = {
    entities: spec.entities,
    migrations: spec.migrations ?? [],
    subscribers: [ColumnLengthSubscriber],
    logger: queries,
    logging: ['query', 'error'] as ('query' | 'error')[],
  };
  let options: DataSourceOptions;
  if (spec.target.kind === 'mysql') {
    const url = new URL(spec.target.url);
    options = {
      ...common,
      // The mariadb type matters: with type mysql every migration diff against MariaDB shows phantom changes.
      type: 'mariadb',
      host: url.hostname,
      port: url.port ? Number(url.port) : 3306,
      username: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password),
      database: spec.target.database,
      charset: 'utf8mb4',
      timezone: 'Z',
      dateStrings: ['DATE'],
      migrationsRun: false,
      synchronize: false,
      poolSize: 10,
      connectTimeout: 5000,
    };
  } else {
    if (spec.target.file !== ':memory:') mkdirSync(dirname(spec.target.file), { recursive: true });
    options = {
      ...common,
      type: 'better-sqlite3',
      database: spec.target.file,
      synchronize: spec.synchronize ?? true,
      // WAL lets the relay read while a request writes. synchronous=NORMAL skips the fsync at each
      // commit (WAL stays consistent; a power cut may lose the last commits, an app crash loses nothing),
      // which the embedded mode needs to apply thousands of seed events quickly.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  const dataSource = new DataSource(options);
  if (spec.target.kind === 'mysql') traceQueries(dataSource, 'mariadb', spec.target.database);
  else traceQueries(dataSource, 'sqlite', spec.target.file === ':memory:' ? 'memory' : basename(spec.target.file));
  return { dataSource, queries };
}

/** Creates the MySQL database if it is missing (migrations cannot create their own database). */
export async function ensureMysqlDatabase(url: string, database: string): Promise<void> {
  assertSafeDatabaseName(database);
  const { dataSource } = createDataSource({ target: { kind: 'mysql', url, database: '' }, entities: [] });
  await dataSource.initialize();
  try {
    await dataSource.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await dataSource.destroy();
  }
}

/**
 * What a service's own MariaDB account may do in its own database, and nothing elsewhere: read and
 * write rows and lock them. Schema changes are the migrate step's, which runs as the administrator,
 * so a compromised or buggy service can neither alter nor drop tables nor touch another service's data.
 */
export const SERVICE_GRANTS = 'SELECT, INSERT, UPDATE, DELETE, CREATE TEMPORARY TABLES, LOCK TABLES';

/**
 * Creates (or re-keys) the account `user`@'%' with `password` and grants it SERVICE_GRANTS on
 * `database` alone, connecting with the administrator's `url`. Idempotent, so every migrate run
 * may call it; a changed password takes effect for new connections.
 */
export async function ensureServiceUser(url: string, database: string, user: string, password: string): Promise<void> {
  assertSafeDatabaseName(database);
  if (!/^[A-Za-z0-9_]{1,80}$/.test(user))
    throw new Error(`user name "${user}" may hold only letters, digits and _ (at most 80, MariaDB's limit)`);
  const { dataSource } = createDataSource({ target: { kind: 'mysql', url, database: '' }, entities: [] });
  await dataSource.initialize();
  try {
    await dataSource.query(`CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY ?`, [password]);
    await dataSource.query(`ALTER USER '${user}'@'%' IDENTIFIED BY ?`, [password]);
    await dataSource.query(`GRANT ${SERVICE_GRANTS} ON \`${database}\`.* TO '${user}'@'%'`);
  } finally {
    await dataSource.destroy();
  }
}

export function assertSafeDatabaseName(database: string): void {
  if (!/^[A-Za-z0-9_]+$/.test(database))
    throw new Error(`database name "${database}" may hold only letters, digits and _`);
}

/** Tests drop and recreate databases; this refuses any whose name does not say it is for tests. */
export function assertTestDatabase(database: string): void {
  if (!/(^|_)test(_|$)/.test(database)) {
    throw new Error(`refusing to use database "${database}" in a test: its name must contain "test" as a word`);
  }
}

/**
 * The MariaDB pool's connections by state, read from mysql2's pool (its own fields: it has no
 * public counters); undefined for SQLite, which has no pool.
 */
export function poolConnections(dataSource: DataSource): { inUse: number; idle: number; waiting: number } | undefined {
  const pool = (dataSource.driver as { pool?: Record<string, unknown> }).pool;
  if (!pool) return undefined;
  const size = (queue: unknown) => {
    const length = (queue as { length?: unknown } | undefined)?.length;
    return typeof length === 'number' ? length : 0;
  };
  const all = size(pool._allConnections);
  const idle = size(pool._freeConnections);
  return { inUse: all - idle, idle, waiting: size(pool._connectionQueue) };
}
