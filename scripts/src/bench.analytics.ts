import { parseOptions } from './cli.usage';
import {
  ConfigReader,
  createDataSource,
  NatsEventBus,
  readPlatformConfig,
  resolveJwtSecret,
  signJwt,
} from '@kesos/infra';
import { dropTestDatabase, TEST_MYSQL_URL, TEST_NATS_URL, TEST_RUN, TEST_SECRETS } from '@kesos/infra/testing';
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { generateMinistry } from './ministry.generator';
import { MINISTRY_ENROLLMENTS, progressLine } from './ministry.plan';
import type { GraphCall } from './synthetic.generator';
import { REPORT_UNIT } from './synthetic.generator';

const USAGE = `Usage: npm run bench:analytics -- [options]   (or npm run bench -- analytics [options])

Every operation of gateway/test/contract/analytics.graphql through the gateway (analyst token)
against the same figures computed by a raw GROUP BY on the base tables, p50/p95 side by side,
interleaved rounds. On demand, never in CI.

Without --url it starts the distributed mode itself (npm run migrate and start-services as child
processes) on fresh MariaDB databases kesos_test_benchan_<run>_* at TEST_MYSQL_URL (default
mysql://root@127.0.0.1:3306) and NATS at TEST_NATS_URL, generates --enrollments at ministry scale,
measures, and drops the databases.

Options:
  --enrollments <n>   enrollments to generate (default 1000000; 100000 for a quick run)
  --years 2020-2024   years generated and asked for (default 2020-2024); --year the one-year operations' year (default 2022)
  --rounds <n>        interleaved rounds (default 5)
  --requests <n>      requests per operation, side and round (default 10)
  --url <url>         measure an already running, generated gateway instead (no start, no generation);
  --prefix <p>        ... with its DATABASE_PREFIX (the raw side reads <p>_training, <p>_budget, <p>_performance)
                      at MYSQL_URL, and an analyst token signed with JWT_SECRET
  --keep              leave the started processes' databases in place
  --help              this text
`;

const CONTRACT = readFileSync(join(__dirname, '..', '..', 'gateway', 'test', 'contract', 'analytics.graphql'), 'utf8');
/** The contract's operations, by name, in file order. */
export const OPERATIONS = [...CONTRACT.matchAll(/^query (\w+)/gm)].map((m) => m[1]);

/** One operation's own text (to its closing brace), so that one whose fields are missing fails alone. */
export function operationSource(document: string, name: string): string {
  const start = document.search(new RegExp(`^query ${name}\\b`, 'm'));
  if (start < 0) throw new Error(`no operation ${name}`);
  let depth = 0;
  for (let i = document.indexOf('{', start); i < document.length; i++) {
    if (document[i] === '{') depth++;
    else if (document[i] === '}' && --depth === 0) return document.slice(start, i + 1);
  }
  throw new Error(`operation ${name} does not close`);
}

type Service = 'training' | 'budget' | 'performance';

/**
 * The raw side: the same figures as each contract operation, by GROUP BY on the base tables
 * (MariaDB), with the same filters. Rates are rounded half-up to 2 decimals as the graph does.
 */
function rawQueries(
  from: number,
  to: number,
  year: number,
): Record<string, { db: Service; sql: string; params: unknown[] }[]> {
  return {
    TrainingByUnitYear: [
      {
        db: 'training',
        sql: `SELECT e.unitCode, u.name, c.year, COUNT(*) AS enrolled,
                SUM(e.status = 'GRADUATED') AS graduated, SUM(e.status = 'FAILED') AS failed,
                SUM(e.status = 'DROPPED_OUT') AS droppedOut, COUNT(DISTINCT e.participantId) AS participants,
                ROUND(100 * SUM(e.status = 'GRADUATED') / COUNT(*), 2) AS graduationRate
              FROM enrollment e JOIN training_class c ON c.id = e.classId JOIN unit u ON u.code = e.unitCode
              WHERE c.year BETWEEN ? AND ? GROUP BY e.unitCode, u.name, c.year`,
        params: [from, to],
      },
    ],
    GraduatesByProgrammeGenderEducation: [
      {
        db: 'training',
        sql: `SELECT e.unitCode, p.code AS programmeCode, pa.gender, pa.education, COUNT(*) AS graduated
              FROM enrollment e JOIN training_class c ON c.id = e.classId JOIN programme p ON p.id = c.programmeId
                JOIN participant pa ON pa.id = e.participantId
              WHERE c.year = ? AND e.status = 'GRADUATED' GROUP BY e.unitCode, p.code, pa.gender, pa.education`,
        params: [year],
      },
    ],
    BudgetAbsorptionRanking: [
      {
        db: 'budget',
        sql: `SELECT unitCode, ceiling, realized, absorptionRate, RANK() OVER (ORDER BY absorptionRate DESC) AS \`rank\`
              FROM (SELECT s.unitCode, SUM(lc.ceiling) AS ceiling, SUM(COALESCE(lr.realized, 0)) AS realized,
                      ROUND(100 * SUM(COALESCE(lr.realized, 0)) / SUM(lc.ceiling), 2) AS absorptionRate
                    FROM dipa d JOIN satker s ON s.code = d.satkerCode JOIN budget_line l ON l.dipaId = d.id
                      JOIN (SELECT lineId, SUM(ceilingChange) AS ceiling FROM budget_line_change GROUP BY lineId) lc ON lc.lineId = l.id
                      LEFT JOIN (SELECT lineId, SUM(amount) AS realized FROM realization GROUP BY lineId) lr ON lr.lineId = l.id
                    WHERE d.year = ? GROUP BY s.unitCode) t
              ORDER BY absorptionRate DESC`,
        params: [year],
      },
    ],
    MonthlyRealization: [
      {
        db: 'budget',
        sql: `SELECT MONTH(r.date) AS month, COALESCE(a.expenseType, LEFT(l.accountCode, 2)) AS expenseType, SUM(r.amount) AS realized
              FROM realization r JOIN budget_line l ON l.id = r.lineId JOIN dipa d ON d.id = l.dipaId
                LEFT JOIN account a ON a.code = l.accountCode
              WHERE d.year = ? GROUP BY MONTH(r.date), COALESCE(a.expenseType, LEFT(l.accountCode, 2))`,
        params: [year],
      },
    ],
    IndicatorsBelowTarget: [
      {
        // Entered realisations; the indicators computed from events come from their counters in the graph.
        db: 'performance',
        sql: `SELECT t.unitCode, pi.goalCode, t.indicatorCode, t.target, re.value AS realization,
                ROUND(100 * re.value / t.target, 2) AS achievement,
                RANK() OVER (ORDER BY ROUND(100 * re.value / t.target, 2) ASC) AS \`rank\`
              FROM indicator_target t JOIN plan_indicator pi ON pi.planId = t.planId AND pi.code = t.indicatorCode
                JOIN realization_entry re ON re.unitCode = t.unitCode AND re.year = t.year AND re.indicatorCode = t.indicatorCode
              WHERE t.year = ? AND re.value < t.target ORDER BY achievement ASC`,
        params: [year],
      },
    ],
    SatisfactionAcrossUnits: [
      {
        db: 'performance',
        sql: `SELECT unitCode, COUNT(*) AS respondents,
                ROUND(25 * (AVG(u1) + AVG(u2) + AVG(u3) + AVG(u4) + AVG(u5) + AVG(u6) + AVG(u7) + AVG(u8) + AVG(u9)) / 9, 2) AS \`index\`
              FROM survey_response WHERE year = ? GROUP BY unitCode`,
        params: [year],
      },
      {
        db: 'performance',
        sql: `SELECT COUNT(*) AS respondents,
                ROUND(25 * (AVG(u1) + AVG(u2) + AVG(u3) + AVG(u4) + AVG(u5) + AVG(u6) + AVG(u7) + AVG(u8) + AVG(u9)) / 9, 2) AS \`index\`
              FROM survey_response WHERE year = ?`,
        params: [year],
      },
    ],
  };
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

async function post(url: string, token: string, body: Record<string, unknown>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return (await res.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { field?: string } }[];
  };
}

function startChild(script: string, env: Record<string, string>, args: string[] = []): ChildProcess {
  return fork(script, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`the services stopped (exit ${child.exitCode})`);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{__typename}"}',
      });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the gateway at ${url} did not start`);
}

/** Runs the bench with these command-line arguments (`analytics` among them is ignored). */
export async function benchAnalytics(argv: string[]): Promise<void> {
  const args = argv.filter((a) => a !== 'analytics');
  const { values } = parseOptions(
    {
      args,
      options: {
        enrollments: { type: 'string', default: String(MINISTRY_ENROLLMENTS) },
        years: { type: 'string', default: '2020-2024' },
        year: { type: 'string', default: '2022' },
        rounds: { type: 'string', default: '5' },
        requests: { type: 'string', default: '10' },
        url: { type: 'string' },
        prefix: { type: 'string' },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    },
    USAGE,
  );

  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const [from, to] = values.years.split('-').map(Number) as [number, number | undefined];
  const years = Array.from({ length: (to ?? from) - from + 1 }, (_, i) => from + i);
  const year = Number(values.year);
  const rounds = Number(values.rounds);
  const requests = Number(values.requests);
  const root = join(__dirname, '..', '..');
  let url = values.url;
  let prefix = values.prefix;
  let mysqlUrl = process.env.MYSQL_URL ?? TEST_MYSQL_URL;
  let jwtSecret: string;
  let services: ChildProcess | null = null;
  let namespace: string | null = null;
  const attached = url !== undefined;
  if (attached) {
    if (!prefix) throw new Error('--url needs --prefix, the DATABASE_PREFIX of the running services');
    jwtSecret = resolveJwtSecret(readPlatformConfig(new ConfigReader()));
  } else {
    prefix = `kesos_test_benchan_${TEST_RUN}`;
    namespace = `benchan_${TEST_RUN}`;
    mysqlUrl = TEST_MYSQL_URL;
    jwtSecret = TEST_SECRETS.jwtSecret;
    const port = 4700 + Math.floor(Math.random() * 200);
    const env = {
      MYSQL_URL: TEST_MYSQL_URL,
      NATS_URL: TEST_NATS_URL,
      DATABASE_PREFIX: prefix,
      NATS_NAMESPACE: namespace,
      JWT_SECRET: TEST_SECRETS.jwtSecret,
      INTERNAL_SECRET: TEST_SECRETS.internalSecret,
      PERSONAL_DATA_KEY: TEST_SECRETS.personalDataKey,
      LOG_LEVEL: 'warn',
      GATEWAY_PORT: String(port),
      TRAINING_PORT: String(port + 1),
      BUDGET_PORT: String(port + 2),
      PERFORMANCE_PORT: String(port + 3),
    };
    const migrate = startChild(join(root, 'scripts', 'dist', 'migrate.js'), env);
    const code = await new Promise<number | null>((resolve) => migrate.once('exit', resolve));
    if (code !== 0) throw new Error(`npm run migrate ended with ${code}`);
    services = startChild(join(root, 'scripts', 'dist', 'start-services.js'), env);
    url = `http://127.0.0.1:${port}/graphql`;
    await waitFor(url, services);
  }
  const gateway = url!;
  const sources = new Map<Service, DataSource>();
  try {
    for (const s of ['training', 'budget', 'performance'] as const) {
      const { dataSource } = createDataSource({
        target: { kind: 'mysql', url: mysqlUrl, database: `${prefix}_${s}` },
        entities: [],
      });
      await dataSource.initialize();
      sources.set(s, dataSource);
    }
    if (!attached) {
      const admin = signJwt({ sub: 'bench-generator', role: 'admin' }, jwtSecret, 6 * 3600);
      const call: GraphCall = async (query, variables = {}) => {
        const body = await post(gateway, admin, { query, variables });
        if (body.errors?.length)
          throw new Error(
            body.errors
              .map((e) => (e.extensions?.field ? `${e.extensions.field}: ${e.message}` : e.message))
              .join('; '),
          );
        return body.data;
      };
      const units = (((await call('{ units { code } }')) as { units: { code: string }[] }).units ?? [])
        .map((u) => u.code)
        .filter((c) => c !== REPORT_UNIT);
      const started = Date.now();
      let shownAt = 0;
      const summary = await generateMinistry(call, {
        units,
        years,
        enrollments: Number(values.enrollments),
        settle: 0.005,
        batchRows: 40_000,
        concurrency: 4,
        surveyResponses: 1500,
        realizationsPerMonth: 1,
        progress: (done, total) => {
          if (done < total && Date.now() - shownAt < 5000) return;
          shownAt = Date.now();
          process.stderr.write(`${progressLine('generating', done, total, Date.now() - started)}\n`);
        },
      });
      console.log(
        `generated ${summary.enrollments.toLocaleString('en-US')} enrollments in ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
    }
    const counts = await sources
      .get('training')!
      .query<{ n: string | number }[]>('SELECT COUNT(*) AS n FROM enrollment');
    const analyst = signJwt({ sub: 'bench-analyst', role: 'analyst' }, jwtSecret, 6 * 3600);
    const variables = { from, to: to ?? from, year };
    const raw = rawQueries(from, to ?? from, year);
    console.log(
      `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
        `${Number(counts[0]?.n ?? 0).toLocaleString('en-US')} enrollments in ${prefix}_training; ${rounds} interleaved rounds of ${requests} requests per operation and side; ${new Date().toISOString()}`,
    );
    const operationText = Object.fromEntries(OPERATIONS.map((o) => [o, operationSource(CONTRACT, o)]));
    const opVariables = (source: string) =>
      Object.fromEntries(Object.entries(variables).filter(([k]) => source.includes(`$${k}:`)));
    const graphTimes = new Map<string, number[]>(OPERATIONS.map((o) => [o, []]));
    const rawTimes = new Map<string, number[]>(OPERATIONS.map((o) => [o, []]));
    const failures = new Map<string, string>();
    const rows = new Map<string, { graph: number; raw: number }>();
    for (let round = 1; round <= rounds; round++) {
      console.log(
        `round ${round} (load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')})`,
      );
      for (const op of OPERATIONS) {
        if (!failures.has(op)) {
          for (let i = 0; i < requests; i++) {
            const t0 = performance.now();
            let body: Awaited<ReturnType<typeof post>>;
            try {
              body = await post(gateway, analyst, {
                query: operationText[op],
                operationName: op,
                variables: opVariables(operationText[op]),
              });
            } catch (err) {
              failures.set(op, (err as Error).message);
              break;
            }
            const ms = performance.now() - t0;
            if (body.errors?.length) {
              failures.set(op, body.errors[0].message);
              break;
            }
            graphTimes.get(op)!.push(ms);
            const lists = Object.values(body.data ?? {});
            rows.set(op, {
              ...(rows.get(op) ?? { raw: 0 }),
              graph: lists.reduce<number>((n, l) => n + (Array.isArray(l) ? l.length : 0), 0),
            });
          }
        }
        const statements = raw[op] ?? [];
        for (let i = 0; i < requests && statements.length; i++) {
          const t0 = performance.now();
          let n = 0;
          for (const st of statements) n += (await sources.get(st.db)!.query<unknown[]>(st.sql, st.params)).length;
          rawTimes.get(op)!.push(performance.now() - t0);
          rows.set(op, { ...(rows.get(op) ?? { graph: 0 }), raw: n });
        }
      }
    }
    const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(ms < 10 ? 1 : 0) : '-');
    console.log('');
    console.log(
      '| operation | graph p50 ms | graph p95 ms | raw p50 ms | raw p95 ms | raw/graph p50 | raw/graph p95 | rows graph / raw |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const op of OPERATIONS) {
      const g = graphTimes.get(op)!.sort((a, b) => a - b);
      const r = rawTimes.get(op)!.sort((a, b) => a - b);
      const n = rows.get(op) ?? { graph: 0, raw: 0 };
      const failure = failures.get(op);
      const graphPart = failure
        ? `error: ${failure.replace(/\|/g, '/').slice(0, 120)} | - `
        : `${fmt(percentile(g, 50))} | ${fmt(percentile(g, 95))}`;
      const ratio = (p: number) =>
        failure ? '-' : `${(percentile(r, p) / percentile(g, p)).toFixed(p === 50 ? 1 : 1)}x`;
      console.log(
        `| ${op} | ${graphPart} | ${fmt(percentile(r, 50))} | ${fmt(percentile(r, 95))} | ${ratio(50)} | ${ratio(95)} | ${failure ? '-' : n.graph} / ${n.raw} |`,
      );
    }
  } finally {
    for (const ds of sources.values()) await ds.destroy();
    if (services && services.exitCode === null) {
      const exited = new Promise((resolve) => services.once('exit', resolve));
      services.kill('SIGTERM');
      const timer = setTimeout(() => services.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    if (!attached && !values.keep) {
      for (const s of ['training', 'budget', 'performance']) await dropTestDatabase(`${prefix}_${s}`, mysqlUrl);
      if (namespace) {
        const bus = await NatsEventBus.connect(TEST_NATS_URL, undefined, { namespace });
        await bus.deleteNamespaceStreams();
        await bus.close();
      }
    }
  }
}

if (require.main === module)
  benchAnalytics(process.argv.slice(2)).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
