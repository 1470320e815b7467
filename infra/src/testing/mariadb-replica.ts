import type { DataSource } from 'typeorm';
import { createDataSource } from '../database/data-source.factory';
import type { PrivateMariadb } from './private.mariadb';
import { startPrivateMariadb } from './private.mariadb';

/**
 * A primary and a replica, each a private mariadbd of one test, joined by MariaDB's own
 * replication (binary log on the primary, GTID position on the replica). The replica runs
 * read_only with user statistics on, so a test can show which account read or wrote there.
 */
export interface ReplicatedMariadb {
  primary: PrivateMariadb;
  replica: PrivateMariadb;
  /** Resolves once the replica has applied everything the primary had written when called. */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** Stops the replica's SQL thread: it keeps receiving the binary log but applies nothing. */
  pauseApplying(): Promise<void>;
  /** Starts the SQL thread again; the replica then catches up. */
  resumeApplying(): Promise<void>;
  /** Runs one statement on a server as root. */
  query<T = Record<string, unknown>[]>(server: PrivateMariadb, sql: string, parameters?: unknown[]): Promise<T>;
  /** Stops both servers and deletes their folders. */
  remove(): Promise<void>;
}

const REPLICATION_USER = 'kesos_replication';
const REPLICATION_PASSWORD = 'replication-password-of-the-test';

async function onServer<T>(server: PrivateMariadb, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const { dataSource } = createDataSource({ target: { kind: 'mysql', url: server.url, database: '' }, entities: [] });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Starts both servers (each mariadb-install-db takes 10-20 s here), lets the replica follow the
 * primary from its first binary log event, and waits until replication runs. Nothing is left
 * behind when a step fails: the servers started so far are removed before the error is thrown.
 */
export async function startReplicatedMariadb(): Promise<ReplicatedMariadb> {
  const started: PrivateMariadb[] = [];
  try {
    const primary = await startPrivateMariadb({
      serverArgs: ['--server-id=1', '--log-bin=primary-bin', '--binlog-format=ROW'],
    });
    started.push(primary);
    const replica = await startPrivateMariadb({
      serverArgs: ['--server-id=2', '--read-only=1', '--userstat=1', '--relay-log=replica-relay'],
    });
    started.push(replica);

    await onServer(primary, async (ds) => {
      await ds.query(`CREATE USER '${REPLICATION_USER}'@'127.0.0.1' IDENTIFIED BY ?`, [REPLICATION_PASSWORD]);
      await ds.query(`GRANT REPLICATION SLAVE ON *.* TO '${REPLICATION_USER}'@'127.0.0.1'`);
    });
    // slave_pos with an empty position: the replica reads the primary's binary log from its start.
    await onServer(replica, async (ds) => {
      await ds.query(
        `CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = ${primary.port}, MASTER_USER = '${REPLICATION_USER}', MASTER_PASSWORD = ?, MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1`,
        [REPLICATION_PASSWORD],
      );
      await ds.query('START SLAVE');
    });

    const query = <T>(server: PrivateMariadb, sql: string, parameters?: unknown[]): Promise<T> =>
      onServer(server, (ds) => ds.query<T>(sql, parameters));

    const caughtUp = async (timeoutMs = 60_000): Promise<void> => {
      const [{ position }] = await query<{ position: string }[]>(primary, 'SELECT @@gtid_binlog_pos AS position');
      // MariaDB's own wait: returns 0 once the replica has applied that GTID position, -1 on timeout.
      const [{ reached }] = await query<{ reached: number | string }[]>(
        replica,
        'SELECT MASTER_GTID_WAIT(?, ?) AS reached',
        [position, timeoutMs / 1000],
      );
      if (Number(reached) !== 0) {
        const status = await query<Record<string, string | null>[]>(replica, 'SHOW SLAVE STATUS');
        const s = status[0] ?? {};
        throw new Error(
          `the replica did not reach the primary's position ${position} within ${timeoutMs} ms (IO ${s.Slave_IO_Running ?? '?'}, SQL ${s.Slave_SQL_Running ?? '?'}, last error: ${s.Last_Error || s.Last_IO_Error || 'none'})`,
        );
      }
    };

    await caughtUp();
    return {
      primary,
      replica,
      caughtUp,
      pauseApplying: async () => {
        await query(replica, 'STOP SLAVE SQL_THREAD');
      },
      resumeApplying: async () => {
        await query(replica, 'START SLAVE SQL_THREAD');
      },
      query,
      remove: async () => {
        await Promise.all([replica.remove(), primary.remove()]);
      },
    };
  } catch (err) {
    await Promise.all(started.map((s) => s.remove().catch(() => undefined)));
    throw err;
  }
}
