import { answerHelp } from './cli.usage';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { DEFAULT_SUBGRAPH_TIMEOUTS, SubgraphDataSource } from '@kesos/gateway';
import { createLogger } from '@kesos/infra';
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';

const USAGE = `Usage: npm run bench:client -- [--calls 20000] [--concurrency 50] [--rounds 3]

The gateway's subgraph client alone, old (fetch) against new (node:http), against a stub subgraph
in a child process; CPU per call, interleaved rounds. On demand, not in CI.

Options:
  --calls <n>         calls per client and round (default 20000)
  --concurrency <n>   calls in flight (default 50)
  --rounds <n>        rounds (default 3)
  --help              this text
`;
answerHelp(USAGE);

/**
 * `npm run bench:client [-- --calls 20000 --concurrency 50 --rounds 3]`: the gateway's subgraph
 * client alone, old against new, in one process with interleaved rounds. Old = Apollo's
 * RemoteGraphQLDataSource with Node's fetch as its fetcher (the body read inside the deadline and
 * wrapped in a new Response, as the gateway did before); new = SubgraphDataSource (node:http,
 * kept-alive sockets). The subgraph is a stub in a child process answering a fixed 2 KB answer
 * (the size of UnitRecord's), so this process's CPU time per call is the client's own cost: a
 * figure that moves far less with the machine's load than req/s does.
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CALLS = arg('calls', 20_000);
const CONCURRENCY = arg('concurrency', 50);
const ROUNDS = arg('rounds', 3);

const ANSWER = JSON.stringify({
  data: {
    unit: {
      code: 'BBPPKS-PADANG',
      name: 'Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial Padang',
      workArea: Array.from({ length: 8 }, (_, i) => ({
        province: `Provinsi ${i}`,
        regencies: 10 + i,
        cities: 2 + i,
        districts: 100 + i,
        villages: 1000 + i,
      })),
      staffComposition: Array.from({ length: 40 }, (_, i) => ({
        employment: i % 2 ? 'ASN' : 'PPNPN',
        gender: i % 3 ? 'MALE' : 'FEMALE',
        count: i,
      })),
    },
  },
});

function serve(): void {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ANSWER) });
      res.end(ANSWER);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address && typeof address === 'object') process.send?.(address.port);
  });
}

/** The gateway's fetcher before node:http: fetch, the body read, wrapped again in a Response. */
const oldFetcher = async (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }) => {
  const res = await fetch(url, {
    method: init?.method,
    headers: init?.headers,
    body: init?.body,
    signal: AbortSignal.timeout(DEFAULT_SUBGRAPH_TIMEOUTS.queryMs),
  });
  const body = await res.arrayBuffer();
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
};

type Options = GraphQLDataSourceProcessOptions;
interface Client {
  process(options: Options): Promise<unknown>;
}

const request = (): Options =>
  ({
    kind: 'health check',
    request: {
      query: 'query UnitRecord__training__0($unit: ID!) { unit(code: $unit) { code name } }',
      variables: { unit: 'BBPPKS-PADANG' },
    },
    context: {},
  }) as unknown as Options;

async function measure(client: Client): Promise<{ cpuMs: number; wallMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let issued = 0;
  const worker = async () => {
    while (issued < CALLS) {
      issued++;
      await client.process(request());
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000 / CALLS, wallMs: (performance.now() - started) / CALLS };
}

async function main(): Promise<void> {
  const child: ChildProcess = fork(__filename, ['--serve'], { stdio: 'inherit' });
  try {
    const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(Number(m))));
    const url = `http://127.0.0.1:${port}/graphql`;
    // RemoteGraphQLDataSource's fetcher type is make-fetch-happen's; Node's Response serves its few members.
    const old = new RemoteGraphQLDataSource({
      url,
      fetcher: oldFetcher as unknown as RemoteGraphQLDataSource['fetcher'],
    });
    const next = new SubgraphDataSource({
      name: 'training',
      url,
      timeouts: DEFAULT_SUBGRAPH_TIMEOUTS,
      logger: createLogger('bench', 'silent'),
    });
    console.log(
      `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
        `${CALLS} calls at ${CONCURRENCY} in flight per client and round; ${new Date().toISOString()}`,
    );
    // A warm-up for each, then interleaved rounds.
    await measure(old);
    await measure(next);
    for (let round = 1; round <= ROUNDS; round++) {
      const load = loadavg()[0]?.toFixed(1) ?? '?';
      const a = await measure(old);
      const b = await measure(next);
      console.log(
        `round ${round} (load average ${load}): CPU per call old ${a.cpuMs.toFixed(3)} ms, new ${b.cpuMs.toFixed(3)} ms ` +
          `(new/old ${(b.cpuMs / a.cpuMs).toFixed(2)}x); calls/s old ${Math.round(1000 / a.wallMs)}, new ${Math.round(1000 / b.wallMs)}`,
      );
    }
  } finally {
    child.kill();
  }
}

if (process.argv.includes('--serve')) serve();
else
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
