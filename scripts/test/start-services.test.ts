import { SERVICES } from '@kesos/gateway';
import { ConfigReader, NatsEventBus } from '@kesos/infra';
import {
  dropTestDatabase,
  freePort,
  migratedMysqlDatabase,
  TEST_MYSQL_URL,
  TEST_NATS_URL,
  TEST_SECRETS,
  testDatabaseName,
  until,
} from '@kesos/infra/testing';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { servicePlan } from '../src/start-services';
import { restartDelay } from '../src/supervisor';

const PREFIX = testDatabaseName('startsvc');
const ROOT = join(__dirname, '..', '..');

const ok = (url: string) =>
  fetch(url).then(
    (r) => r.ok,
    () => false,
  );
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The child processes of `pid`, by the script each runs (Linux /proc). */
function childScripts(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  for (const child of children) {
    try {
      const cmd = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0');
      const script = cmd.find((a) => a.endsWith('main.js'));
      if (script) out.set(script.split('/').slice(-3, -2)[0], child);
    } catch {
      // The child exited between the listing and the read.
    }
  }
  return out;
}

describe('npm run start:services', () => {
  it('restart delays double from the first one up to the longest', () => {
    const backoff = { initialMs: 1000, maxMs: 30_000, healthyAfterMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => restartDelay(backoff, n))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });

  it('takes each process port from its variable and points the gateway at the subgraphs', () => {
    const reader = new ConfigReader({
      TRAINING_PORT: '5101',
      BUDGET_PORT: '5102',
      PERFORMANCE_PORT: '5103',
      GATEWAY_PORT: '5100',
    });
    const plan = servicePlan(reader, '/app');
    reader.done();
    expect(plan.map((s) => [s.name, s.env.PORT])).toEqual([
      ['training', '5101'],
      ['budget', '5102'],
      ['performance', '5103'],
      ['gateway', '5100'],
    ]);
    expect(plan[3].env).toMatchObject({
      TRAINING_URL: 'http://127.0.0.1:5101/graphql',
      BUDGET_URL: 'http://127.0.0.1:5102/graphql',
      PERFORMANCE_URL: 'http://127.0.0.1:5103/graphql',
    });
    const clash = new ConfigReader({ BUDGET_PORT: '4001' });
    servicePlan(clash, '/app');
    expect(() => clash.done()).toThrow('budget and training are both set to port 4001');
  });

  describe('four processes (built dist, MariaDB, NATS)', () => {
    let supervisor: ChildProcess | undefined;
    let stderr = '';
    const namespace = `t_startsvc_${randomBytes(4).toString('hex')}`;
    const ports: Record<string, number> = {};

    beforeAll(async () => {
      // Migrated, empty databases: enough for every process to start and answer /readyz.
      for (const def of SERVICES)
        await (await migratedMysqlDatabase(def, `${PREFIX}_${def.name}`)).dataSource.destroy();
      for (const name of ['training', 'budget', 'performance', 'gateway']) ports[name] = await freePort();
      supervisor = spawn(process.execPath, [join(ROOT, 'scripts', 'dist', 'start-services.js')], {
        cwd: ROOT,
        env: {
          ...process.env,
          MYSQL_URL: TEST_MYSQL_URL,
          DATABASE_PREFIX: PREFIX,
          NATS_URL: TEST_NATS_URL,
          NATS_NAMESPACE: namespace,
          JWT_SECRET: TEST_SECRETS.jwtSecret,
          INTERNAL_SECRET: TEST_SECRETS.internalSecret,
          PERSONAL_DATA_KEY: TEST_SECRETS.personalDataKey,
          LOG_LEVEL: 'error',
          TRAINING_PORT: String(ports.training),
          BUDGET_PORT: String(ports.budget),
          PERFORMANCE_PORT: String(ports.performance),
          GATEWAY_PORT: String(ports.gateway),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      supervisor.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-8000)));
      await until(
        'the gateway and every subgraph ready on their configured ports',
        () => ok(`http://127.0.0.1:${ports.gateway}/readyz`),
        120_000,
        250,
      );
    }, 240_000);

    afterAll(async () => {
      if (supervisor && supervisor.exitCode === null) {
        const pids = [...childScripts(supervisor.pid!).values()];
        supervisor.kill('SIGKILL');
        for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
      }
      // The processes' streams live on the shared NATS server; nothing else removes them.
      const bus = await NatsEventBus.connect(TEST_NATS_URL, undefined, { namespace });
      await bus.deleteNamespaceStreams();
      await bus.close();
      for (const def of SERVICES) await dropTestDatabase(`${PREFIX}_${def.name}`);
    }, 60_000);

    it('restarts a child that dies while the others keep serving, and stops them all on SIGTERM', async () => {
      const before = childScripts(supervisor!.pid!);
      expect([...before.keys()].sort()).toEqual(['budget', 'gateway', 'performance', 'training']);
      const killed = before.get('budget')!;
      process.kill(killed, 'SIGKILL');

      await until('the budget process gone', () => !alive(killed), 10_000, 250);
      for (const name of ['training', 'performance', 'gateway']) {
        expect(await ok(`http://127.0.0.1:${ports[name]}/healthz`)).toBe(true);
      }
      await until('budget serving again', () => ok(`http://127.0.0.1:${ports.budget}/readyz`), 60_000, 250);
      await until('the gateway ready again', () => ok(`http://127.0.0.1:${ports.gateway}/readyz`), 30_000, 250);
      const after = childScripts(supervisor!.pid!);
      expect(after.get('budget')).not.toBe(killed);
      for (const name of ['training', 'performance', 'gateway']) expect(after.get(name)).toBe(before.get(name));
      expect(stderr).toContain('budget exited (SIGKILL); restarting it in 1 s, the others keep running');

      const exited = new Promise<number | null>((resolve) => supervisor!.once('exit', (code) => resolve(code)));
      supervisor!.kill('SIGTERM');
      expect(await exited).toBe(0);
      for (const pid of after.values()) await until(`process ${pid} stopped`, () => !alive(pid), 15_000, 250);
    }, 180_000);
  });
});
