import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';

export interface ChildSpec {
  name: string;
  /** Arguments to node: the script and its options. */
  args: string[];
  env: Record<string, string>;
}

export interface Backoff {
  /** Wait before the first restart. */
  initialMs: number;
  /** Longest wait, reached by doubling. */
  maxMs: number;
  /** A child that ran this long counts as healthy: its next restart waits initialMs again. */
  healthyAfterMs: number;
}

/** 1 s doubling to 30 s: a crash loop (database down, port taken) retries without spinning the CPU. */
export const DEFAULT_BACKOFF: Backoff = { initialMs: 1000, maxMs: 30_000, healthyAfterMs: 60_000 };

/** The wait before restart number `failures` (1 = first) of a child that keeps exiting. */
export function restartDelay(backoff: Backoff, failures: number): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, failures - 1));
}

interface Supervised {
  spec: ChildSpec;
  child?: ChildProcess;
  startedAt: number;
  failures: number;
  timer?: NodeJS.Timeout;
}

/**
 * Keeps a set of node processes running: a child that exits is started again after a backoff
 * while the others keep serving; `stop` ends them all (SIGTERM, then SIGKILL after a grace).
 */
export class Supervisor {
  private readonly children: Supervised[];
  private stopping = false;

  constructor(
    specs: ChildSpec[],
    private readonly options: {
      cwd: string;
      backoff?: Backoff;
      log?: (line: string) => void;
      stdio?: 'inherit' | 'ignore';
    },
  ) {
    this.children = specs.map((spec) => ({ spec, startedAt: 0, failures: 0 }));
  }

  start(): void {
    for (const c of this.children) this.launch(c);
  }

  /** The current process of a child (undefined while it waits to be restarted). */
  pid(name: string): number | undefined {
    return this.children.find((c) => c.spec.name === name)?.child?.pid;
  }

  private launch(c: Supervised): void {
    const child = spawn(process.execPath, c.spec.args, {
      cwd: this.options.cwd,
      env: { ...process.env, ...c.spec.env },
      stdio: this.options.stdio ?? 'inherit',
    });
    c.child = child;
    c.startedAt = Date.now();
    child.on('exit', (code, signal) => {
      c.child = undefined;
      if (this.stopping) return;
      const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
      c.failures = Date.now() - c.startedAt >= backoff.healthyAfterMs ? 1 : c.failures + 1;
      const delay = restartDelay(backoff, c.failures);
      this.log(
        `${c.spec.name} exited (${signal ?? `code ${code}`}); restarting it in ${delay / 1000} s, the others keep running`,
      );
      c.timer = setTimeout(() => {
        c.timer = undefined;
        if (!this.stopping) this.launch(c);
      }, delay);
    });
  }

  /** Stops every child and waits until all have exited. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const running: Promise<unknown>[] = [];
    for (const c of this.children) {
      if (c.timer) clearTimeout(c.timer);
      const child = c.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) continue;
      running.push(new Promise((resolve) => child.once('exit', resolve)));
      child.kill('SIGTERM');
      setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), graceMs).unref();
    }
    await Promise.all(running);
  }

  private log(line: string): void {
    (this.options.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(line);
  }
}
