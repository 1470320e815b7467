import type { DomainEvent, NatsEventBus, RunningService } from '@kesos/infra';
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
import { randomUUID } from 'node:crypto';
import { performanceService } from '../src';

export const PADANG = 'BBPPKS-PADANG';
export const UNITS = [
  'POLTEKESOS-BANDUNG',
  'B2P3KS-YOGYAKARTA',
  'BBPPKS-PADANG',
  'BBPPKS-BANDUNG',
  'BBPPKS-YOGYAKARTA',
  'BBPPKS-BANJARMASIN',
  'BBPPKS-MAKASSAR',
  'BBPPKS-JAYAPURA',
];

export interface TestService {
  running: RunningService;
  database: TestDatabase;
  bus: NatsEventBus;
  /** Calls the subgraph as the gateway does; admin unless another caller is given. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unnecessary-type-parameters -- answers are untyped JSON; a test names the shape it reads
  call<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: ReturnType<typeof callers.admin>,
  ): Promise<{ data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  publish(type: string, unit: string | null, data: unknown, id?: string): Promise<DomainEvent>;
  /** Polls until check passes or the time runs out; returns the milliseconds it took. */
  until(check: () => Promise<boolean>, timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

/** The performance subgraph on a fresh MariaDB database and its own NATS namespace, seeded. */
export async function startTestService(label: string): Promise<TestService> {
  const database = await freshMysqlDatabase(performanceService, label);
  const bus = await isolatedNatsBus(`perf_${label}`);
  const running = await startService(performanceService, {
    database,
    bus,
    secrets: TEST_SECRETS,
    logger: createLogger('test', 'silent'),
    port: 0,
    host: '127.0.0.1',
    seed: true,
    // This service emits no events; a slow relay keeps its polling out of the SQL counts the tests measure.
    relay: { intervalMs: 3_600_000 },
  });
  return {
    running,
    database,
    bus,
    call: (query, variables = {}, caller = callers.admin()) =>
      callSubgraph(running.url, query, variables, { caller, secret: TEST_SECRETS.internalSecret }),
    publish: async (type, unit, data, id = randomUUID()) => {
      const event: DomainEvent = { id, type, unit, occurredAt: new Date().toISOString(), version: 1, data };
      await bus.publish(event);
      return event;
    },
    until: (check, timeoutMs = 30000) => until('condition', check, timeoutMs),
    stop: async () => {
      await stopTestService({ running, database, bus });
    },
  };
}

export const registerUnits = (s: TestService) =>
  Promise.all(UNITS.map((code) => s.publish('training.unit.registered', code, { code, name: `Unit ${code}` })));
