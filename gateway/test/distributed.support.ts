import type { RunningService } from '@kesos/infra';
import { createLogger, NatsEventBus, OutboxEventEntity, startService } from '@kesos/infra';
import { IsNull } from 'typeorm';
import type { TestDatabase } from '@kesos/infra/testing';
import { freshMysqlDatabase, isolatedNatsBus, settleEvents, TEST_SECRETS } from '@kesos/infra/testing';
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { RunningGateway } from '../src';
import { PUBLIC_ROOT_FIELDS, SERVICES, startGateway, SUPERGRAPH_FILE } from '../src';
import type { TestGraph } from './support';

export interface DistributedGraph extends TestGraph {
  gateway: RunningGateway;
  services: RunningService[];
  buses: NatsEventBus[];
  /** One per service, in the order of SERVICES; dropped when the graph stops. */
  databases: TestDatabase[];
  settle(): Promise<void>;
}

export interface DistributedGraphOptions {
  /**
   * false: the seed's records without its events (marked published, never sent). For tests of
   * one subgraph's own writes, which otherwise share the machine with consumers applying the
   * seed's thousands of events, and wait for them when the graph stops.
   */
  seedEvents?: boolean;
  /** Where the services and the gateway log (silent by default). */
  logger?: Logger;
}

/**
 * The distributed mode in one test process: each subgraph on its own freshly migrated and
 * seeded MariaDB database (as `npm run migrate` leaves it) with its own NATS connection in a
 * namespace of this test, and the gateway in front.
 */
export async function startDistributedTestGraph(
  label: string,
  options: DistributedGraphOptions = {},
): Promise<DistributedGraph> {
  const logger = options.logger ?? createLogger('test', 'silent');
  const services: RunningService[] = [];
  const buses: NatsEventBus[] = [];
  const databases: TestDatabase[] = [];
  const namespaceBus = await isolatedNatsBus(label);
  buses.push(namespaceBus);
  for (const def of SERVICES) {
    const database = await freshMysqlDatabase(def, label);
    databases.push(database);
    await def.seed(database.dataSource, logger);
    if (options.seedEvents === false)
      await database.dataSource
        .getRepository(OutboxEventEntity)
        .update({ publishedAt: IsNull() }, { publishedAt: new Date() });
    // Every service gets its own connection, as separate processes would, in the shared namespace.
    const bus =
      services.length === 0
        ? namespaceBus
        : await NatsEventBus.connect(process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222', undefined, {
            namespace: namespaceBus.namespace,
          });
    if (bus !== namespaceBus) buses.push(bus);
    services.push(
      await startService(def, {
        database,
        bus,
        secrets: TEST_SECRETS,
        logger,
        port: 0,
        host: '127.0.0.1',
        relay: { intervalMs: 100 },
      }),
    );
  }
  const gateway = await startGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: Object.fromEntries(services.map((s) => [s.name, s.url])),
    publicRootFields: PUBLIC_ROOT_FIELDS,
    secrets: TEST_SECRETS,
    logger,
    port: 0,
    host: '127.0.0.1',
  });
  return {
    gateway,
    services,
    buses,
    databases,
    /** Publishes every outbox and waits until every consumer has applied what it was sent. */
    settle: () =>
      settleEvents(
        services.map((s) => s.relay),
        buses,
      ),
    stop: async () => {
      await gateway.stop();
      for (const s of services) await s.stop();
      for (const d of databases) await d.drop();
      await namespaceBus.deleteNamespaceStreams();
      for (const b of buses) await b.close();
    },
  };
}
