import type { RunningService, Secrets } from '@kesos/infra';
import { createDataSource, MemoryEventBus, resolveSecrets, serviceEntities, startService } from '@kesos/infra';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { RunningGateway } from './gateway.server';
import { startGateway } from './gateway.server';
import { PUBLIC_ROOT_FIELDS, SERVICES } from './services';
import type { CostLimits } from './query.cost';
import type { SubgraphTimeouts } from './subgraph.datasource';

export const SUPERGRAPH_FILE = join(__dirname, '..', 'supergraph.graphql');

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  logger: Logger;
  secrets?: Secrets;
  /** `:memory:` databases instead of files (tests). */
  inMemory?: boolean;
  maxRequestBytes?: number;
  subgraphTimeouts?: Partial<SubgraphTimeouts>;
  /** Query cost limit per role (QUERY_COST_LIMIT_<ROLE>); default DEFAULT_COST_LIMITS. */
  costLimits?: Partial<CostLimits>;
  /** TRUST_PROXY: proxies in front whose X-Forwarded-For entries rate limits believe. */
  trustProxy?: number;
}

export interface EmbeddedSystem {
  gateway: RunningGateway;
  services: RunningService[];
  bus: MemoryEventBus;
  secrets: Secrets;
  stop(): Promise<void>;
}

/**
 * The embedded default: the three subgraphs and the gateway in one process, each subgraph with
 * its own SQLite file and HTTP port on loopback, one in-process bus. Everything above the
 * database and bus interfaces is the code the distributed mode runs.
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedSystem> {
  const secrets = options.secrets ?? resolveSecrets({ dataDir: options.dataDir });
  const maxRequestBytes = options.maxRequestBytes;
  const bus = new MemoryEventBus(options.logger);
  const services: RunningService[] = [];
  try {
    for (const def of SERVICES) {
      const file = options.inMemory ? ':memory:' : join(options.dataDir, `${def.name}.sqlite`);
      const database = createDataSource({
        target: { kind: 'sqlite', file },
        entities: serviceEntities(def),
        synchronize: true,
      });
      services.push(
        await startService(def, {
          database,
          bus,
          secrets,
          logger: options.logger,
          port: 0,
          host: '127.0.0.1',
          seed: true,
          relay: { intervalMs: 200 },
          maxRequestBytes,
        }),
      );
    }
    const gateway = await startGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
      subgraphUrls: Object.fromEntries(services.map((s) => [s.name, s.url])),
      publicRootFields: PUBLIC_ROOT_FIELDS,
      secrets,
      logger: options.logger,
      port: options.port,
      maxRequestBytes,
      subgraphTimeouts: options.subgraphTimeouts,
      limits: { maxCost: options.costLimits },
      trustProxy: options.trustProxy,
    });
    return {
      gateway,
      services,
      bus,
      secrets,
      stop: async () => {
        await gateway.stop();
        for (const s of services) await s.stop();
        await bus.close();
      },
    };
  } catch (err) {
    for (const s of services) await s.stop().catch(() => undefined);
    throw err;
  }
}
