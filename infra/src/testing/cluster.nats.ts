import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from './poll.helpers';
import { freePort } from './private.mariadb';

const NATS_SERVER = process.env.TEST_NATS_SERVER ?? '/usr/sbin/nats-server';

/** One node of a test's private JetStream cluster. */
export interface NatsClusterNode {
  name: string;
  /** nats://127.0.0.1:<client port> */
  url: string;
  running(): boolean;
  /** The names of the clients connected to this node (a service's connection carries its name). */
  clients(): Promise<string[]>;
  /** SIGKILL (a crash, the default) or SIGTERM; resolves once the process has exited. */
  stop(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Starts the node again on the same ports and store; resolves once it is back in the cluster. */
  start(): Promise<void>;
}

export interface NatsCluster {
  nodes: NatsClusterNode[];
  /** Every node's client URL, separated by commas, as NATS_URL takes them. */
  url: string;
  /** Stops every node and deletes their stores. */
  remove(): Promise<void>;
}

interface Ports {
  client: number;
  route: number;
  monitor: number;
}

async function monitor<T>(port: number, path: string): Promise<T | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2_000) });
    return res.ok ? ((await res.json()) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** The node routes to all the others and the JetStream meta group has a leader it knows; alone, that JetStream runs. */
async function joined(ports: Ports, others: number): Promise<boolean> {
  if (!others) {
    const alone = await monitor<{ disabled?: boolean; config?: object }>(ports.monitor, '/jsz');
    return Boolean(alone?.config) && !alone?.disabled;
  }
  const routes = await monitor<{ num_routes?: number }>(ports.monitor, '/routez');
  if ((routes?.num_routes ?? 0) < others) return false;
  const js = await monitor<{ meta_cluster?: { leader?: string } }>(ports.monitor, '/jsz');
  return Boolean(js?.meta_cluster?.leader);
}

/**
 * A JetStream cluster of `size` private `nats-server` processes on loopback (cluster name
 * `kesos`, each routing to the others, each with its own store in a temporary folder, every port
 * free-picked), for tests that lose a node. Resolves once every node routes to the others and
 * the cluster has elected its JetStream meta leader, so streams with replicas can be created.
 * `size` 1 is one standalone JetStream server, for tests that take NATS away and bring it back.
 */
export async function startNatsCluster(size = 3): Promise<NatsCluster> {
  // A free-picked port can be taken by another process before the node binds it (other tests run
  // beside this one): a node that exits while the cluster forms makes a fresh start on new ports.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(size);
    } catch (err) {
      if (!(err instanceof NodeExited) || attempt >= 3) throw err;
    }
  }
}

class NodeExited extends Error {}

/** `count` free loopback ports, all different. */
async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

async function startOnce(size: number): Promise<NatsCluster> {
  const folder = mkdtempSync(join(tmpdir(), 'kesos-nats-'));
  const free = await distinctFreePorts(size * 3);
  const ports: Ports[] = Array.from({ length: size }, (_, i) => ({
    client: free[3 * i],
    route: free[3 * i + 1],
    monitor: free[3 * i + 2],
  }));
  const routes = ports.map((p) => `nats://127.0.0.1:${p.route}`).join(',');

  const nodes = ports.map((p, i): NatsClusterNode & { spawnNode(): void } => {
    const name = `n${i + 1}`;
    const log = join(folder, `${name}.log`);
    let child: ChildProcess | undefined;
    const node = {
      name,
      url: `nats://127.0.0.1:${p.client}`,
      running: () => child !== undefined && child.exitCode === null && child.signalCode === null,
      clients: async () =>
        ((await monitor<{ connections?: { name?: string }[] }>(p.monitor, '/connz?limit=1024'))?.connections ?? []).map(
          (c) => c.name ?? '',
        ),
      spawnNode: () => {
        child = spawn(
          NATS_SERVER,
          [
            '-a',
            '127.0.0.1',
            '-p',
            String(p.client),
            '-m',
            String(p.monitor),
            '--server_name',
            name,
            '-js',
            '-sd',
            join(folder, name),
            // A node alone is a plain server: a cluster of one never elects a JetStream leader.
            ...(size > 1
              ? ['--cluster_name', 'kesos', '--cluster', `nats://127.0.0.1:${p.route}`, '--routes', routes]
              : []),
            '-l',
            log,
          ],
          { stdio: 'ignore' },
        );
      },
      stop: async (signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL') => {
        const running = child;
        child = undefined;
        if (!running || running.exitCode !== null || running.signalCode !== null) return;
        const exited = new Promise((r) => running.once('exit', r));
        running.kill(signal);
        await exited;
      },
      start: async () => {
        node.spawnNode();
        await until(`NATS node ${name} back in the cluster (log ${log})`, () => joined(p, size - 1), 60_000, 100);
      },
    };
    return node;
  });
  for (const node of nodes) node.spawnNode();
  const describeLogs = () =>
    nodes
      .map((n) => {
        try {
          return `${n.name}: ${readFileSync(join(folder, `${n.name}.log`), 'utf8').slice(-1500)}`;
        } catch {
          return `${n.name}: no log`;
        }
      })
      .join('\n');
  try {
    for (const p of ports)
      await until(
        'every NATS node routed to the others with a JetStream meta leader',
        () => {
          const gone = nodes.find((n) => !n.running());
          if (gone) throw new NodeExited(`NATS node ${gone.name} exited while the cluster formed`);
          return joined(p, size - 1);
        },
        60_000,
        100,
      );
  } catch (err) {
    const logs = describeLogs();
    for (const n of nodes) await n.stop();
    rmSync(folder, { recursive: true, force: true });
    const message = `${(err as Error).message}\n${logs}`;
    throw err instanceof NodeExited ? new NodeExited(message) : new Error(message);
  }
  return {
    nodes,
    url: nodes.map((n) => n.url).join(','),
    remove: async () => {
      for (const n of nodes) await n.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
