import { answerHelp, parseOptions } from './cli.usage';
import type { EmbeddedSystem } from '@kesos/gateway';
import { startEmbedded } from '@kesos/gateway';
import { createLogger, signJwt } from '@kesos/infra';
import { TEST_SECRETS } from '@kesos/infra/testing';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { GraphCall } from './synthetic.generator';
import { generateSynthetic, REPORT_UNIT } from './synthetic.generator';

const USAGE = `Usage: npm run bench:ministry -- [--scales 0,1,10] [--years 2022] [--rounds 3] [--requests 10]

The ministry query (every unit's budget, performance, survey and volume) in the embedded mode, in
process on in-memory SQLite, at generator scales side by side (0 = the seed only). On demand, not
in CI.

Options:
  --scales <list>   generator scales (default 0,1,10)
  --years <list>    years generated and asked (default 2022)
  --rounds <n>      interleaved rounds (default 3)
  --requests <n>    requests per scale and round (default 10)
  --help            this text
`;
answerHelp(USAGE);

/**
 * `npm run bench:ministry [-- --scales 0,1,10 --years 2022 --rounds 3 --requests 10]`: the
 * ministry's view across centres (README, "Synthetic data for the other units") in embedded mode,
 * in process, on in-memory SQLite, at several generator scales side by side in one run: one
 * embedded graph per scale (scale 0 = the seed only; otherwise every unit but the report's is
 * generated for the years at that scale), then interleaved rounds of sequential requests to each.
 * Prints p50/p95 of the whole query and of each subgraph's part of it (the same fields asked
 * alone), and the SQL statements each subgraph ran per request. On demand, not in CI.
 */
const { values } = parseOptions(
  {
    options: {
      scales: { type: 'string', default: '0,1,10' },
      years: { type: 'string', default: '2022' },
      rounds: { type: 'string', default: '3' },
      requests: { type: 'string', default: '10' },
    },
  },
  USAGE,
);
const SCALES = values.scales.split(',').map(Number);
const [FROM, TO] = values.years.split('-').map(Number) as [number, number | undefined];
const YEARS = Array.from({ length: (TO ?? FROM) - FROM + 1 }, (_, i) => FROM + i);
const ROUNDS = Number(values.rounds);
const REQUESTS = Number(values.requests);

const PARTS = {
  budget: `budget(year: 2022) { ceiling realized absorptionRate budgetPerformanceScore }`,
  performance: `performance(year: 2022) { goals { code achievement indicators { code realization achievement } } }
    satisfactionSurvey(year: 2022) { respondents index grade }`,
  training: `trainingVolume(fromYear: 2021, toYear: 2022) { year target realized }`,
};
const QUERIES: Record<string, string> = {
  ministry: `{ units { code name ${PARTS.budget} ${PARTS.performance} ${PARTS.training} } }`,
  'budget part': `{ units { code ${PARTS.budget} } }`,
  'performance part': `{ units { code ${PARTS.performance} } }`,
  'training part': `{ units { code ${PARTS.training} } }`,
};

interface Graph {
  scale: number;
  system: EmbeddedSystem;
  url: string;
}

async function post(url: string, token: string, source: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: source, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

async function settle(system: EmbeddedSystem): Promise<void> {
  for (let round = 0; round < 200; round++) {
    let published = 0;
    for (const s of system.services) published += await s.relay.flush();
    await system.bus.drain();
    if (published === 0) return;
  }
  throw new Error('events did not settle');
}

async function startGraph(scale: number): Promise<Graph> {
  const system = await startEmbedded({
    dataDir: mkdtempSync(join(tmpdir(), 'kesos-bench-ministry-')),
    port: 0,
    logger: createLogger('bench', 'silent'),
    secrets: TEST_SECRETS,
    inMemory: true,
  });
  const url = system.gateway.url.replace('localhost', '127.0.0.1');
  await settle(system);
  if (scale > 0) {
    const admin = signJwt({ sub: 'bench-admin', role: 'admin' }, TEST_SECRETS.jwtSecret, 6 * 3600);
    const call: GraphCall = (source, variables) => post(url, admin, source, variables);
    const units = ((await call('{ units { code } }')) as { units: { code: string }[] }).units
      .map((u) => u.code)
      .filter((c) => c !== REPORT_UNIT);
    const started = Date.now();
    await generateSynthetic(call, { units, years: YEARS, scale });
    await settle(system);
    process.stderr.write(
      `scale ${scale}: ${units.length} units x ${YEARS.length} years generated in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
    );
  }
  return { scale, system, url };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function main(): Promise<void> {
  const graphs: Graph[] = [];
  try {
    for (const scale of SCALES) graphs.push(await startGraph(scale));
    const analyst = signJwt({ sub: 'bench-analyst', role: 'analyst' }, TEST_SECRETS.jwtSecret, 6 * 3600);
    const times = new Map<string, number[]>();
    const statements = new Map<string, string>();
    // The same answer at every scale for the report's unit; warm every graph up first.
    for (const g of graphs) for (const q of Object.values(QUERIES)) await post(g.url, analyst, q);
    for (const g of graphs) {
      const before = g.system.services.map((s) => s.queries.count);
      await post(g.url, analyst, QUERIES.ministry);
      statements.set(
        `scale ${g.scale}`,
        g.system.services.map((s, i) => `${s.name} ${s.queries.count - before[i]}`).join(', '),
      );
    }
    const loads: number[] = [];
    for (let round = 0; round < ROUNDS; round++)
      for (const g of graphs)
        for (const [name, source] of Object.entries(QUERIES)) {
          const key = `${name}|${g.scale}`;
          const list = times.get(key) ?? [];
          for (let i = 0; i < REQUESTS; i++) {
            const t = process.hrtime.bigint();
            await post(g.url, analyst, source);
            list.push(Number(process.hrtime.bigint() - t) / 1e6);
          }
          times.set(key, list);
          loads.push(loadavg()[0]);
        }
    const lines = [
      `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`,
      `embedded (SQLite in memory), years ${YEARS.join(', ')}, ${ROUNDS} interleaved rounds x ${REQUESTS} sequential requests per query and scale`,
      `| query | ${SCALES.map((s) => `scale ${s} p50 / p95`).join(' | ')} |`,
      `|---|${SCALES.map(() => '---').join('|')}|`,
      ...Object.keys(QUERIES).map((name) => {
        const cells = SCALES.map((s) => {
          const sorted = [...(times.get(`${name}|${s}`) ?? [])].sort((a, b) => a - b);
          return `${quantile(sorted, 0.5).toFixed(1)} / ${quantile(sorted, 0.95).toFixed(1)} ms`;
        });
        return `| ${name} | ${cells.join(' | ')} |`;
      }),
      ...[...statements].map(([k, v]) => `SQL statements per ministry request, ${k}: ${v}`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    for (const g of graphs) await g.system.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
