import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });
}

/**
 * A throwaway mariadbd of one test: its own data folder, socket and port, so a test can stop and
 * start "the database" without touching the shared server other tests use. Root connects from
 * 127.0.0.1 without a password, like the shared one.
 */
export interface PrivateMariadb {
  url: string;
  port: number;
  /** Starts the server (again) and resolves once it accepts connections. */
  start(): Promise<void>;
  /** SIGTERM (clean shutdown) or SIGKILL (crash); resolves when the process has exited. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Stops the server if running and deletes its folder. */
  remove(): Promise<void>;
}

const MARIADBD = process.env.TEST_MARIADBD ?? '/usr/sbin/mariadbd';
const INSTALL_DB = process.env.TEST_MARIADB_INSTALL_DB ?? '/usr/bin/mariadb-install-db';

export interface PrivateMariadbOptions {
  /**
   * More mariadbd options (e.g. a replication role's server id and binary log). Without a
   * `--log-bin` among them the server runs with `--skip-log-bin`.
   */
  serverArgs?: string[];
}

export async function startPrivateMariadb(options: PrivateMariadbOptions = {}): Promise<PrivateMariadb> {
  const serverArgs = options.serverArgs ?? [];
  const binlog = serverArgs.some((a) => a.startsWith('--log-bin')) ? [] : ['--skip-log-bin'];
  const folder = mkdtempSync(join(tmpdir(), 'kesos-mariadb-'));
  const data = join(folder, 'data');
  const port = await freePort();
  // --user=root: this machine runs tests as root, and mariadbd refuses root unless told to.
  const user = process.getuid?.() === 0 ? ['--user=root'] : [];
  const install = spawnSync(
    INSTALL_DB,
    ['--no-defaults', `--datadir=${data}`, ...user, '--auth-root-authentication-method=normal', '--skip-test-db'],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`mariadb-install-db failed (${install.status}): ${install.stderr || install.stdout}`);
  }
  let child: ChildProcess | undefined;
  const log = join(folder, 'server.log');
  const readLog = (): string => {
    try {
      return readFileSync(log, 'utf8');
    } catch {
      return '';
    }
  };
  // The error log is appended to across restarts: a start is done when one more "ready" line appears.
  let readyLines = 0;

  const start = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const args = [
        '--no-defaults',
        `--datadir=${data}`,
        ...user,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(folder, 'mysqld.sock')}`,
        `--pid-file=${join(folder, 'mysqld.pid')}`,
        `--log-error=${log}`,
        '--skip-name-resolve',
        ...binlog,
        '--innodb-buffer-pool-size=32M',
        '--innodb-log-file-size=16M',
        ...serverArgs,
      ];
      const started = spawn(MARIADBD, args, { stdio: 'ignore' });
      child = started;
      const deadline = Date.now() + 60_000;
      const exited = (code: number | null) => reject(new Error(`mariadbd exited with ${code}: ${readLog()}`));
      started.once('exit', exited);
      const poll = () => {
        if (
          readLog()
            .split('\n')
            .filter((l) => l.includes('ready for connections')).length > readyLines
        ) {
          started.off('exit', exited);
          readyLines++;
          resolve();
        } else if (Date.now() > deadline) reject(new Error(`mariadbd did not start within 60 s: ${readLog()}`));
        else setTimeout(poll, 100);
      };
      poll();
    });
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill(signal);
    await exited;
  };

  try {
    await start();
  } catch (err) {
    // A server that never became ready leaves neither a process nor its folder behind.
    await stop('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `mysql://root@127.0.0.1:${port}`,
    port,
    start,
    stop,
    remove: async () => {
      await stop('SIGKILL');
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
