import { answerHelp } from './cli.usage';
import { budgetService, rebuildBudgetStatsRollup } from '@kesos/budget';
import { createLogger, MemoryEventBus, rawNumber, startService } from '@kesos/infra';
import { callers, callSubgraph, freshMysqlDatabase, TEST_SECRETS } from '@kesos/infra/testing';

const USAGE = `Usage: node scripts/dist/bench.budget-stats.js [--rows 1000000] [--requests 50]

budgetStats at ministry scale on MariaDB (TEST_MYSQL_URL) against the same figures by raw GROUP BY
over the base tables. On demand, not in CI; run npm run build first.

Options:
  --rows <n>       spending transactions loaded (default 1000000)
  --requests <n>   requests per operation (default 50)
  --help           this text
`;
answerHelp(USAGE);

/**
 * `node scripts/dist/bench.budget-stats.js [--rows 1000000] [--requests 50]` (on demand, not in
 * CI): budgetStats at ministry scale on MariaDB. Opens a DIPA for 8 units x 5 years through
 * openDipa, bulk-loads `rows` spending transactions straight into the table (then rebuilds the
 * rollup, as after any bulk load), and times the analytics contract's two budget operations
 * through the budget subgraph against the same figures by raw GROUP BY over the base tables.
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 1_000_000);
const REQUESTS = arg('requests', 50);
const UNITS = ['BBPPKS-PADANG', 'BBPPKS-BANDUNG', 'BBPPKS-YOGYAKARTA', 'BBPPKS-MAKASSAR'].concat([
  'BBPPKS-BANJARMASIN',
  'BBPPKS-JAYAPURA',
  'BBPPKS-LEMBANG',
  'BBPPKS-MEDAN',
]);
const YEARS = [2019, 2020, 2021, 2023, 2024];
const YEAR = 2023;

const output = (code: string) => ({
  kroCode: code.slice(0, 8),
  kroName: 'Pelatihan Bidang Sosial',
  code,
  name: `Output ${code}`,
  volumeUnit: 'orang',
  volumeTarget: 100,
});
const GOALS = ['SK1', 'SK2', 'SK3', 'SK4', null];
const ACCOUNTS = ['521211', '524111', '522111', '532111', '511111'];
const OUTPUTS = ['6391.SCM.001', '6391.SCM.002', '6392.EBA.001'];

function dipa(unit: string, satkerCode: string, year: number, isNew: boolean) {
  return {
    unit,
    satkerCode,
    year,
    date: `${year}-01-02`,
    description: `DIPA ${satkerCode}/${year} (bench)`,
    ...(isNew ? { newSatker: { name: `Satker ${satkerCode}`, organisation: 'bench' } } : {}),
    programmes: [
      {
        code: '027.DN',
        name: 'Program Perlindungan Sosial',
        activities: [{ code: '6391', name: 'Diklat', outputs: [output(OUTPUTS[0]), output(OUTPUTS[1])] }],
      },
      {
        code: '027.WA',
        name: 'Program Dukungan Manajemen',
        activities: [{ code: '6392', name: 'Dukungan', outputs: [output(OUTPUTS[2])] }],
      },
    ],
    lines: OUTPUTS.flatMap((o, oi) =>
      ACCOUNTS.map((accountCode, ai) => ({
        outputCode: o,
        componentCode: '051',
        accountCode,
        goalCode: GOALS[(oi + ai) % GOALS.length],
        ceiling: 5_000_000_000 + 100_000_000 * (oi * 5 + ai + UNITS.indexOf(unit)),
      })),
    ),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timed(times: number, run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = process.hrtime.bigint();
    await run();
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

async function main(): Promise<void> {
  const database = await freshMysqlDatabase(budgetService, 'benchstats');
  const running = await startService(budgetService, {
    database,
    bus: new MemoryEventBus(),
    secrets: TEST_SECRETS,
    logger: createLogger('bench', 'silent'),
    port: 0,
    host: '127.0.0.1',
    seed: false,
  });
  const call = async (source: string, variables: Record<string, unknown> = {}) => {
    const r = await callSubgraph(running.url, source, variables, {
      caller: callers.admin(),
      secret: TEST_SECRETS.internalSecret,
    });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  try {
    const ds = running.dataSource;
    await ds.query(
      "INSERT INTO account (code, name, expenseType) VALUES ('521211','Belanja Bahan','GOODS'),('524111','Belanja Perjalanan','GOODS'),('522111','Belanja Langganan Listrik','GOODS'),('532111','Belanja Modal Peralatan','CAPITAL'),('511111','Belanja Gaji Pokok','PERSONNEL')",
    );
    for (const [u, unit] of UNITS.entries())
      for (const [y, year] of YEARS.entries())
        await call(`mutation($i: OpenDipaInput!) { openDipa(input: $i) { number } }`, {
          i: dipa(unit, String(880000 + u), year, y === 0),
        });
    const lines = (
      await ds.query<Record<string, unknown>[]>(
        'SELECT l.id AS id, d.year AS year FROM budget_line l JOIN dipa d ON d.id = l.dipaId ORDER BY l.id',
      )
    ).map((l) => ({ id: rawNumber(l.id), year: rawNumber(l.year) }));
    const started = Date.now();
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let done = 0; done < ROWS; done += 5000) {
      const values: string[] = [];
      for (let i = done; i < Math.min(ROWS, done + 5000); i++) {
        const line = lines[Math.floor(next() * lines.length)];
        const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
        const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
        values.push(
          `(${line.id}, '${line.year}-${month}-${day}', ${1000 + Math.floor(next() * 1_000_000)}, 'SP2D-BENCH-${i}')`,
        );
      }
      await ds.query(`INSERT INTO realization (lineId, date, amount, documentNumber) VALUES ${values.join(',')}`);
    }
    const loaded = Date.now() - started;
    const rebuildStarted = Date.now();
    const rollupRows = await ds.transaction((m) => rebuildBudgetStatsRollup(m));
    const rebuilt = Date.now() - rebuildStarted;

    const ranking = `query($year: Int!) { budgetStats(filter: { fromYear: $year, toYear: $year }, groupBy: [UNIT],
      orderBy: [{ field: ABSORPTION_RATE, direction: DESC }]) { rank unit { code } ceiling realized absorptionRate } }`;
    const monthly = `query($year: Int!) { budgetStats(filter: { fromYear: $year, toYear: $year }, groupBy: [MONTH, EXPENSE_TYPE]) { month expenseType realized } }`;
    const rawRanking = () =>
      Promise.all([
        ds.query(
          'SELECT s.unitCode, SUM(c.ceilingChange) FROM budget_line_change c JOIN budget_line l ON l.id = c.lineId JOIN dipa d ON d.id = l.dipaId JOIN satker s ON s.code = d.satkerCode WHERE d.year = ? GROUP BY s.unitCode',
          [YEAR],
        ),
        ds.query(
          'SELECT s.unitCode, SUM(r.amount) FROM realization r JOIN budget_line l ON l.id = r.lineId JOIN dipa d ON d.id = l.dipaId JOIN satker s ON s.code = d.satkerCode WHERE d.year = ? GROUP BY s.unitCode',
          [YEAR],
        ),
      ]);
    const rawMonthly = () =>
      ds.query(
        'SELECT MONTH(r.date), a.expenseType, SUM(r.amount) FROM realization r JOIN budget_line l ON l.id = r.lineId JOIN dipa d ON d.id = l.dipaId JOIN account a ON a.code = l.accountCode WHERE d.year = ? GROUP BY MONTH(r.date), a.expenseType',
        [YEAR],
      );
    const rows = [
      [
        'BudgetAbsorptionRanking',
        await timed(REQUESTS, () => call(ranking, { year: YEAR })),
        await timed(10, rawRanking),
      ],
      ['MonthlyRealization', await timed(REQUESTS, () => call(monthly, { year: YEAR })), await timed(10, rawMonthly)],
    ] as const;
    const baseline = await timed(REQUESTS, () => call('{ __typename }'));
    const rollupSql = await timed(REQUESTS, () =>
      ds.query(
        'SELECT unitCode, SUM(ceiling), SUM(realized) FROM budget_stats_rollup WHERE year BETWEEN ? AND ? GROUP BY unitCode',
        [YEAR, YEAR],
      ),
    );
    const out = [
      `budget stats bench: ${ROWS} transactions over ${lines.length} lines (${UNITS.length} units x ${YEARS.length} years), loaded in ${loaded} ms; rollup rebuilt in ${rebuilt} ms (${rollupRows} rows)`,
      '| operation | budgetStats p50 / p95 (ms, subgraph HTTP) | raw GROUP BY p50 / p95 (ms, SQL only) | ratio at p95 |',
      '|---|---|---|---|',
      ...rows.map(
        ([name, fast, raw]) =>
          `| ${name} | ${fast.p50.toFixed(1)} / ${fast.p95.toFixed(1)} | ${raw.p50.toFixed(1)} / ${raw.p95.toFixed(1)} | ${(raw.p95 / fast.p95).toFixed(0)}x |`,
      ),
      `| for scale: a trivial request ({ __typename }) | ${baseline.p50.toFixed(1)} / ${baseline.p95.toFixed(1)} | the ranking's rollup SQL alone: ${rollupSql.p50.toFixed(1)} / ${rollupSql.p95.toFixed(1)} | |`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await running.stop();
    await database.drop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
