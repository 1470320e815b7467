import { answerHelp, parseOptions } from './cli.usage';
import type { RunningService } from '@kesos/infra';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callers, callSubgraph, freshMysqlDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { performanceService } from '@kesos/performance';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';

const USAGE = `Usage: node scripts/dist/bench.performance-stats.js [--responses 200000] [--requests 30]

The analytics contract's performance statistics on the performance subgraph (MariaDB at
TEST_MYSQL_URL) against raw GROUP BY over survey_response. On demand, not in CI; run npm run build
first.

Options:
  --responses <n>   survey responses loaded (default 200000)
  --requests <n>    requests per operation (default 30)
  --help            this text
`;
answerHelp(USAGE);

/**
 * `node scripts/dist/bench.performance-stats.js [--responses 200000 --requests 30]` (after `npm
 * run build`; on demand, MariaDB at TEST_MYSQL_URL): the performance subgraph on a scratch
 * database, seeded, the template plan adopted by every unit, then `responses` survey responses
 * spread over the eight units and 2021-2024 through importSurveyResponses (the service's bulk
 * write path). Then, side by side and interleaved: the analytics contract's performance
 * statistics on the subgraph directly (p50/p95, statements per request), and the same survey
 * figures computed by a raw GROUP BY over survey_response.
 */
const { values } = parseOptions(
  {
    options: {
      responses: { type: 'string', default: '200000' },
      requests: { type: 'string', default: '30' },
    },
  },
  USAGE,
);
const RESPONSES = Number(values.responses);
const REQUESTS = Number(values.requests);
const UNITS = [
  'POLTEKESOS-BANDUNG',
  'B2P3KS-YOGYAKARTA',
  'BBPPKS-PADANG',
  'BBPPKS-BANDUNG',
  'BBPPKS-YOGYAKARTA',
  'BBPPKS-BANJARMASIN',
  'BBPPKS-MAKASSAR',
  'BBPPKS-JAYAPURA',
];
const YEARS = [2021, 2022, 2023, 2024];
const IMPORT = 5000;

const OPERATIONS: Record<string, string> = {
  'indicatorStats below target 2022, ASC': `{ indicatorStats(filter: { fromYear: 2022, toYear: 2022, belowTarget: true }, orderBy: [{ field: ACHIEVEMENT, direction: ASC }]) { rank unit { code } goalCode indicatorCode target realization achievement } }`,
  'indicatorStats all units and years': `{ indicatorStats { unit { code } year indicatorCode achievement } }`,
  'surveyStats 2022 by UNIT': `{ surveyStats(filter: { fromYear: 2022, toYear: 2022 }, groupBy: [UNIT]) { unit { code } respondents index grade } }`,
  'surveyStats 2022 ministry': `{ surveyStats(filter: { fromYear: 2022, toYear: 2022 }, groupBy: []) { respondents index grade } }`,
  'surveyStats by UNIT, YEAR, GENDER, EDUCATION': `{ surveyStats(groupBy: [UNIT, YEAR, GENDER, EDUCATION]) { unit { code } year gender education respondents index } }`,
};
const SUM = 'SUM(u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9)';
const RAW: Record<string, string> = {
  'surveyStats 2022 by UNIT': `SELECT unitCode, COUNT(*), ${SUM} FROM survey_response WHERE year = 2022 GROUP BY unitCode`,
  'surveyStats 2022 ministry': `SELECT COUNT(*), ${SUM} FROM survey_response WHERE year = 2022`,
  'surveyStats by UNIT, YEAR, GENDER, EDUCATION': `SELECT unitCode, year, gender, education, COUNT(*), ${SUM} FROM survey_response GROUP BY unitCode, year, gender, education`,
};

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

let seed = 1;
const random = () => {
  seed = (seed * 48271) % 2147483647;
  return seed / 2147483647;
};

async function main(): Promise<void> {
  const database = await freshMysqlDatabase(performanceService, 'bench_stats');
  const bus = new MemoryEventBus();
  let running: RunningService | undefined;
  try {
    running = await startService(performanceService, {
      database,
      bus,
      secrets: TEST_SECRETS,
      logger: createLogger('bench', 'silent'),
      port: 0,
      host: '127.0.0.1',
      seed: true,
      relay: { intervalMs: 3_600_000 },
    });
    const url = running.url;
    const call = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await callSubgraph(url, query, variables, {
        caller: callers.admin(),
        secret: TEST_SECRETS.internalSecret,
      });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res;
    };
    for (const code of UNITS)
      await bus.publish({
        id: randomUUID(),
        type: 'training.unit.registered',
        unit: code,
        occurredAt: new Date().toISOString(),
        version: 1,
        data: { code, name: code },
      });
    await bus.drain();
    for (const unitCode of UNITS.filter((u) => u !== 'BBPPKS-PADANG'))
      await call(`mutation($i: AdoptStrategicPlanInput!) { adoptStrategicPlan(input: $i) { fromYear } }`, {
        i: { unitCode, templateUnitCode: 'BBPPKS-PADANG', year: 2022 },
      });
    const started = Date.now();
    const perCell = Math.ceil(RESPONSES / (UNITS.length * YEARS.length));
    let written = 0;
    for (const unitCode of UNITS)
      for (const year of YEARS)
        for (let done = 0; done < perCell; done += IMPORT) {
          const n = Math.min(IMPORT, perCell - done);
          const responses = Array.from({ length: n }, () => ({
            gender: random() < 0.5 ? 'FEMALE' : 'MALE',
            education: ['SD', 'SMP', 'SMA', 'DIII', 'S1', 'S2'][Math.floor(random() * 6)],
            answers: Array.from({ length: 9 }, () => 2 + Math.floor(random() * 3)),
          }));
          await call(
            `mutation($u: ID!, $y: Int!, $r: [SurveyResponseInput!]!) { importSurveyResponses(unitCode: $u, year: $y, responses: $r) { imported } }`,
            { u: unitCode, y: year, r: responses },
          );
          written += n;
          process.stderr.write(`\r${written.toLocaleString('en')} responses written`);
        }
    process.stderr.write(`, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    const total = Number(
      (await database.dataSource.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM survey_response'))[0].n,
    );

    const timings = new Map<string, { stats: number[]; raw: number[]; statements: number }>();
    for (const name of Object.keys(OPERATIONS)) timings.set(name, { stats: [], raw: [], statements: 0 });
    for (let round = 0; round < REQUESTS + 3; round++) {
      for (const [name, query] of Object.entries(OPERATIONS)) {
        const t = timings.get(name);
        if (!t) continue;
        const t0 = performance.now();
        const { queries } = await running.queries.measure(() => call(query));
        const t1 = performance.now();
        const raw = RAW[name];
        if (raw) await database.dataSource.query(raw);
        const t2 = performance.now();
        // The first three rounds warm up.
        if (round < 3) continue;
        t.stats.push(t1 - t0);
        if (raw) t.raw.push(t2 - t1);
        t.statements = queries;
      }
    }
    const lines = [
      `performance statistics, subgraph directly, ${total.toLocaleString('en')} survey responses (8 units x 2021-2024 + seed), ${REQUESTS} requests each after 3 warm-up rounds`,
      `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}, ${new Date().toISOString()}`,
      '| operation | statements | stats p50 | stats p95 | raw GROUP BY p50 | raw GROUP BY p95 | raw p50 / stats p50 |',
      '|---|---|---|---|---|---|---|',
      ...[...timings.entries()].map(([name, t]) => {
        const [p50, p95] = [percentile(t.stats, 50), percentile(t.stats, 95)];
        const raw = t.raw.length ? [percentile(t.raw, 50), percentile(t.raw, 95)] : null;
        return `| ${name} | ${t.statements} | ${ms(p50)} | ${ms(p95)} | ${raw ? ms(raw[0]) : '-'} | ${raw ? ms(raw[1]) : '-'} | ${raw ? `${(raw[0] / p50).toFixed(1)}x` : '-'} |`;
      }),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    await running?.stop();
    await bus.close();
    await database.drop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
