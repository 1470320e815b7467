import type { Logger } from 'pino';
import { resolveSecrets } from '../auth/secrets';
import { NatsEventBus } from '../bus/nats.event-bus';
import { ConfigError, ConfigReader } from '../config/config.loader';
import type { DistributedServiceConfig } from '../config/platform.config';
import { readDistributedConfig } from '../config/platform.config';
import type { ServiceDataSource } from '../database/data-source.factory';
import { createDataSource } from '../database/data-source.factory';
import { createLogger } from '../logging/logger';
import type { Tracing } from '../tracing/tracing.setup';
import { startTracing } from '../tracing/tracing.setup';
import type { ServiceDefinition } from './service.definition';
import { serviceEntities, startService } from './service.runtime';

/** Prints one line that says what to fix and exits non-zero: no stack trace for operators. */
export function exitWithMessage(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

export function describeStartupError(err: unknown): string {
  if (err instanceof ConfigError) return err.message;
  const e = err as { code?: string; message?: string };
  return e.code ? `${e.code}: ${e.message ?? ''}`.trim() : (e.message ?? String(err));
}

/** Starts tracing as the OTEL_* variables say (see startTracing), or exits naming the bad variable. */
export function startTracingOrExit(serviceName: string): Tracing {
  try {
    return startTracing(serviceName);
  } catch (err) {
    exitWithMessage(describeStartupError(err));
  }
}

/**
 * Runs `stop` once on SIGTERM or SIGINT, then exits (0, or 1 with one line if stopping failed).
 * A repeated signal is ignored while `stop` runs: `npm start` forwards the terminal's Ctrl-C to a
 * process that has received it already, and Node's default handling of the second one would end
 * the process before it stopped in order and exported its last spans.
 */
export function onTermination(stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (err: unknown) => exitWithMessage(`stopping failed: ${describeStartupError(err)}`),
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

export const databaseName = (config: Pick<DistributedServiceConfig, 'databasePrefix'>, service: string): string =>
  `${config.databasePrefix}_${service}`;

export function mysqlDataSource(
  def: ServiceDefinition,
  config: Pick<DistributedServiceConfig, 'mysqlUrl' | 'databasePrefix'>,
): ServiceDataSource {
  return createDataSource({
    target: { kind: 'mysql', url: config.mysqlUrl, database: databaseName(config, def.name) },
    entities: serviceEntities(def),
    migrations: def.migrations,
  });
}

/**
 * The replica's DataSource for the same database when MYSQL_READ_URL is set: the same entities,
 * no migrations (the replica's schema arrives by replication), and the primary's statement counter.
 */
export function mysqlReplicaDataSource(
  def: Pick<ServiceDefinition, 'name' | 'entities'>,
  config: Pick<DistributedServiceConfig, 'mysqlReadUrl' | 'databasePrefix'>,
  primary: ServiceDataSource,
): ServiceDataSource | undefined {
  if (!config.mysqlReadUrl) return undefined;
  return createDataSource({
    target: { kind: 'mysql', url: config.mysqlReadUrl, database: databaseName(config, def.name) },
    entities: serviceEntities(def),
    queries: primary.queries,
  });
}

/** Entry point of a subgraph process in the distributed mode (MySQL + NATS JetStream). */
export async function runDistributedService(def: ServiceDefinition): Promise<void> {
  const tracing = startTracingOrExit(def.name);
  let config: DistributedServiceConfig;
  const reader = new ConfigReader();
  try {
    config = readDistributedConfig(reader, def.defaultPort);
    reader.done();
  } catch (err) {
    exitWithMessage(describeStartupError(err));
  }
  const logger: Logger = createLogger(def.name, config.logLevel);
  const database = mysqlDataSource(def, config);
  try {
    await database.dataSource.initialize();
  } catch (err) {
    exitWithMessage(
      `cannot open MySQL database ${databaseName(config, def.name)} at ${new URL(config.mysqlUrl).host} (${describeStartupError(err)}); start MariaDB/MySQL, check MYSQL_URL, and run npm run migrate`,
    );
  }
  if (await database.dataSource.showMigrations())
    exitWithMessage(`database ${databaseName(config, def.name)} has pending migrations; run npm run migrate first`);
  const replica = mysqlReplicaDataSource(def, config, database);
  if (replica && config.mysqlReadUrl) {
    try {
      await replica.dataSource.initialize();
    } catch (err) {
      exitWithMessage(
        `cannot open the replica's MySQL database ${databaseName(config, def.name)} at ${new URL(config.mysqlReadUrl).host} (${describeStartupError(err)}); start the replica, check MYSQL_READ_URL, or unset it to read statistics from MYSQL_URL`,
      );
    }
  }
  let bus: NatsEventBus;
  try {
    bus = await NatsEventBus.connect(config.natsUrl, logger, {
      namespace: config.natsNamespace,
      replicas: config.natsReplicas,
    });
  } catch (err) {
    exitWithMessage(
      `cannot connect to NATS at ${config.natsUrl} (${describeStartupError(err)}); start nats-server with JetStream (-js) or fix NATS_URL`,
    );
  }
  const service = await startService(def, {
    database,
    replica,
    bus,
    secrets: resolveSecrets(config),
    logger,
    port: config.port,
    maxRequestBytes: config.maxRequestBytes,
  });
  onTermination(async () => {
    logger.info('shutting down');
    await service.stop();
    await bus.close();
    await tracing.shutdown();
  });
}
