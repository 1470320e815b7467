import { createLogger, startService } from '@kesos/infra';
import type { GraphQLResponse } from '@kesos/infra/testing';
import {
  callers,
  callSubgraph,
  freshMysqlDatabase,
  isolatedNatsBus,
  stopTestService,
  TEST_SECRETS,
} from '@kesos/infra/testing';
import type { Caller, DomainEvent, NatsEventBus, RunningService } from '@kesos/infra';
import { budgetService } from '../src';

export const PADANG = 'BBPPKS-PADANG';

export interface BudgetTestService {
  running: RunningService;
  bus: NatsEventBus;
  call<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** The budget subgraph on a fresh seeded MariaDB database and its own NATS namespace. */
export async function startBudget(suffix: string): Promise<BudgetTestService> {
  const database = await freshMysqlDatabase(budgetService, suffix);
  const bus = await isolatedNatsBus(`budget_${suffix}`);
  const running = await startService(budgetService, {
    database,
    bus,
    secrets: TEST_SECRETS,
    logger: createLogger('test', 'silent'),
    port: 0,
    host: '127.0.0.1',
    seed: true,
    relay: { intervalMs: 100 },
  });
  return {
    running,
    bus,
    call: (query, variables = {}, caller = callers.admin()) =>
      callSubgraph(running.url, query, variables, { caller, secret: TEST_SECRETS.internalSecret }),
    stop: async () => {
      await stopTestService({ running, database, bus });
    },
  };
}

/** Collects every event published on a subject through a durable of its own. */
export async function collect(
  bus: NatsEventBus,
  durable: string,
  subject: string,
): Promise<{ events: DomainEvent[]; stop(): Promise<void> }> {
  const events: DomainEvent[] = [];
  const sub = await bus.subscribe({ durable, subject, maxDeliver: 3, handler: async (e) => void events.push(e) });
  return { events, stop: () => sub.stop() };
}

export const unitBudget = (selection: string) =>
  `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Unit { ${selection} } } }`;

export const padang = { representations: [{ __typename: 'Unit', code: PADANG }] };
