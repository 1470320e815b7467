import { trainingService } from '@kesos/training';
import { assertTestDatabase, ensureMysqlDatabase, mysqlDataSource } from '@kesos/infra';
import { TEST_MYSQL_URL } from '@kesos/infra/testing';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TRAINING_MAIN = join(ROOT, 'services', 'training', 'dist', 'main.js');
const EMBEDDED_MAIN = join(ROOT, 'gateway', 'dist', 'embedded.main.js');

/** Runs a built entry point and returns its exit code and stderr (processes are built by `npm test`). */
function run(script: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'kesos-start-')), ...env } });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
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

const oneLine = (stderr: string): string => {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
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

  it('an unreachable database', async () => {
    const port = await closedPort();
    const result = await run(TRAINING_MAIN, { MYSQL_URL: `mysql://root@127.0.0.1:${port}`, NATS_URL: 'nats://127.0.0.1:4222', PORT: '0' });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toMatch(/cannot open MySQL database kesos_training at 127\.0\.0\.1:\d+ .*ECONNREFUSED.*start MariaDB/);
  });

  it('an unreachable NATS server', async () => {
    const prefix = 'kesos_test_startup';
    const database = `${prefix}_training`;
    assertTestDatabase(database);
    await ensureMysqlDatabase(TEST_MYSQL_URL, database);
    const { dataSource } = mysqlDataSource(trainingService, { mysqlUrl: TEST_MYSQL_URL, databasePrefix: prefix });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.destroy();
    const port = await closedPort();
    const result = await run(TRAINING_MAIN, { MYSQL_URL: TEST_MYSQL_URL, DATABASE_PREFIX: prefix, NATS_URL: `nats://127.0.0.1:${port}`, PORT: '0' });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toMatch(/cannot connect to NATS at nats:\/\/127\.0\.0\.1:\d+ .*start nats-server with JetStream/);
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
  });
});
