import { trainingService } from '@kesos/training';
import { assertTestDatabase, ensureMysqlDatabase, mysqlDataSource } from '@kesos/infra';
import { dropTestDatabase, TEST_MYSQL_URL, testDatabaseName } from '@kesos/infra/testing';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import type { Server } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TRAINING_MAIN = join(ROOT, 'services', 'training', 'dist', 'main.js');
const EMBEDDED_MAIN = join(ROOT, 'gateway', 'dist', 'embedded.main.js');
const GATEWAY_MAIN = join(ROOT, 'gateway', 'dist', 'main.js');

/** Runs a built entry point and returns its exit code and stderr (processes are built by `npm test`). */
function run(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], {
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'silent',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'kesos-start-')),
        ...env,
      },
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    // Generous: the embedded start seeds three databases first, which takes far longer on a loaded machine.
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** The distributed mode refuses to start without secrets; these are only for the tests' processes. */
const SECRETS = { JWT_SECRET: 'j'.repeat(32), INTERNAL_SECRET: 'i'.repeat(32), PERSONAL_DATA_KEY: 'p'.repeat(32) };

const oneLine = (stderr: string): string => {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0];
};

describe('start-up failures exit non-zero with one line that says what to fix', () => {
  it('invalid or missing configuration', async () => {
    const result = await run(TRAINING_MAIN, { MYSQL_URL: 'http://nowhere', PORT: 'eighty' });
    expect(result.code).toBe(1);
    const line = oneLine(result.stderr);
    expect(line).toContain('MYSQL_URL must use mysql or mariadb://');
    expect(line).toContain('PORT must be a port number');
    expect(line).toContain('NATS_URL is required');
  });

  it('missing or short secrets in the distributed mode and in production, instead of development keys', async () => {
    const distributed = { MYSQL_URL: TEST_MYSQL_URL, NATS_URL: 'nats://127.0.0.1:4222', PORT: '0' };
    const missing = await run(TRAINING_MAIN, {
      ...distributed,
      JWT_SECRET: SECRETS.JWT_SECRET,
      INTERNAL_SECRET: SECRETS.INTERNAL_SECRET,
    });
    expect(missing.code).toBe(1);
    expect(oneLine(missing.stderr)).toMatch(/PERSONAL_DATA_KEY is required in production and in the distributed mode/);
    const short = await run(GATEWAY_MAIN, { ...SECRETS, JWT_SECRET: 'too-short', PORT: '0' });
    expect(short.code).toBe(1);
    expect(oneLine(short.stderr)).toMatch(/JWT_SECRET must be at least 32 bytes, got 9/);
    const gatewayBare = await run(GATEWAY_MAIN, { PORT: '0' });
    expect(gatewayBare.code).toBe(1);
    expect(oneLine(gatewayBare.stderr)).toMatch(
      /JWT_SECRET is required.*INTERNAL_SECRET is required.*PERSONAL_DATA_KEY is required/,
    );
    const dataDir = mkdtempSync(join(tmpdir(), 'kesos-prod-'));
    const production = await run(EMBEDDED_MAIN, {
      NODE_ENV: 'production',
      PORT: '0',
      DATA_DIR: dataDir,
      INTERNAL_SECRET: SECRETS.INTERNAL_SECRET,
      PERSONAL_DATA_KEY: SECRETS.PERSONAL_DATA_KEY,
    });
    expect(production.code).toBe(1);
    expect(oneLine(production.stderr)).toMatch(/JWT_SECRET is required in production/);
    expect(existsSync(join(dataDir, 'dev-keys.json'))).toBe(false);
  });

  it('an unreachable database', async () => {
    const port = await closedPort();
    const result = await run(TRAINING_MAIN, {
      ...SECRETS,
      MYSQL_URL: `mysql://root@127.0.0.1:${port}`,
      NATS_URL: 'nats://127.0.0.1:4222',
      PORT: '0',
    });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toMatch(
      /cannot open MySQL database kesos_training at 127\.0\.0\.1:\d+ .*ECONNREFUSED.*start MariaDB/,
    );
  });

  it('an unreachable NATS server', async () => {
    const prefix = testDatabaseName('startup');
    const database = `${prefix}_training`;
    assertTestDatabase(database);
    await ensureMysqlDatabase(TEST_MYSQL_URL, database);
    const { dataSource } = mysqlDataSource(trainingService, { mysqlUrl: TEST_MYSQL_URL, databasePrefix: prefix });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.destroy();
    const port = await closedPort();
    const result = await run(TRAINING_MAIN, {
      ...SECRETS,
      MYSQL_URL: TEST_MYSQL_URL,
      DATABASE_PREFIX: prefix,
      NATS_URL: `nats://127.0.0.1:${port}`,
      PORT: '0',
    });
    await dropTestDatabase(database);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toMatch(
      /cannot connect to NATS at nats:\/\/127\.0\.0\.1:\d+ .*start nats-server with JetStream/,
    );
  });

  it('the embedded default on a port that is taken', async () => {
    const blocker: Server = await new Promise((resolve) => {
      const s = createServer().listen(0, () => resolve(s));
    });
    try {
      const port = (blocker.address() as { port: number }).port;
      const result = await run(EMBEDDED_MAIN, { PORT: String(port) });
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toBe(`error: port ${port} is in use; stop the other process or set PORT`);
    } finally {
      blocker.close();
    }
  }, 180_000);
});
