import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ServiceDefinition } from '../service/service.definition';
import { until } from './poll.helpers';
import { freePort } from './private.mariadb';
import { TEST_SECRETS } from './subgraph.client';
import type { TestDatabase } from './test.database';
import { migratedMysqlDatabase, TEST_MYSQL_URL } from './test.database';

/** One built process of the graph (a subgraph replica or the gateway) started by a test on a free port. */
export interface GraphProcess {
  /** e.g. `training#2` */
  name: string;
  port: number;
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  pid: number;
  running(): boolean;
  /** The last lines it wrote to stderr, for a failing test's message. */
  stderr(): string;
  /** SIGKILL (a crash, the default) or SIGTERM; resolves once the process has exited. */
  stop(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
}

const ready = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
    (r) => r.ok,
    () => false,
  );

/**
 * Runs `node <script>` with `env` (on top of this process's) and PORT set to a free port, and
 * resolves once its /readyz answers 200. A process that exits before then fails the start with
 * what it wrote to stderr.
 */
export async function startGraphProcess(
  name: string,
  script: string,
  env: Record<string, string>,
  options: { cwd?: string; readyTimeoutMs?: number } = {},
): Promise<GraphProcess> {
  const port = await freePort();
  let stderr = '';
  const child: ChildProcess = spawn(process.execPath, [script], {
    cwd: options.cwd,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-8000)));
  const running = () => child.exitCode === null && child.signalCode === null;
  const proc: GraphProcess = {
    name,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    pid: child.pid!,
    running,
    stderr: () => stderr,
    stop: async (signal = 'SIGKILL') => {
      if (!running()) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
  try {
    await until(
      `${name} ready on port ${port}`,
      async () => {
        if (!running()) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}): ${stderr}`);
        return ready(`http://127.0.0.1:${port}/readyz`);
      },
      options.readyTimeoutMs ?? 120_000,
      250,
    );
  } catch (err) {
    await proc.stop();
    throw new Error(`${(err as Error).message}\n${name} stderr: ${stderr}`);
  }
  return proc;
}

export interface ProcessGraphLaunch {
  /** The subgraphs, each run as `services/<name>/dist/main.js` under `root`. */
  services: readonly ServiceDefinition[];
  /** The repository root: where the built processes are, and their working directory. */
  root: string;
  /** DATABASE_PREFIX: subgraph `<name>` gets a freshly migrated `<prefix>_<name>` on TEST_MYSQL_URL. */
  databasePrefix: string;
  /** Fills a subgraph's migrated database before any process starts; without it they start empty. */
  seed?: (def: ServiceDefinition, database: TestDatabase) => Promise<void>;
  /** Processes per subgraph, all on the subgraph's one database and durable consumers. */
  replicas: number;
  /** NATS_URL of every process: one server or a cluster's nodes separated by commas. */
  natsUrl: string;
  natsNamespace: string;
  natsReplicas: number;
}

/** The graph's processes as {@link launchProcessGraph} leaves them running, and their databases. */
export interface LaunchedProcessGraph {
  gateway: GraphProcess;
  /** Subgraph name -> its replicas, in start order. */
  replicas: Record<string, GraphProcess[]>;
  /** Every process in start order, the gateway last. */
  processes: GraphProcess[];
  databases: Record<string, TestDatabase>;
}

/**
 * The distributed mode as built processes, as a deployment runs it: `replicas` processes of each
 * subgraph on its own freshly migrated (and optionally seeded) MariaDB database, then one gateway
 * process (`gateway/dist/main.js`) given every replica's URL in <NAME>_URL, comma-separated. If
 * any step fails, what was started is killed and the databases dropped before the error is thrown.
 */
export async function launchProcessGraph(options: ProcessGraphLaunch): Promise<LaunchedProcessGraph> {
  const { services, root } = options;
  const databases: Record<string, TestDatabase> = {};
  const processes: GraphProcess[] = [];
  try {
    for (const def of services) {
      databases[def.name] = await migratedMysqlDatabase(def, `${options.databasePrefix}_${def.name}`);
      await options.seed?.(def, databases[def.name]);
    }
    const env = {
      MYSQL_URL: TEST_MYSQL_URL,
      DATABASE_PREFIX: options.databasePrefix,
      NATS_URL: options.natsUrl,
      NATS_NAMESPACE: options.natsNamespace,
      NATS_REPLICAS: String(options.natsReplicas),
      JWT_SECRET: TEST_SECRETS.jwtSecret,
      INTERNAL_SECRET: TEST_SECRETS.internalSecret,
      PERSONAL_DATA_KEY: TEST_SECRETS.personalDataKey,
      LOG_LEVEL: 'error',
    };
    const replicas: Record<string, GraphProcess[]> = Object.fromEntries(services.map((s) => [s.name, []]));
    // One replica of every subgraph at a time: starting six processes at once on two cores only
    // makes each of them slower to become ready.
    for (let n = 1; n <= options.replicas; n++) {
      // Settled, not all: when one fails, the others of its batch are still counted for the cleanup.
      const started = await Promise.allSettled(
        services.map(async (def) => {
          const p = await startGraphProcess(
            `${def.name}#${n}`,
            join(root, 'services', def.name, 'dist', 'main.js'),
            env,
            { cwd: root },
          );
          processes.push(p);
          replicas[def.name].push(p);
        }),
      );
      const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) throw failed.reason;
    }
    const gateway = await startGraphProcess(
      'gateway',
      join(root, 'gateway', 'dist', 'main.js'),
      {
        ...env,
        ...Object.fromEntries(
          services.map((def) => [`${def.name.toUpperCase()}_URL`, replicas[def.name].map((r) => r.url).join(',')]),
        ),
      },
      { cwd: root },
    );
    processes.push(gateway);
    return { gateway, replicas, processes, databases };
  } catch (err) {
    for (const p of processes) await p.stop('SIGKILL');
    for (const db of Object.values(databases)) await db.drop();
    throw err;
  }
}
