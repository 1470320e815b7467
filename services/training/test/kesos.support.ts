import type { DomainEvent, NatsEventBus, RunningService, ServiceDataSource, Subscription } from '@kesos/infra';
import { createLogger, startService } from '@kesos/infra';
import type { TestDatabase } from '@kesos/infra/testing';
import {
  callers,
  callSubgraph,
  freshMysqlDatabase,
  isolatedNatsBus,
  stopTestService,
  TEST_SECRETS,
  until,
} from '@kesos/infra/testing';
import type { DataSource } from 'typeorm';
import { trainingService } from '../src';
import { seedUnits } from '../src/seed/units.seed';

export const PADANG = 'BBPPKS-PADANG';
export const BANDUNG = 'BBPPKS-BANDUNG';

type Caller = ReturnType<typeof callers.admin>;
export interface Reply<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TrainingUnderTest {
  running: RunningService;
  database: TestDatabase;
  bus: NatsEventBus;
  // Response shapes are asserted by each test.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call<T = any>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<Reply<T>>;
  /** Durable subscription collecting every event of one subject from this namespace. */
  collect(subject: string): Promise<DomainEvent[]>;
  /** Publishes the outbox now and waits until `check` holds (or fails after timeoutMs). */
  until(check: () => boolean | Promise<boolean>, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Only the unit directory (units and Padang's work area), for tests that write their own records. */
export const unitsOnly = (ds: DataSource) => ds.transaction((m) => seedUnits(m));

/**
 * The training subgraph on a fresh MariaDB database and its own NATS namespace. `prepare` loads
 * what the test needs: true for the whole 2022 seed, false for the unit directory only, or a
 * function of the data source.
 */
export async function startTraining(
  label: string,
  prepare: boolean | ((ds: DataSource) => Promise<unknown>) = unitsOnly,
  relayIntervalMs = 100,
): Promise<TrainingUnderTest> {
  const database = await freshMysqlDatabase(trainingService, label);
  const bus = await isolatedNatsBus(`training_${label}`);
  let running: RunningService;
  try {
    if (prepare === true) await trainingService.seed(database.dataSource, createLogger('test', 'silent'));
    else await (prepare === false ? unitsOnly : prepare)(database.dataSource);
    running = await startService(trainingService, {
      database,
      bus,
      secrets: TEST_SECRETS,
      logger: createLogger('test', 'silent'),
      port: 0,
      host: '127.0.0.1',
      relay: { intervalMs: relayIntervalMs },
    });
  } catch (err) {
    // Leave no open connection behind, or jest waits for it after the failure.
    await database.drop();
    await bus.deleteNamespaceStreams();
    await bus.close();
    throw err;
  }
  const subscriptions: Subscription[] = [];
  return {
    running,
    database,
    bus,
    call: (query, variables = {}, caller = callers.admin()) =>
      callSubgraph(running.url, query, variables, { caller, secret: TEST_SECRETS.internalSecret }),
    collect: async (subject) => {
      const events: DomainEvent[] = [];
      subscriptions.push(
        await bus.subscribe({
          durable: `test_${subject.replace(/\W/g, '_')}`,
          subject,
          maxDeliver: 1,
          handler: async (e) => void events.push(e),
        }),
      );
      return events;
    },
    until: async (check, timeoutMs = 15000) => {
      await running.relay.flush();
      await until('condition', check, timeoutMs);
    },
    stop: async () => {
      for (const s of subscriptions) await s.stop();
      await stopTestService({ running, database, bus });
    },
  };
}

/** Row counts of the given tables, to prove a refused mutation wrote nothing. */
export async function counts(database: ServiceDataSource, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [...tables, 'outbox_event'])
    out[t] = Number((await database.dataSource.query(`SELECT COUNT(*) AS n FROM \`${t}\``))[0].n);
  return out;
}

/** Settles long enough for a duplicate delivery to show up if one were coming. */
export const quietPeriod = (ms = 400) => new Promise((r) => setTimeout(r, ms));
export { callers };
