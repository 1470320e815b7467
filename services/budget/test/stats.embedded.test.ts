import type { RunningService } from '@kesos/infra';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callers, callSubgraph, memorySqliteDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { budgetService } from '../src';
import { rawBudgetStatsRollup, rebuildBudgetStatsRollup, storedBudgetStatsRollup } from '../src/stats/stats.service';

/** The embedded mode (SQLite): the same rollup upserts, rebuild and budgetStats figures as MariaDB. */
let running: RunningService;
beforeAll(async () => {
  running = await startService(budgetService, {
    database: await memorySqliteDatabase(budgetService),
    bus: new MemoryEventBus(),
    secrets: TEST_SECRETS,
    logger: createLogger('test', 'silent'),
    port: 0,
    host: '127.0.0.1',
    seed: true,
  });
});
afterAll(async () => {
  await running?.stop();
});

const call = <T>(query: string, variables: Record<string, unknown> = {}, caller = callers.admin()) =>
  callSubgraph<T>(running.url, query, variables, { caller, secret: TEST_SECRETS.internalSecret });

async function expectRollupExact(): Promise<void> {
  const m = running.dataSource.manager;
  const stored = await storedBudgetStatsRollup(m);
  expect(stored.length).toBeGreaterThan(0);
  expect(stored).toEqual(await rawBudgetStatsRollup(m));
}

test('seeded SQLite answers the 2022 satkers as MariaDB, and writes keep the rollup exact', async () => {
  await expectRollupExact();
  const bySatker = await call<{
    budgetStats: { satkerCode: string; ceiling: number; realized: number; absorptionRate: number }[];
  }>(
    '{ budgetStats(filter: { fromYear: 2022, toYear: 2022 }, groupBy: [SATKER]) { satkerCode ceiling realized absorptionRate } }',
    {},
    callers.viewer('BBPPKS-PADANG'),
  );
  expect(bySatker.errors).toBeUndefined();
  expect(bySatker.data!.budgetStats).toEqual([
    { satkerCode: '369283', ceiling: 8_721_102_000, realized: 8_713_841_838, absorptionRate: 99.92 },
    { satkerCode: '690552', ceiling: 8_179_753_000, realized: 8_118_932_961, absorptionRate: 99.26 },
  ]);
  const monthly = await call<{ budgetStats: { month: number; expenseType: string; realized: number }[] }>(
    '{ budgetStats(filter: { fromYear: 2022, toYear: 2022 }, groupBy: [MONTH, EXPENSE_TYPE]) { month expenseType realized } }',
    {},
    callers.analyst(),
  );
  expect(monthly.data!.budgetStats.reduce((s, r) => s + r.realized, 0)).toBe(8_713_841_838 + 8_118_932_961);

  const spent = await call<{ recordRealization: { id: string } }>(
    `mutation($input: RecordRealizationInput!) { recordRealization(input: $input) { id } }`,
    {
      input: {
        satkerCode: '690552',
        year: 2022,
        outputCode: '6391.SCM.001',
        componentCode: '051',
        accountCode: '521211',
        date: '2022-12-29',
        amount: 1_000_000,
        documentNumber: 'SP2D-SQLITE-1',
      },
    },
  );
  expect(spent.errors).toBeUndefined();
  await expectRollupExact();
  const reversed = await call(
    `mutation($input: ReverseRealizationInput!) { reverseRealization(input: $input) { id } }`,
    {
      input: {
        transactionId: spent.data!.recordRealization.id,
        date: '2022-12-30',
        documentNumber: 'KOREKSI-SQLITE-1',
        reason: 'uji',
      },
    },
  );
  expect(reversed.errors).toBeUndefined();
  await expectRollupExact();
  await running.dataSource.transaction((m) => rebuildBudgetStatsRollup(m));
  await expectRollupExact();
});
