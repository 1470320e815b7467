import type { RequestContext } from '../src';
import {
  ConfigError,
  ConfigReader,
  createDataSource,
  createLogger,
  Database,
  lagTolerant,
  LoaderRegistry,
  mysqlReplicaDataSource,
  readDistributedConfig,
} from '../src';

const SECRETS = {
  JWT_SECRET: 'a-jwt-secret-of-at-least-thirty-two-bytes',
  INTERNAL_SECRET: 'an-internal-secret-of-at-least-thirty-two-bytes',
  PERSONAL_DATA_KEY: 'a-personal-data-key-of-at-least-thirty-two-bytes',
};
const BASE = { ...SECRETS, MYSQL_URL: 'mysql://kesos_budget:pw@primary:3306', NATS_URL: 'nats://nats:4222' };
const DEF = { name: 'budget' as const, entities: [] };

function config(env: Record<string, string>) {
  const reader = new ConfigReader(env);
  const read = readDistributedConfig(reader, 4002);
  reader.done();
  return read;
}

function context(db: Database): RequestContext {
  return {
    caller: { subject: 'test-analyst', role: 'analyst', unit: null },
    requestId: 'r1',
    logger: createLogger('test', 'silent'),
    loaders: new LoaderRegistry(),
    db,
  };
}

const unopened = () => createDataSource({ target: { kind: 'sqlite', file: ':memory:' }, entities: [] });

describe('MYSQL_READ_URL', () => {
  it('is optional: without it there is no replica and the lag-tolerant reads are the request itself', () => {
    const read = config(BASE);
    expect(read.mysqlReadUrl).toBeUndefined();
    expect(mysqlReplicaDataSource(DEF, read, unopened())).toBeUndefined();

    const db = new Database(unopened().dataSource);
    expect(db.reader).toBe(db.dataSource);
    const ctx = context(db);
    expect(lagTolerant(ctx)).toBe(ctx);
  });

  it('opens the same database on the replica, counting its statements with the primary', () => {
    const read = config({ ...BASE, MYSQL_READ_URL: 'mysql://kesos_budget:pw@replica:3307', DATABASE_PREFIX: 'kesos' });
    const primary = createDataSource({
      target: { kind: 'mysql', url: read.mysqlUrl, database: 'kesos_budget' },
      entities: [],
    });
    const replica = mysqlReplicaDataSource(DEF, read, primary)!;
    expect(replica.dataSource.options).toMatchObject({ host: 'replica', port: 3307, database: 'kesos_budget' });
    expect(replica.dataSource.options.migrations).toEqual([]);
    expect(replica.queries).toBe(primary.queries);
  });

  it('is refused, by name, when it is not a mysql:// or mariadb:// URL', () => {
    expect(() => config({ ...BASE, MYSQL_READ_URL: 'postgres://replica' })).toThrow(ConfigError);
    expect(() => config({ ...BASE, MYSQL_READ_URL: 'postgres://replica' })).toThrow(
      /MYSQL_READ_URL must use mysql or mariadb/,
    );
    expect(() => config({ ...BASE, MYSQL_READ_URL: 'not a url' })).toThrow(/MYSQL_READ_URL is not a valid URL/);
  });

  it('gives the lag-tolerant reads the replica, loaders of their own, and no transactions', async () => {
    const primary = unopened().dataSource;
    const replica = unopened().dataSource;
    const ctx = context(new Database(primary, undefined, replica));
    const view = lagTolerant(ctx);
    expect(view.db.dataSource).toBe(replica);
    expect(view.loaders).not.toBe(ctx.loaders);
    expect(view.caller).toBe(ctx.caller);
    // One view per request, so two statistics fields of one request share its loaders.
    expect(lagTolerant(ctx)).toBe(view);
    expect(lagTolerant(context(ctx.db))).not.toBe(view);
    await expect(view.db.transaction(async () => 1)).rejects.toThrow(/transaction was opened on the replica/);
    expect(ctx.db.dataSource).toBe(primary);
  });
});
