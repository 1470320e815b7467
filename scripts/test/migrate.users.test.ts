import { SERVICES } from '@kesos/gateway';
import { createDataSource, IDENTITY_HEADER, signIdentity } from '@kesos/infra';
import {
  dropTestDatabase,
  freePort,
  TEST_MYSQL_URL,
  TEST_NATS_URL,
  TEST_SECRETS,
  testDatabaseName,
  until,
} from '@kesos/infra/testing';
import type { ChildProcess } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const PREFIX = testDatabaseName('dbusers');
const db = (service: string) => `${PREFIX}_${service}`;
const PASSWORD = randomBytes(24).toString('hex');
const NAMESPACE = `t_dbusers_${randomBytes(4).toString('hex')}`;
const SECRETS = {
  JWT_SECRET: TEST_SECRETS.jwtSecret,
  INTERNAL_SECRET: TEST_SECRETS.internalSecret,
  PERSONAL_DATA_KEY: TEST_SECRETS.personalDataKey,
};

/** The service's own account: the same server, user and database named alike. */
function serviceUrl(service: string): string {
  const url = new URL(TEST_MYSQL_URL);
  url.username = db(service);
  url.password = PASSWORD;
  return url.toString();
}

async function asService<T>(service: string, work: (q: (sql: string) => Promise<unknown>) => Promise<T>): Promise<T> {
  const { dataSource } = createDataSource({
    target: { kind: 'mysql', url: serviceUrl(service), database: db(service) },
    entities: [],
  });
  await dataSource.initialize();
  try {
    return await work((sql) => dataSource.query(sql));
  } finally {
    await dataSource.destroy();
  }
}

const denied = (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (err: unknown) => String((err as { code?: unknown }).code),
  );

describe('npm run migrate: one MariaDB account per service', () => {
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    await run(process.execPath, [join(ROOT, 'scripts', 'dist', 'migrate.js'), '--no-seed'], {
      env: {
        ...process.env,
        ...SECRETS,
        MYSQL_URL: TEST_MYSQL_URL,
        NATS_URL: TEST_NATS_URL,
        DATABASE_PREFIX: PREFIX,
        LOG_LEVEL: 'error',
        TRAINING_DB_PASSWORD: PASSWORD,
        BUDGET_DB_PASSWORD: PASSWORD,
        PERFORMANCE_DB_PASSWORD: PASSWORD,
      },
      timeout: 300_000,
    });
  }, 320_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    const { dataSource: root } = createDataSource({
      target: { kind: 'mysql', url: TEST_MYSQL_URL, database: '' },
      entities: [],
    });
    await root.initialize();
    try {
      for (const def of SERVICES) await root.query(`DROP USER IF EXISTS '${db(def.name)}'@'%'`);
    } finally {
      await root.destroy();
    }
    for (const def of SERVICES) await dropTestDatabase(db(def.name));
  });

  it('lets each service read and write rows of its own database, and nothing more', async () => {
    const tables = await asService('training', (q) => q('SHOW TABLES'));
    expect((tables as unknown[]).length).toBeGreaterThan(10);
    await asService('training', async (q) => {
      await q(`INSERT INTO unit (code, name) VALUES ('GRANT-TEST', 'Grant test')`);
      await q(`DELETE FROM unit WHERE code = 'GRANT-TEST'`);
      expect(await denied(q('CREATE TABLE intruder (x INT)'))).toBe('ER_TABLEACCESS_DENIED_ERROR');
      expect(await denied(q('DROP TABLE unit'))).toBe('ER_TABLEACCESS_DENIED_ERROR');
      expect(await denied(q('ALTER TABLE unit ADD COLUMN x INT'))).toBe('ER_TABLEACCESS_DENIED_ERROR');
      expect(await denied(q(`SELECT * FROM \`${db('budget')}\`.outbox_event`))).toBe('ER_TABLEACCESS_DENIED_ERROR');
      expect(await denied(q('SELECT * FROM mysql.user'))).toBe('ER_TABLEACCESS_DENIED_ERROR');
    });
  });

  it('runs every service on its own account: ready, and writes through the training service commit', async () => {
    const ports: Record<string, number> = {};
    for (const def of SERVICES) {
      const port = (ports[def.name] = await freePort());
      children.push(
        spawn(process.execPath, [join(ROOT, 'services', def.name, 'dist', 'main.js')], {
          cwd: ROOT,
          env: {
            ...process.env,
            ...SECRETS,
            MYSQL_URL: serviceUrl(def.name),
            DATABASE_PREFIX: PREFIX,
            NATS_URL: TEST_NATS_URL,
            NATS_NAMESPACE: NAMESPACE,
            PORT: String(port),
            LOG_LEVEL: 'error',
          },
          stdio: 'ignore',
        }),
      );
    }
    for (const def of SERVICES)
      await until(
        `the ${def.name} service answers /readyz`,
        () =>
          fetch(`http://127.0.0.1:${ports[def.name]}/readyz`).then(
            (r) => r.ok,
            () => false,
          ),
        120_000,
        250,
      );
    const port = ports.training;
    const identity = signIdentity(
      { caller: { subject: 'grant-test', role: 'admin', unit: null }, requestId: 'grant-test' },
      TEST_SECRETS.internalSecret,
    );
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: identity },
      body: JSON.stringify({
        query: 'mutation { registerUnit(input: { code: "GRANT-UNIT", name: "Grant unit" }) { code name } }',
      }),
    });
    expect(await res.json()).toEqual({ data: { registerUnit: { code: 'GRANT-UNIT', name: 'Grant unit' } } });
    const rows = await asService('training', (q) => q(`SELECT code FROM unit WHERE code = 'GRANT-UNIT'`));
    expect(rows).toEqual([{ code: 'GRANT-UNIT' }]);
  }, 180_000);
});
