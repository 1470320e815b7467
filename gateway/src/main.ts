import {
  ConfigReader,
  createLogger,
  describeStartupError,
  exitWithMessage,
  NatsRateLimiter,
  onTermination,
  readNatsNamespace,
  readNatsReplicas,
  readNatsServers,
  readPlatformConfig,
  readTrustProxy,
  resolveSecrets,
  startTracingOrExit,
  VERIFY_CERTIFICATE_LIMIT,
} from '@kesos/infra';
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_FILE } from './embedded';
import { startGateway } from './gateway.server';
import { readCostLimits } from './query.cost';
import { readSubgraphTimeouts, readSubgraphUrls } from './subgraph.datasource';
import { PUBLIC_ROOT_FIELDS, SERVICES } from './services';

/**
 * The gateway process of the distributed mode; subgraph URLs (one, or replicas separated by
 * commas) come from <NAME>_URL variables, and NATS_URL, when set, holds the rate limit windows.
 */
async function main(): Promise<void> {
  const tracing = startTracingOrExit('gateway');
  const reader = new ConfigReader();
  const config = readPlatformConfig(reader, { requireSecrets: true });
  const port = reader.port('PORT', 4000);
  const subgraphTimeouts = readSubgraphTimeouts(reader);
  const costLimits = readCostLimits(reader);
  const trustProxy = readTrustProxy(reader);
  // Optional here: with NATS, the gateway processes share verifyCertificate's windows.
  const natsUrl = readNatsServers(reader);
  const natsReplicas = readNatsReplicas(reader);
  const natsNamespace = readNatsNamespace(reader);
  const subgraphUrls = Object.fromEntries(
    SERVICES.map((s) => [s.name, readSubgraphUrls(reader, s.name, `http://localhost:${s.defaultPort}/graphql`)]),
  );
  try {
    reader.done();
  } catch (err) {
    exitWithMessage(describeStartupError(err));
  }
  const logger = createLogger('gateway', config.logLevel);
  const rateLimiter = natsUrl
    ? new NatsRateLimiter(VERIFY_CERTIFICATE_LIMIT, {
        url: natsUrl,
        name: 'verify_certificate',
        namespace: natsNamespace,
        replicas: natsReplicas,
        logger,
      })
    : undefined;
  const gateway = await startGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls,
    publicRootFields: PUBLIC_ROOT_FIELDS,
    secrets: resolveSecrets(config),
    logger,
    port,
    maxRequestBytes: config.maxRequestBytes,
    subgraphTimeouts,
    limits: { maxCost: costLimits },
    trustProxy,
    rateLimiter,
  });
  onTermination(async () => {
    await gateway.stop();
    await rateLimiter?.close();
    await tracing.shutdown();
  });
}

void main();
