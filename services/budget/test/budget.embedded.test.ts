import type { RunningService } from '@kesos/infra';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callers, callSubgraph, memorySqliteDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { budgetService } from '../src';
import { padang, unitBudget } from './support';

/** The embedded mode (SQLite, in-process bus) runs the same queries; the report's figures must come out the same. */
let running: RunningService;
beforeAll(async () => {
  const database = await memorySqliteDatabase(budgetService);
  running = await startService(budgetService, {
    database,
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

test('seeded SQLite answers the 2022 satkers, revisions, goals and months like MariaDB', async () => {
  const r = await callSubgraph<{
    _entities: {
      budget: {
        budgetPerformanceScore: number;
        satkers: {
          code: string;
          ceiling: number;
          realized: number;
          absorptionRate: number;
          revisions: { ceilingAfter: number }[];
          byGoal: { absorptionRate: number }[];
          byMonth: { cumulativeRealized: number }[];
        }[];
      };
    }[];
  }>(
    running.url,
    unitBudget(
      'budget(year: 2022) { budgetPerformanceScore satkers { code ceiling realized absorptionRate revisions { ceilingAfter } byGoal { absorptionRate } byMonth { cumulativeRealized } } }',
    ),
    padang,
    { caller: callers.admin(), secret: TEST_SECRETS.internalSecret },
  );
  expect(r.errors).toBeUndefined();
  const b = r.data!._entities[0].budget;
  expect(b.budgetPerformanceScore).toBe(92.95);
  expect(b.satkers.map((x) => [x.code, x.ceiling, x.realized, x.absorptionRate])).toEqual([
    ['369283', 8_721_102_000, 8_713_841_838, 99.92],
    ['690552', 8_179_753_000, 8_118_932_961, 99.26],
  ]);
  expect(b.satkers[1].revisions.map((x) => x.ceilingAfter)).toEqual([
    7_550_496_000,
    7_550_496_000,
    ...Array(6).fill(8_179_753_000),
  ]);
  expect(b.satkers[1].byGoal.map((g) => g.absorptionRate)).toEqual([99.71, 98.98, 99.4, 99.42, 99.27]);
  expect(b.satkers[1].byMonth[11].cumulativeRealized).toBe(8_118_932_961);
});

test('budgetRealizations pages the same on SQLite: the pages add up to totalCount', async () => {
  type Page = {
    nodes: { id: string }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    totalCount: number;
  };
  const page = (after: string | null) =>
    callSubgraph<{ budgetRealizations: Page }>(
      running.url,
      'query($after: String) { budgetRealizations(satkerCode: "690552", year: 2022, first: 500, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } totalCount } }',
      { after },
      { caller: callers.admin(), secret: TEST_SECRETS.internalSecret },
    );
  let after: string | null = null;
  const ids: number[] = [];
  let total = 0;
  for (;;) {
    const r = await page(after);
    expect(r.errors).toBeUndefined();
    const p: Page = r.data!.budgetRealizations;
    ids.push(...p.nodes.map((n) => Number(n.id)));
    total = p.totalCount;
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  expect(total).toBeGreaterThan(0);
  expect(ids).toHaveLength(total);
  expect([...ids].sort((a, b) => a - b)).toEqual(ids);
});
