import type { ConfigReader } from './config.loader';
import { readNatsNamespace, readNatsReplicas, readNatsServers } from '../bus/nats.config';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Settings every process shares. Secrets fall back to a development key file (see auth) only outside production. */
export interface PlatformConfig {
  logLevel: LogLevel;
  /** NODE_ENV=production or the distributed mode: the secrets must be configured, never generated. */
  secretsRequired: boolean;
  /** HS256 key that signs caller tokens; undefined means the local development key. */
  jwtSecret?: string;
  /** HMAC key for the identity header the gateway forwards; undefined means the development key. */
  internalSecret?: string;
  /** Key for personal identifiers at rest; undefined means the development key. */
  personalDataKey?: string;
  /** Folder for the embedded mode's SQLite files and the development key. */
  dataDir: string;
  /** Largest request body accepted (bulk imports travel as base64 in a mutation). */
  maxRequestBytes: number;
}

export interface DistributedServiceConfig extends PlatformConfig {
  mysqlUrl: string;
  /**
   * MYSQL_READ_URL: a replica of MYSQL_URL's server (MariaDB replication) for the reads that
   * tolerate lag, the statistics; unset, they read the primary.
   */
  mysqlReadUrl?: string;
  /** Each service uses the database `<prefix>_<service>`. */
  databasePrefix: string;
  /** One nats:// URL, or the nodes of a cluster separated by commas. */
  natsUrl: string;
  /** Copies of each stream and durable consumer the service creates (NATS_REPLICAS, default 1). */
  natsReplicas: number;
  /** Optional prefix for every NATS subject and stream (several environments on one server). */
  natsNamespace?: string;
  port: number;
}

/** HS256 and HMAC-SHA256 keys shorter than the hash output (32 bytes) weaken them. */
export const MIN_SECRET_BYTES = 32;

/** What is wrong with a configured secret, if anything. */
export function secretProblem(name: string, value: string): string | null {
  const bytes = Buffer.byteLength(value, 'utf8');
  return bytes < MIN_SECRET_BYTES
    ? `${name} must be at least ${MIN_SECRET_BYTES} bytes, got ${bytes} (e.g. openssl rand -hex 32)`
    : null;
}

function secret(reader: ConfigReader, name: string, required: boolean): string | undefined {
  const value = reader.optional(name);
  if (value === undefined) {
    if (required)
      reader.problem(
        `${name} is required in production and in the distributed mode (at least ${MIN_SECRET_BYTES} bytes, e.g. openssl rand -hex 32)`,
      );
    return undefined;
  }
  const problem = secretProblem(name, value);
  if (problem) reader.problem(problem);
  return value;
}

/** `requireSecrets`: the caller is a process of the distributed mode, where secrets are always configured. */
export function readPlatformConfig(reader: ConfigReader, options: { requireSecrets?: boolean } = {}): PlatformConfig {
  const secretsRequired = options.requireSecrets === true || reader.optional('NODE_ENV') === 'production';
  return {
    logLevel: reader.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    secretsRequired,
    jwtSecret: secret(reader, 'JWT_SECRET', secretsRequired),
    internalSecret: secret(reader, 'INTERNAL_SECRET', secretsRequired),
    personalDataKey: secret(reader, 'PERSONAL_DATA_KEY', secretsRequired),
    dataDir: reader.string('DATA_DIR', './data'),
    maxRequestBytes: reader.int('MAX_REQUEST_BYTES', 32 * 1024 * 1024, 1024),
  };
}

export function readDistributedConfig(reader: ConfigReader, defaultPort: number): DistributedServiceConfig {
  const config: DistributedServiceConfig = {
    ...readPlatformConfig(reader, { requireSecrets: true }),
    mysqlUrl: reader.url('MYSQL_URL', ['mysql', 'mariadb']) ?? '',
    mysqlReadUrl: reader.url('MYSQL_READ_URL', ['mysql', 'mariadb']),
    databasePrefix: reader.string('DATABASE_PREFIX', 'kesos'),
    natsUrl: readNatsServers(reader),
    natsReplicas: readNatsReplicas(reader),
    natsNamespace: readNatsNamespace(reader),
    port: reader.port('PORT', defaultPort),
  };
  if (!config.mysqlUrl && !reader.optional('MYSQL_URL'))
    reader.problem('MYSQL_URL is required (e.g. mysql://root@127.0.0.1:3306)');
  if (!config.natsUrl && !reader.optional('NATS_URL'))
    reader.problem('NATS_URL is required (e.g. nats://127.0.0.1:4222)');
  if (!/^[a-z0-9_]+$/.test(config.databasePrefix))
    reader.problem(`DATABASE_PREFIX may hold only a-z, 0-9 and _, got "${config.databasePrefix}"`);
  return config;
}

/**
 * TRUST_PROXY: how many proxies (load balancers) stand in front of the gateway, each appending to
 * X-Forwarded-For. 0, the default, counts rate limits by the TCP peer: a gateway reached
 * directly must not believe a header any client can write.
 */
export function readTrustProxy(reader: ConfigReader): number {
  const raw = reader.optional('TRUST_PROXY');
  if (raw === undefined) return 0;
  const hops = Number(raw);
  if (!/^\d+$/.test(raw) || hops > 10) {
    reader.problem(
      `TRUST_PROXY must be the number of proxies in front of the gateway, 0-10 (0: none, count the TCP peer), got "${raw}"`,
    );
    return 0;
  }
  return hops;
}
