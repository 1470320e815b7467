import { Kind, parse, print } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmbeddedSystem } from '../src';
import { query, startTestGraph, tokenFor } from './support';

/** The analytics contract's budget operations, taken verbatim from the contract, through the embedded gateway. */
const CONTRACT = parse(readFileSync(join(__dirname, 'contract', 'analytics.graphql'), 'utf8'));
function operation(name: string): string {
  const found = CONTRACT.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!found) throw new Error(`the analytics contract has no operation ${name}`);
  return print(found);
}

let system: EmbeddedSystem;
beforeAll(async () => {
  system = await startTestGraph();
}, 300000);
afterAll(async () => system?.stop());

const PADANG = 'BBPPKS-PADANG';

test('BudgetAbsorptionRanking: one request, the unit resolved through the graph, for an analyst and a viewer', async () => {
  for (const token of [tokenFor('analyst'), tokenFor('viewer', PADANG), tokenFor('operator', PADANG)]) {
    const r = await query<{ budgetStats: Record<string, unknown>[] }>(
      system,
      operation('BudgetAbsorptionRanking'),
      { year: 2022 },
      token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.budgetStats).toEqual([
      {
        rank: 1,
        unit: { code: PADANG, name: expect.stringContaining('Padang') as unknown },
        ceiling: 16_900_855_000,
        realized: 16_832_774_799,
        absorptionRate: 99.6,
      },
    ]);
  }
  const other = await query(
    system,
    operation('BudgetAbsorptionRanking'),
    { year: 2022 },
    tokenFor('viewer', 'BBPPKS-BANDUNG'),
  );
  expect(other).toEqual({ status: 200, data: { budgetStats: [] } });
});

test('MonthlyRealization: realisation per month and expense type sums to the year', async () => {
  const r = await query<{ budgetStats: { month: number; expenseType: string; realized: number }[] }>(
    system,
    operation('MonthlyRealization'),
    { year: 2022 },
    tokenFor('analyst'),
  );
  expect(r.errors).toBeUndefined();
  const rows = r.data!.budgetStats;
  expect([...new Set(rows.map((x) => x.expenseType))].sort()).toEqual(['GOODS', 'PERSONNEL']);
  expect(rows.every((x) => x.month >= 1 && x.month <= 12)).toBe(true);
  expect(rows.reduce((s, x) => s + x.realized, 0)).toBe(16_832_774_799);
});
