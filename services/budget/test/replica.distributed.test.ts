import type { RunningService, ServiceDataSource } from '@kesos/infra';
import {
  ConfigReader,
  createLogger,
  databaseName,
  ensureServiceUser,
  mysqlDataSource,
  mysqlReplicaDataSource,
  readDistributedConfig,
  startService,
} from '@kesos/infra';
import type { ReplicatedMariadb, TestDatabase } from '@kesos/infra/testing';
import {
  callers,
  callSubgraph,
  freePort,
  isolatedNatsBus,
  migratedMysqlDatabase,
  startReplicatedMariadb,
  TEST_NATS_URL,
  TEST_SECRETS,
  testDatabaseName,
  until,
} from '@kesos/infra/testing';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { budgetService } from '../src';
import { padang, PADANG, unitBudget } from './support';

const ACCOUNT = 'kesos_budget';
const PASSWORD = 'budget-password-of-the-replica-test';
const SATKER = '690552';
const BUDGET_MAIN = join(__dirname, '..', 'dist', 'main.js');

/** The built budget process with the distributed mode's environment; its stderr is collected. */
function budgetProcess(env: Record<string, string>): {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [BUDGET_MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'silent',
      JWT_SECRET: TEST_SECRETS.jwtSecret,
      INTERNAL_SECRET: TEST_SECRETS.internalSecret,
      PERSONAL_DATA_KEY: TEST_SECRETS.personalDataKey,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

const RECORD = `mutation($input: RecordRealizationInput!) { recordRealization(input: $input) { id amount } }`;
const STATS = `{ budgetStats(filter: { fromYear: 2022, toYear: 2022, units: ["${PADANG}"], satkers: ["${SATKER}"] }) { realized } }`;
const DETAIL = unitBudget('budget(year: 2022) { satkers { code realized } }');

/** A PPM line of 690552 (account 521211 under RO 6391.SCM.001, component 051), as budget.writes.test.ts spends it. */
const spend = (amount: number, documentNumber: string) => ({
  satkerCode: SATKER,
  year: 2022,
  outputCode: '6391.SCM.001',
  componentCode: '051',
  accountCode: '521211',
  date: '2022-12-29',
  amount,
  documentNumber,
});

/**
 * The budget subgraph configured as in production with MYSQL_URL on a private primary and
 * MYSQL_READ_URL on its replica (MariaDB replication between two private mariadbd): the
 * statistics answer from the replica, so they lag while the replica's SQL thread is stopped,
 * whereas mutations and the detailed API answer from the primary at once; the service's account
 * writes nothing on the replica, which refuses writes anyway.
 */
describe('budget on a replicated MariaDB (MYSQL_READ_URL)', () => {
  let servers: ReplicatedMariadb | undefined;
  let database: TestDatabase | undefined;
  let service: RunningService | undefined;
  let replica: ServiceDataSource | undefined;
  let bus: Awaited<ReturnType<typeof isolatedNatsBus>> | undefined;
  let prefix = '';
  const started = Date.now();
  let ready = 0;

  const withAccount = (url: string) => url.replace('mysql://root@', `mysql://${ACCOUNT}:${PASSWORD}@`);
  const call = <T>(query: string, variables: Record<string, unknown> = {}, caller = callers.admin()) =>
    callSubgraph<T>(service!.url, query, variables, { caller, secret: TEST_SECRETS.internalSecret });
  const statsRealized = async () => {
    const r = await call<{ budgetStats: { realized: number }[] }>(STATS, {}, callers.analyst());
    expect(r.errors).toBeUndefined();
    return r.data!.budgetStats[0].realized;
  };
  const detailRealized = async () => {
    const r = await call<{ _entities: { budget: { satkers: { code: string; realized: number }[] } }[] }>(
      DETAIL,
      padang,
    );
    expect(r.errors).toBeUndefined();
    return r.data!._entities[0].budget.satkers.find((s) => s.code === SATKER)!.realized;
  };

  beforeAll(async () => {
    servers = await startReplicatedMariadb();
    prefix = testDatabaseName('replica');
    database = await migratedMysqlDatabase(budgetService, `${prefix}_budget`, servers.primary.url);
    await database.dataSource.destroy();
    // The service's own account, created on the primary as `npm run migrate` does; replication brings it to the replica.
    await ensureServiceUser(servers.primary.url, database.name, ACCOUNT, PASSWORD);
    await servers.caughtUp();
    bus = await isolatedNatsBus('budget_replica');

    const reader = new ConfigReader({
      MYSQL_URL: withAccount(servers.primary.url),
      MYSQL_READ_URL: withAccount(servers.replica.url),
      DATABASE_PREFIX: prefix,
      NATS_URL: TEST_NATS_URL,
      JWT_SECRET: TEST_SECRETS.jwtSecret,
      INTERNAL_SECRET: TEST_SECRETS.internalSecret,
      PERSONAL_DATA_KEY: TEST_SECRETS.personalDataKey,
    });
    const config = readDistributedConfig(reader, budgetService.defaultPort);
    reader.done();
    expect(databaseName(config, 'budget')).toBe(database.name);
    const primary = mysqlDataSource(budgetService, config);
    replica = mysqlReplicaDataSource(budgetService, config, primary);
    expect(replica).toBeDefined();
    service = await startService(budgetService, {
      database: primary,
      replica,
      bus,
      secrets: TEST_SECRETS,
      logger: createLogger('test', 'silent'),
      port: 0,
      host: '127.0.0.1',
      seed: true,
      relay: { intervalMs: 100 },
    });
    await servers.caughtUp();
    ready = Date.now();
  }, 240_000);

  afterAll(async () => {
    await service?.stop().catch(() => undefined);
    await bus?.deleteNamespaceStreams().catch(() => undefined);
    await bus?.close().catch(() => undefined);
    await servers?.remove();
    console.log(
      `replica test: both servers installed, replicating and the service seeded in ${ready - started} ms; whole file ${Date.now() - started} ms`,
    );
  });

  it('answers the statistics from the replica: they lag while it applies nothing, mutations and the detailed API do not', async () => {
    const before = await detailRealized();
    expect(before).toBeGreaterThan(0);
    expect(await statsRealized()).toBe(before);

    await servers!.pauseApplying();
    const r = await call<{ recordRealization: { amount: number } }>(
      RECORD,
      { input: spend(1_500_000, 'SP2D-REPLICA-0001') },
      callers.operator(PADANG),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordRealization.amount).toBe(1_500_000);
    // Read-your-writes: the operator's next read of the satker shows the transaction at once.
    expect(await detailRealized()).toBe(before + 1_500_000);
    // The analyst's statistic is the replica's, which has not applied it yet.
    expect(await statsRealized()).toBe(before);
    const [{ realized }] = await servers!.query<{ realized: string }[]>(
      servers!.primary,
      `SELECT SUM(realized) AS realized FROM \`${database!.name}\`.budget_stats_rollup WHERE satkerCode = ? AND year = 2022 AND month > 0`,
      [SATKER],
    );
    expect(Number(realized)).toBe(before + 1_500_000);

    await servers!.resumeApplying();
    const resumed = Date.now();
    await servers!.caughtUp();
    console.log(`replica test: the replica caught up ${Date.now() - resumed} ms after its SQL thread started again`);
    expect(await statsRealized()).toBe(before + 1_500_000);
  }, 120_000);

  it('sends the statistics and nothing else to the replica, which the service account never writes and which refuses writes', async () => {
    const onReplica = async () => {
      const [row] = await servers!.query<Record<string, string | number>[]>(
        servers!.replica,
        'SELECT SELECT_COMMANDS, UPDATE_COMMANDS, ROWS_INSERTED, ROWS_UPDATED, ROWS_DELETED FROM information_schema.USER_STATISTICS WHERE USER = ?',
        [ACCOUNT],
      );
      return {
        selects: Number(row.SELECT_COMMANDS),
        writes: [row.UPDATE_COMMANDS, row.ROWS_INSERTED, row.ROWS_UPDATED, row.ROWS_DELETED].map(Number),
      };
    };
    const first = await onReplica();
    expect(first.writes).toEqual([0, 0, 0, 0]);

    // A mutation and the detailed reads after it issue no statement on the replica...
    const r = await call(RECORD, { input: spend(250_000, 'SP2D-REPLICA-0002') }, callers.operator(PADANG));
    expect(r.errors).toBeUndefined();
    await detailRealized();
    expect(await onReplica()).toEqual(first);
    // ...the statistics do.
    await statsRealized();
    const after = await onReplica();
    expect(after.selects).toBeGreaterThan(first.selects);
    expect(after.writes).toEqual([0, 0, 0, 0]);

    const [{ readOnly }] = await servers!.query<{ readOnly: number | string }[]>(
      servers!.replica,
      'SELECT @@read_only AS readOnly',
    );
    expect(Number(readOnly)).toBe(1);
    await expect(
      replica!.dataSource.query('UPDATE budget_stats_rollup SET realized = realized + 1 WHERE satkerCode = ?', [
        SATKER,
      ]),
    ).rejects.toThrow(/read-only/);
  }, 60_000);

  it("the subgraph's process reads MYSQL_READ_URL: its statistics lag with the replica; an unreachable replica stops its start, named", async () => {
    const env = {
      MYSQL_URL: withAccount(servers!.primary.url),
      MYSQL_READ_URL: withAccount(servers!.replica.url),
      DATABASE_PREFIX: prefix,
      NATS_URL: TEST_NATS_URL,
      NATS_NAMESPACE: bus!.namespace,
    };
    const port = await freePort();
    const running = budgetProcess({ ...env, PORT: String(port) });
    const url = `http://127.0.0.1:${port}/graphql`;
    const ask = <T>(query: string, variables: Record<string, unknown>, caller = callers.admin()) =>
      callSubgraph<T>(url, query, variables, { caller, secret: TEST_SECRETS.internalSecret });
    try {
      await until(
        'the budget process is ready',
        async () => {
          if (running.child.exitCode !== null) throw new Error(`budget exited: ${running.stderr()}`);
          return (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.ok === true;
        },
        120_000,
        200,
      );
      const stats = async () =>
        (await ask<{ budgetStats: { realized: number }[] }>(STATS, {}, callers.analyst())).data!.budgetStats[0]
          .realized;
      const before = await stats();
      await servers!.pauseApplying();
      const r = await ask(RECORD, { input: spend(75_000, 'SP2D-REPLICA-0003') }, callers.operator(PADANG));
      expect(r.errors).toBeUndefined();
      expect(await detailRealized()).toBe(before + 75_000);
      expect(await stats()).toBe(before);
      await servers!.resumeApplying();
      await servers!.caughtUp();
      expect(await stats()).toBe(before + 75_000);
    } finally {
      await servers!.resumeApplying();
      running.child.kill('SIGTERM');
      await running.exited;
    }

    const closed = await freePort();
    const refused = budgetProcess({
      ...env,
      MYSQL_READ_URL: `mysql://${ACCOUNT}:${PASSWORD}@127.0.0.1:${closed}`,
      PORT: String(await freePort()),
    });
    expect(await refused.exited).toBe(1);
    expect(refused.stderr().trim()).toMatch(
      /^error: cannot open the replica's MySQL database \S+_budget at 127\.0\.0\.1:\d+ .*ECONNREFUSED.*check MYSQL_READ_URL/,
    );
  }, 180_000);
});
