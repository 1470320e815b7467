import { answerHelp } from './cli.usage';
import type { RunningService } from '@kesos/infra';
import { createLogger, IDENTITY_HEADER, NatsEventBus, signIdentity, signJwt, startService } from '@kesos/infra';
import type { TestDatabase } from '@kesos/infra/testing';
import { freshMysqlDatabase, isolatedNatsBus, settleEvents, TEST_SECRETS } from '@kesos/infra/testing';
import { SERVICES, SUPERGRAPH_FILE } from '@kesos/gateway';
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const USAGE = `Usage: npm run bench:gateway -- [--rounds 3] [--seconds 10] [--connections 50] [--baseline <main.js>] [--cpu-prof <dir>]

Our gateway against Hive Gateway on the same three subgraphs (MariaDB at TEST_MYSQL_URL, NATS at
TEST_NATS_URL), interleaved rounds, req/s, p50/p95 and CPU per request. On demand, not in CI.

Options:
  --rounds <n>        interleaved rounds (default 3)
  --seconds <n>       seconds of load per target and round (default 10)
  --connections <n>   autocannon connections (default 50)
  --baseline <file>   another build of our gateway (its gateway/dist/main.js) to compare with
  --cpu-prof <dir>    write a CPU profile of our gateway there
  --help              this text
`;
answerHelp(USAGE);

/**
 * `npm run bench:gateway [-- --rounds 3 --seconds 10 --connections 50 --baseline <main.js>]`: our
 * gateway against Hive Gateway (its runtime with default settings, bench.hive.ts) on the same three
 * subgraphs (in this process, each on a fresh MariaDB database, seeded, events applied over NATS),
 * with the same queries: the contract's UnitOverview (three subgraphs) and a query of the training
 * subgraph alone, that one also sent to the subgraph directly with a signed identity header. Each
 * gateway is its own process; rounds are interleaved (every target once per round) and print req/s,
 * p50/p95 latency, CPU ms per request of the gateway process and of this one (subgraphs and
 * autocannon; read from /proc, so steadier than req/s on a shared machine) and the ratios.
 * --baseline adds another build of our gateway (its dist/main.js).
 */
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const ROUNDS = Number(arg('rounds') ?? 3);
const SECONDS = Number(arg('seconds') ?? 10);
const CONNECTIONS = Number(arg('connections') ?? 50);
const BASELINE = arg('baseline');
/** A folder for a CPU profile of our gateway (node --cpu-prof), written when it stops. */
const CPU_PROF = arg('cpu-prof');
const UNIT = 'BBPPKS-PADANG';

const UNIT_OVERVIEW = readFileSync(
  join(__dirname, '..', '..', 'gateway', 'test', 'contract', 'operations.graphql'),
  'utf8',
);
const ONE_SUBGRAPH = `query UnitRecord($unit: ID!) {
  unit(code: $unit) { code name workArea { province regencies cities districts villages } staffComposition { employment gender count } }
}`;

interface Target {
  name: string;
  query: 'UnitOverview' | 'UnitRecord';
  /** One caller (every request the same: sharing applies) or CALLERS callers in turn (it cannot). */
  callers: 'one' | 'many';
  url: string;
  body: string;
  headers: (caller: number) => Record<string, string>;
  /** The gateway's process, whose CPU time per request is measured; none for the subgraph called directly. */
  process?: ChildProcess;
}

const CALLERS = 50;

interface Sample {
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  /** CPU ms per answered request: of the gateway process, and of this process (subgraphs and autocannon). */
  gatewayCpu: number | null;
  benchCpu: number;
}

/** CPU time (user + system) of a child process in ms, from /proc (Linux); null elsewhere. */
function childCpuMs(child: ChildProcess | undefined): number | null {
  if (child?.pid === undefined) return null;
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name, in clock ticks (100/s).
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

const ownCpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

async function load(target: Target): Promise<Sample> {
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const gatewayBefore = childCpuMs(target.process);
  const benchBefore = ownCpuMs();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers(0) },
        body: target.body,
        connections: CONNECTIONS,
        duration: SECONDS,
        ...(target.callers === 'many'
          ? {
              requests: [
                {
                  setupRequest: (req: autocannon.Request) => ({
                    ...req,
                    headers: { ...req.headers, ...target.headers(next++ % CALLERS) },
                  }),
                },
              ],
            }
          : {}),
      },
      (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, time) => {
      if (status !== 200) errors++;
      times.push(time);
    });
  });
  const gatewayAfter = childCpuMs(target.process);
  const answered = Math.max(1, times.length);
  times.sort((a, b) => a - b);
  return {
    gatewayCpu: gatewayBefore === null || gatewayAfter === null ? null : (gatewayAfter - gatewayBefore) / answered,
    benchCpu: (ownCpuMs() - benchBefore) / answered,
    rps: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    errors: errors + result.errors,
  };
}

async function startChild(
  name: string,
  script: string,
  env: Record<string, string>,
  url: string,
  execArgv: string[] = [],
): Promise<ChildProcess> {
  const child = fork(script, [], {
    env: { ...process.env, ...env },
    execArgv,
    stdio: ['ignore', process.env.HIVE_DEBUG === '1' ? 'inherit' : 'ignore', 'inherit', 'ipc'],
  });
  child.on('exit', (code) => {
    if (code !== null && code !== 0) console.error(`${name} exited with ${code}`);
  });
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{__typename}"}',
      });
      if (res.status < 500) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not start`);
}

/** Undefined when every target answers its query without errors and with the same data; else what differs. */
async function compareAnswers(targets: Target[]): Promise<string | undefined> {
  const answers = new Map<string, string>();
  for (const t of targets) {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...t.headers(0) },
      body: t.body,
    });
    const text = await res.text();
    const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown };
    if (parsed.errors || !parsed.data) throw new Error(`${t.name} ${t.query} answered ${text.slice(0, 500)}`);
    const seen = answers.get(t.query);
    const other = JSON.stringify(parsed.data);
    if (seen !== undefined && seen !== other) {
      let at = 0;
      while (seen[at] === other[at]) at++;
      return `${t.name} ${t.query} answers other data from character ${at}: ${other.slice(at - 80, at + 120)} instead of ${seen.slice(at - 80, at + 120)}`;
    }
    answers.set(t.query, other);
  }
  return undefined;
}

async function main(): Promise<void> {
  const logger = createLogger('bench', 'silent');
  const services: RunningService[] = [];
  const buses: NatsEventBus[] = [];
  const databases: TestDatabase[] = [];
  const children: ChildProcess[] = [];
  const namespaceBus = await isolatedNatsBus('benchgw');
  buses.push(namespaceBus);
  try {
    for (const def of SERVICES) {
      const database = await freshMysqlDatabase(def, 'benchgw');
      databases.push(database);
      await def.seed(database.dataSource, logger);
      const bus = services.length
        ? await NatsEventBus.connect(process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222', undefined, {
            namespace: namespaceBus.namespace,
          })
        : namespaceBus;
      if (bus !== namespaceBus) buses.push(bus);
      services.push(
        await startService(def, {
          database,
          bus,
          secrets: TEST_SECRETS,
          logger,
          port: 0,
          host: '127.0.0.1',
          relay: { intervalMs: 100 },
        }),
      );
    }
    // The seed's events applied, so the figures are the report's.
    await settleEvents(
      services.map((s) => s.relay),
      buses,
    );
    const urls = Object.fromEntries(services.map((s) => [s.name, s.url]));
    const supergraph = join(tmpdir(), `kesos-bench-supergraph-${process.pid}.graphql`);
    writeFileSync(
      supergraph,
      readFileSync(SUPERGRAPH_FILE, 'utf8').replace(
        /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
        (_m, name: string) => `@join__graph(name: "${name}", url: "${urls[name]}")`,
      ),
    );
    const secrets = {
      JWT_SECRET: TEST_SECRETS.jwtSecret,
      INTERNAL_SECRET: TEST_SECRETS.internalSecret,
      PERSONAL_DATA_KEY: TEST_SECRETS.personalDataKey,
      LOG_LEVEL: 'warn',
    };
    const gatewayEnv = Object.fromEntries(services.map((s) => [`${s.name.toUpperCase()}_URL`, s.url]));
    const gateways: [string, string, Record<string, string>][] = [
      ['ours', join(__dirname, '..', '..', 'gateway', 'dist', 'main.js'), { ...gatewayEnv, PORT: '4510' }],
      ['hive', join(__dirname, 'bench.hive.js'), { SUPERGRAPH: supergraph, PORT: '4511' }],
      [
        'hive, header per caller',
        join(__dirname, 'bench.hive.js'),
        { SUPERGRAPH: supergraph, PORT: '4513', HIVE_IDENTITY: 'per-caller' },
      ],
    ];
    if (BASELINE) gateways.push(['ours-baseline', BASELINE, { ...gatewayEnv, PORT: '4512' }]);
    for (const [name, script, env] of gateways) {
      const url = `http://127.0.0.1:${env.PORT}/graphql`;
      const execArgv = CPU_PROF && name === 'ours' ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [];
      children.push(await startChild(name, script, { ...secrets, ...env }, url, execArgv));
    }
    const tokens = Array.from({ length: CALLERS }, (_, i) =>
      signJwt({ sub: `bench-admin-${i}`, role: 'admin' }, TEST_SECRETS.jwtSecret, 3600),
    );
    const bearer = (i: number) => ({ authorization: `Bearer ${tokens[i]}` });
    const body = (query: string, operationName: string) =>
      JSON.stringify({ query, operationName, variables: { unit: UNIT, year: 2022 } });
    const targets: Target[] = [];
    for (const [index, [name, , env]] of gateways.entries()) {
      const url = `http://127.0.0.1:${env.PORT}/graphql`;
      const process = children[index];
      for (const callers of ['one', 'many'] as const) {
        targets.push({
          name,
          query: 'UnitOverview',
          callers,
          url,
          body: body(UNIT_OVERVIEW, 'UnitOverview'),
          headers: bearer,
          process,
        });
        targets.push({
          name,
          query: 'UnitRecord',
          callers,
          url,
          body: body(ONE_SUBGRAPH, 'UnitRecord'),
          headers: bearer,
          process,
        });
      }
    }
    // Signed when the round starts: valid 5 minutes, as the gateway's header is.
    let identities: Record<string, string>[] = [];
    const signDirect = () =>
      (identities = tokens.map((_, i) => ({
        [IDENTITY_HEADER]: signIdentity(
          { caller: { subject: `bench-admin-${i}`, role: 'admin', unit: null }, requestId: 'bench' },
          TEST_SECRETS.internalSecret,
        ),
      })));
    signDirect();
    for (const callers of ['one', 'many'] as const)
      targets.push({
        name: 'training subgraph direct',
        query: 'UnitRecord',
        callers,
        url: urls.training,
        body: body(ONE_SUBGRAPH, 'UnitRecord'),
        headers: (i) => identities[i],
      });
    // Every target answers the same data without errors before it is measured (retried while
    // consumers may still be moving the seed's counters).
    for (let attempt = 1; ; attempt++) {
      const mismatch = await compareAnswers(targets);
      if (!mismatch) break;
      if (attempt === 30) throw new Error(mismatch);
      await new Promise((r) => setTimeout(r, 2000));
    }
    console.log(
      `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
        `autocannon ${CONNECTIONS} connections, ${SECONDS} s per target, ${ROUNDS} interleaved rounds; ${new Date().toISOString()}`,
    );
    const samples = new Map<Target, Sample[]>(targets.map((t) => [t, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      signDirect();
      console.log(
        `round ${round} (load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')})`,
      );
      for (const t of targets) {
        const s = await load(t);
        samples.get(t)!.push(s);
        console.log(
          `  ${t.query.padEnd(12)} ${t.callers.padEnd(4)} ${t.name.padEnd(26)} ${s.rps.toFixed(1).padStart(8)} req/s  p50 ${Math.round(s.p50)} ms  p95 ${Math.round(s.p95)} ms  cpu/request: gateway ${s.gatewayCpu === null ? '-' : s.gatewayCpu.toFixed(2)} ms, bench process ${s.benchCpu.toFixed(2)} ms${s.errors ? `  ${s.errors} errors` : ''}`,
        );
      }
      // Ours against every other target of the same query and callers, this round.
      for (const t of targets.filter((x) => x.name === 'ours')) {
        const mine = samples.get(t)!.at(-1)!.rps;
        const others = targets
          .filter((x) => x !== t && x.query === t.query && x.callers === t.callers)
          .map((x) => `${x.name} ${(mine / samples.get(x)!.at(-1)!.rps).toFixed(2)}x`);
        console.log(`  ours/ ${t.query} ${t.callers} caller(s): ${others.join(', ')}`);
      }
    }
  } finally {
    // SIGTERM first: our gateway then stops and exits, writing its CPU profile.
    await Promise.all(
      children.map(async (c) => {
        if (c.exitCode !== null) return;
        const exited = new Promise((resolve) => c.once('exit', resolve));
        c.kill('SIGTERM');
        const timer = setTimeout(() => c.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    for (const s of services) await s.stop();
    for (const d of databases) await d.drop();
    await namespaceBus.deleteNamespaceStreams();
    for (const b of buses) await b.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
