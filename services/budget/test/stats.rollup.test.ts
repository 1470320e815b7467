import { callers } from '@kesos/infra/testing';
import { BudgetStatsRollup1796209110344 } from '../src/migrations/1796209110344-BudgetStatsRollup';
import { StatsProvenance1796500000000 } from '../src/migrations/1796500000000-StatsProvenance';
import { rawBudgetStatsRollup, rebuildBudgetStatsRollup, storedBudgetStatsRollup } from '../src/stats/stats.service';
import type { BudgetTestService } from './support';
import { startBudget, unitBudget } from './support';

/**
 * The rollup behind budgetStats is kept in the same transaction as each write: after random
 * sequences of writes through the API (spending, corrections, revisions, new lines, transfers,
 * refusals), and under concurrent writers, it equals a raw GROUP BY over the base tables.
 */
let s: BudgetTestService;
beforeAll(async () => {
  s = await startBudget('statsrollup');
});
afterAll(async () => {
  await s?.stop();
});

const YEAR = 2023;
const OPEN = `mutation($input: OpenDipaInput!) { openDipa(input: $input) { number } }`;
const RECORD = `mutation($input: RecordRealizationInput!) { recordRealization(input: $input) { id } }`;
const REVERSE = `mutation($input: ReverseRealizationInput!) { reverseRealization(input: $input) { id } }`;
const REVISE = `mutation($input: RecordRevisionInput!) { recordBudgetRevision(input: $input) { number } }`;
const TRANSFER = `mutation($input: RecordBudgetTransferInput!) { recordBudgetTransfer(input: $input) { amount } }`;

/** A small deterministic generator (mulberry32), so a failing sequence can be replayed by its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Line {
  id: string;
  outputCode: string | null;
  componentCode: string | null;
  accountCode: string;
}
interface Dipa {
  unit: string;
  satkerCode: string;
  lines: Line[];
}

const output = (code: string, name: string) => ({
  kroCode: code.slice(0, 8),
  kroName: 'Pelatihan Bidang Sosial',
  code,
  name,
  volumeUnit: 'orang',
  volumeTarget: 100,
});

/** A DIPA with two programmes, three goals, all three expense types and a summary line. */
async function openDipa(unit: string, satkerCode: string, scale = 1): Promise<Dipa> {
  const r = await s.call(OPEN, {
    input: {
      unit,
      satkerCode,
      year: YEAR,
      date: '2022-12-15',
      description: `DIPA ${satkerCode}/${YEAR} (synthetic)`,
      newSatker: { name: `Satker Sintetis ${satkerCode}`, organisation: 'OTK baru (sintetis)' },
      programmes: [
        {
          code: '027.DN',
          name: 'Program Perlindungan Sosial',
          activities: [
            {
              code: '6391',
              name: 'Pendidikan dan Pelatihan Kesejahteraan Sosial',
              outputs: [output('6391.SCM.001', 'Diklat A'), output('6391.SCM.002', 'Diklat B')],
            },
          ],
        },
        {
          code: '027.WA',
          name: 'Program Dukungan Manajemen',
          activities: [{ code: '6392', name: 'Dukungan Manajemen', outputs: [output('6392.EBA.001', 'Layanan')] }],
        },
      ],
      lines: [
        { accountCode: '51', ceiling: 900_000_000 * scale },
        {
          outputCode: '6391.SCM.001',
          componentCode: '051',
          accountCode: '521211',
          goalCode: 'SK1',
          ceiling: 400_000_000 * scale,
        },
        {
          outputCode: '6391.SCM.002',
          componentCode: '051',
          accountCode: '524111',
          goalCode: 'SK2',
          ceiling: 300_000_000 * scale,
          blocked: 10_000_000 * scale,
        },
        {
          outputCode: '6392.EBA.001',
          componentCode: '052',
          accountCode: '532111',
          goalCode: 'SK3',
          ceiling: 200_000_000 * scale,
        },
        { outputCode: '6392.EBA.001', componentCode: '053', accountCode: '522111', ceiling: 100_000_000 * scale },
      ],
    },
  });
  expect(r.errors).toBeUndefined();
  return { unit, satkerCode, lines: await linesOf(unit, satkerCode) };
}

async function linesOf(unit: string, satkerCode: string): Promise<Line[]> {
  const r = await s.call<{ _entities: { budget: { satkers: { code: string; lines: Line[] }[] } }[] }>(
    unitBudget(`budget(year: ${YEAR}) { satkers { code lines { id outputCode componentCode accountCode } } }`),
    { representations: [{ __typename: 'Unit', code: unit }] },
  );
  expect(r.errors).toBeUndefined();
  return r.data!._entities[0].budget.satkers.find((x) => x.code === satkerCode)!.lines;
}

async function expectRollupExact(): Promise<void> {
  const m = s.running.dataSource.manager;
  expect(await storedBudgetStatsRollup(m)).toEqual(await rawBudgetStatsRollup(m));
}

const dayOf = (i: number, n: number) => {
  const d = new Date(Date.UTC(YEAR, 0, 2) + Math.floor((i / n) * 360) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

test('after a random sequence of writes through the API the rollup equals a raw GROUP BY', async () => {
  const dipas = [
    await openDipa('BBPPKS-BANDUNG', '777101'),
    await openDipa('BBPPKS-BANDUNG', '777102'),
    await openDipa('BBPPKS-MAKASSAR', '777201'),
  ];
  await expectRollupExact();
  const next = random(20261202);
  const pickOf = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
  const spent: { id: string; reversed: boolean }[] = [];
  const N = 120;
  const outcomes = { ok: 0, refused: 0 };
  const succeeded = new Set<string>();
  for (let i = 0; i < N; i++) {
    const date = dayOf(i, N);
    const dipa = pickOf(dipas);
    const line = pickOf(dipa.lines);
    const roll = next();
    let r;
    let kind: string;
    if (roll < 0.55) {
      kind = 'spend';
      r = await s.call(RECORD, {
        input: {
          satkerCode: dipa.satkerCode,
          year: YEAR,
          outputCode: line.outputCode,
          componentCode: line.componentCode,
          accountCode: line.accountCode,
          date,
          // Sometimes more than the line can spend: the refusal must leave the rollup as it was.
          amount: 1_000 + Math.floor(next() * (next() < 0.1 ? 2_000_000_000 : 60_000_000)),
          documentNumber: `SP2D-PROP-${i}`,
        },
      });
      if (!r.errors)
        spent.push({ id: (r.data as { recordRealization: { id: string } }).recordRealization.id, reversed: false });
    } else if (roll < 0.7 && spent.some((t) => !t.reversed)) {
      const t = pickOf(spent.filter((x) => !x.reversed));
      kind = 'reverse';
      r = await s.call(REVERSE, {
        input: { transactionId: t.id, date, documentNumber: `KOREKSI-${i}`, reason: 'salah akun (uji)' },
      });
      if (!r.errors) t.reversed = true;
    } else if (roll < 0.85) {
      const change = Math.floor((next() - 0.4) * 80_000_000);
      const newLine =
        next() < 0.15
          ? [
              {
                outputCode: '6391.SCM.002',
                componentCode: `0${60 + i}`.slice(-3),
                accountCode: '521211',
                goalCode: pickOf(['SK1', 'SK4', null]),
                ceiling: 50_000_000,
              },
            ]
          : null;
      kind = newLine ? 'new line' : 'revise';
      r = await s.call(REVISE, {
        input: {
          satkerCode: dipa.satkerCode,
          year: YEAR,
          authority: 'DJPB',
          date,
          description: `revisi uji ${i}`,
          changes: [{ lineId: line.id, ceilingChange: change, blockedChange: 0 }],
          newLines: newLine,
        },
      });
      if (!r.errors && newLine) dipa.lines = await linesOf(dipa.unit, dipa.satkerCode);
    } else {
      const [from, to] = next() < 0.5 ? [dipas[0], dipas[1]] : [dipas[2], dipas[0]];
      const amount = 1_000_000 + Math.floor(next() * 30_000_000);
      kind = 'transfer';
      r = await s.call(TRANSFER, {
        input: {
          year: YEAR,
          date,
          description: `pergeseran uji ${i}`,
          from: {
            satkerCode: from.satkerCode,
            authority: 'DJA',
            changes: [{ lineId: pickOf(from.lines).id, ceilingChange: -amount }],
          },
          to: {
            satkerCode: to.satkerCode,
            authority: 'DJA',
            changes: [{ lineId: pickOf(to.lines).id, ceilingChange: amount }],
          },
        },
      });
    }
    if (r.errors) {
      expect(r.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
      outcomes.refused++;
    } else {
      outcomes.ok++;
      succeeded.add(kind);
    }
    if (i % 20 === 19) await expectRollupExact();
  }
  expect(outcomes.ok).toBeGreaterThan(N / 2);
  expect(outcomes.refused).toBeGreaterThan(0);
  expect([...succeeded].sort()).toEqual(['new line', 'reverse', 'revise', 'spend', 'transfer']);
  await expectRollupExact();
});

test('the rebuild and the migration backfill give the maintained rollup', async () => {
  const ds = s.running.dataSource;
  const before = await storedBudgetStatsRollup(ds.manager);
  await ds.transaction((m) => rebuildBudgetStatsRollup(m));
  expect(await storedBudgetStatsRollup(ds.manager)).toEqual(before);
  const runner = ds.createQueryRunner();
  try {
    await runner.query('DROP TABLE `budget_stats_rollup`');
    await new BudgetStatsRollup1796209110344().up(runner);
    // The per-provenance counters come with the later migration, which recomputes them.
    await new StatsProvenance1796500000000().up(runner);
  } finally {
    await runner.release();
  }
  expect(await storedBudgetStatsRollup(ds.manager)).toEqual(before);
});

test('concurrent writers on the same and different DIPAs keep the rollup exact', async () => {
  const a = await openDipa('BBPPKS-YOGYAKARTA', '777301');
  const b = await openDipa('BBPPKS-YOGYAKARTA', '777302');
  const spend = (d: Dipa, line: Line, i: number) =>
    s.call(RECORD, {
      input: {
        satkerCode: d.satkerCode,
        year: YEAR,
        outputCode: line.outputCode,
        componentCode: line.componentCode,
        accountCode: line.accountCode,
        date: `${YEAR}-0${1 + (i % 9)}-15`,
        amount: 1_000_000 + i,
        documentNumber: `SP2D-CONC-${d.satkerCode}-${i}`,
      },
    });
  const revise = (d: Dipa, i: number) =>
    s.call(REVISE, {
      input: {
        satkerCode: d.satkerCode,
        year: YEAR,
        authority: 'DJPB',
        date: `${YEAR}-01-10`,
        description: `revisi bersamaan ${i}`,
        changes: [{ lineId: d.lines[1].id, ceilingChange: 1_000_000, blockedChange: 0 }],
      },
    });
  // Transfers both ways between the two DIPAs lock both, in satker-code order, beside the spends.
  const transfer = (from: Dipa, to: Dipa, i: number) =>
    s.call(TRANSFER, {
      input: {
        year: YEAR,
        date: `${YEAR}-01-10`,
        description: `pergeseran bersamaan ${i}`,
        from: {
          satkerCode: from.satkerCode,
          authority: 'DJA',
          changes: [{ lineId: from.lines[3].id, ceilingChange: -1_000_000 }],
        },
        to: {
          satkerCode: to.satkerCode,
          authority: 'DJA',
          changes: [{ lineId: to.lines[3].id, ceilingChange: 1_000_000 }],
        },
      },
    });
  const results = await Promise.all([
    ...Array.from({ length: 40 }, (_v, i) => {
      const d = i % 2 ? a : b;
      return i % 5 === 0 ? revise(d, i) : spend(d, d.lines[i % 3 === 0 ? 0 : 1], i);
    }),
    ...Array.from({ length: 6 }, (_v, i) => (i % 2 ? transfer(a, b, i) : transfer(b, a, i))),
  ]);
  expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
  await expectRollupExact();
  const totals = await s.call<{ budgetStats: { realized: number }[] }>(
    `{ budgetStats(filter: { units: ["BBPPKS-YOGYAKARTA"] }) { realized } }`,
    {},
    callers.analyst(),
  );
  const expected = Array.from({ length: 40 }, (_v, i) => (i % 5 === 0 ? 0 : 1_000_000 + i)).reduce((x, y) => x + y, 0);
  expect(totals.data!.budgetStats).toEqual([{ realized: expected }]);
});

test('rank: units with equal absorption share a rank and the next rank skips (1, 1, 3)', async () => {
  // Two units with identical DIPAs (ceiling Rp 19 bn) and spending (Rp 3 bn), and a third that spends Rp 1 bn.
  const year = `fromYear: ${YEAR}, toYear: ${YEAR}`;
  const units = ['BBPPKS-BANJARMASIN', 'BBPPKS-JAYAPURA', 'BBPPKS-LEMBANG'];
  const dipas = [
    await openDipa(units[0], '777401', 10),
    await openDipa(units[1], '777402', 10),
    await openDipa(units[2], '777403', 10),
  ];
  for (const [i, d] of dipas.entries()) {
    const r = await s.call(RECORD, {
      input: {
        satkerCode: d.satkerCode,
        year: YEAR,
        accountCode: '51',
        date: `${YEAR}-03-25`,
        amount: i === 2 ? 1_000_000_000 : 3_000_000_000,
        documentNumber: `SP2D-RANK-${i}`,
      },
    });
    expect(r.errors).toBeUndefined();
  }
  const r = await s.call<{ budgetStats: { rank: number; unit: { code: string }; absorptionRate: number }[] }>(
    `{ budgetStats(filter: { ${year}, units: ${JSON.stringify(units)} }, groupBy: [UNIT],
       orderBy: [{ field: ABSORPTION_RATE, direction: DESC }]) { rank unit { code } absorptionRate } }`,
    {},
    callers.analyst(),
  );
  expect(r.errors).toBeUndefined();
  expect(r.data!.budgetStats).toEqual([
    { rank: 1, unit: { code: units[0] }, absorptionRate: 15.79 },
    { rank: 1, unit: { code: units[1] }, absorptionRate: 15.79 },
    { rank: 3, unit: { code: units[2] }, absorptionRate: 5.26 },
  ]);
  const cut = await s.call<{ budgetStats: { rank: number }[] }>(
    `{ budgetStats(filter: { ${year}, units: ${JSON.stringify(units)} }, groupBy: [UNIT],
       orderBy: [{ field: ABSORPTION_RATE, direction: ASC }], first: 2) { rank } }`,
    {},
    callers.analyst(),
  );
  expect(cut.data!.budgetStats).toEqual([{ rank: 1 }, { rank: 2 }]);
});
