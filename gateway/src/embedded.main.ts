import {
  ConfigReader,
  createLogger,
  describeStartupError,
  exitWithMessage,
  onTermination,
  readPlatformConfig,
  readTrustProxy,
  resolveSecrets,
  startTracingOrExit,
} from '@kesos/infra';
import { startEmbedded } from './embedded';
import { readCostLimits } from './query.cost';
import { readSubgraphTimeouts } from './subgraph.datasource';

/** `npm start`: the whole graph in one process with nothing to configure. */
async function main(): Promise<void> {
  const started = Date.now();
  const tracing = startTracingOrExit('embedded');
  const reader = new ConfigReader();
  const config = readPlatformConfig(reader);
  const port = reader.port('PORT', 4000);
  const subgraphTimeouts = readSubgraphTimeouts(reader);
  const costLimits = readCostLimits(reader);
  const trustProxy = readTrustProxy(reader);
  try {
    reader.done();
  } catch (err) {
    exitWithMessage(describeStartupError(err));
  }
  const logger = createLogger('embedded', config.logLevel);
  let system;
  try {
    system = await startEmbedded({
      dataDir: config.dataDir,
      port,
      logger,
      secrets: resolveSecrets(config),
      maxRequestBytes: config.maxRequestBytes,
      subgraphTimeouts,
      costLimits,
      trustProxy,
    });
  } catch (err) {
    const e = err as { code?: string };
    if (e.code === 'EADDRINUSE') exitWithMessage(`port ${port} is in use; stop the other process or set PORT`);
    exitWithMessage(`embedded start failed: ${describeStartupError(err)}`);
  }
  logger.info(
    { url: system.gateway.url, ms: Date.now() - started },
    `graph ready at ${system.gateway.url} (explorer at http://localhost:${system.gateway.http.port}/)`,
  );
  onTermination(async () => {
    await system.stop();
    await tracing.shutdown();
  });
}

void main();
