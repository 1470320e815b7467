import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { until } from './poll.helpers';
import { freePort } from './private.mariadb';

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
