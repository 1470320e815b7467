import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { IDENTITY_HEADER, verifyIdentity } from '../auth/identity.header';
import type { Secrets } from '../auth/secrets';
import type { EventBus, Subscription } from '../bus/event-bus';
import type { RequestContext } from '../context/request.context';
import { Database, LoaderRegistry } from '../context/request.context';
import type { ServiceDataSource } from '../database/data-source.factory';
import { poolConnections } from '../database/data-source.factory';
import type { QueryCounter } from '../database/query-counter';
import { hideSuggestionsPlugin, introspectionByDefault } from '../guard/suggestions.plugin';
import {
  errorMaskingPlugin,
  metricsPlugin,
  operationResolutionPlugin,
  publicAccessPlugin,
  refusalStatusPlugin,
} from '../http/apollo.plugins';
import { metrics } from '../metrics/metrics.registry';
import type { RunningHttpServer } from '../http/http.server';
import { startHttpServer } from '../http/http.server';
import { startConsumers } from '../outbox/event.consumer';
import { OutboxEventEntity, ProcessedEventEntity } from '../outbox/outbox.entity';
import type { RelayOptions } from '../outbox/outbox.relay';
import { OutboxRelay } from '../outbox/outbox.relay';
import { buildFederatedSchema } from '../schema/federated-schema.builder';
import type { ServiceDefinition } from './service.definition';

/** Tables every service has besides its own: the outbox and the consumers' processed events. */
export const PLATFORM_ENTITIES = [OutboxEventEntity, ProcessedEventEntity];

export const serviceEntities = (def: Pick<ServiceDefinition, 'entities'>) => [...def.entities, ...PLATFORM_ENTITIES];

export interface StartServiceOptions {
  database: ServiceDataSource;
  /**
   * A read-only replica of `database` (MYSQL_READ_URL) for the reads that tolerate lag
   * (`ctx.db.reader`); without it those reads go to `database` too.
   */
  replica?: ServiceDataSource;
  bus: EventBus;
  secrets: Secrets;
  logger: Logger;
  port: number;
  host?: string;
  relay?: RelayOptions;
  maxRequestBytes?: number;
  /** Seed an empty database at start (embedded mode). */
  seed?: boolean;
  /** Schema introspection, and with it field suggestions in errors; default: off in production. */
  introspection?: boolean;
}

export interface RunningService {
  name: string;
  url: string;
  schema: GraphQLSchema;
  dataSource: DataSource;
  queries: QueryCounter;
  relay: OutboxRelay;
  http: RunningHttpServer;
  stop(): Promise<void>;
}

export async function startService(def: ServiceDefinition, options: StartServiceOptions): Promise<RunningService> {
  const logger = options.logger.child({ service: def.name });
  const { dataSource, queries } = options.database;
  if (!dataSource.isInitialized) await dataSource.initialize();
  const replica = options.replica?.dataSource;
  if (replica && !replica.isInitialized) await replica.initialize();
  if (options.seed && (await def.seed(dataSource, logger))) logger.info('seed data loaded');

  const schema = await buildFederatedSchema(def.schema);
  const introspection = options.introspection ?? introspectionByDefault();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    // The process's main stops everything in order on SIGTERM (onTermination); Apollo's own
    // handler would stop this server alone and then kill the process before the rest.
    stopOnTerminationSignals: false,
    introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // Inline traces only serve Apollo's hosted studio, which this graph never calls.
    plugins: [
      operationResolutionPlugin<RequestContext>(),
      errorMaskingPlugin<RequestContext>(logger),
      metricsPlugin<RequestContext>(def.name),
      refusalStatusPlugin<RequestContext>(),
      publicAccessPlugin<RequestContext>(def.publicRootFields ?? []),
      ApolloServerPluginInlineTraceDisabled(),
      ...(introspection ? [] : [hideSuggestionsPlugin<RequestContext>()]),
    ],
  });
  await apollo.start();

  const relay = new OutboxRelay(dataSource, options.bus, logger, { ...options.relay, service: def.name });
  const probeKey = `${def.name}:${randomUUID()}`;
  const unprobe = [
    metrics.probe(metrics.outboxPending, probeKey, async (gauge) => {
      gauge.inc({ service: def.name }, await relay.pendingCount().catch(() => 0));
    }),
    metrics.probe(metrics.dbPool, probeKey, (gauge) => {
      const pool = poolConnections(dataSource);
      if (!pool) return;
      gauge.inc({ service: def.name, state: 'in_use' }, pool.inUse);
      gauge.inc({ service: def.name, state: 'idle' }, pool.idle);
      gauge.inc({ service: def.name, state: 'waiting' }, pool.waiting);
    }),
  ];
  const db = new Database(dataSource, () => relay.nudge(), replica);
  const subscriptions: Subscription[] = await startConsumers(def.name, def.consumers, dataSource, options.bus, logger);

  const http = await startHttpServer<RequestContext>(
    {
      apollo,
      logger,
      maxBodyBytes: options.maxRequestBytes,
      context: async (req) => {
        const header = req.headers[IDENTITY_HEADER];
        const identity = verifyIdentity(Array.isArray(header) ? header[0] : header, options.secrets.internalSecret);
        const requestId = identity.requestId || randomUUID();
        return {
          caller: identity.caller,
          requestId,
          logger: logger.child({ requestId }),
          loaders: new LoaderRegistry(),
          db,
        };
      },
      readiness: async () => ({
        database: await dataSource.query('SELECT 1').then(
          () => 'ok',
          (e: unknown) => (e as Error).message,
        ),
        bus: await options.bus.ping().then(
          () => 'ok',
          (e: unknown) => (e as Error).message,
        ),
      }),
    },
    options.port,
    options.host,
  );
  relay.start();
  logger.info({ url: http.url }, `${def.name} subgraph ready`);

  return {
    name: def.name,
    url: http.url,
    schema,
    dataSource,
    queries,
    relay,
    http,
    stop: async () => {
      for (const remove of unprobe) remove();
      await http.close();
      await apollo.stop();
      for (const s of subscriptions) await s.stop();
      await relay.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
      if (replica?.isInitialized) await replica.destroy();
    },
  };
}
