import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config.loader';
import { type PlatformConfig, secretProblem } from '../config/platform.config';

export interface Secrets {
  jwtSecret: string;
  internalSecret: string;
  /** Encrypts and hashes personal identifiers (NIK); separate so the others can rotate alone. */
  personalDataKey: string;
}

const newKey = (): string => randomBytes(32).toString('hex');

const VARIABLES = {
  jwtSecret: 'JWT_SECRET',
  internalSecret: 'INTERNAL_SECRET',
  personalDataKey: 'PERSONAL_DATA_KEY',
} as const;

/**
 * Configured secrets win. Without them, a development key pair is created once under the data
 * folder (never committed), so `npm start` and `npm run token` agree with nothing to set up;
 * where secrets are required (production, distributed mode) a missing one is refused instead.
 */
export function resolveSecrets(
  config: Pick<PlatformConfig, 'jwtSecret' | 'internalSecret' | 'personalDataKey' | 'dataDir'> & {
    secretsRequired?: boolean;
  },
): Secrets {
  if (config.jwtSecret && config.internalSecret && config.personalDataKey) {
    return {
      jwtSecret: config.jwtSecret,
      internalSecret: config.internalSecret,
      personalDataKey: config.personalDataKey,
    };
  }
  if (config.secretsRequired) {
    const missing = (Object.keys(VARIABLES) as (keyof typeof VARIABLES)[]).filter((k) => !config[k]);
    throw new ConfigError(missing.map((k) => `${VARIABLES[k]} is required in production and in the distributed mode`));
  }
  const file = join(config.dataDir, 'dev-keys.json');
  let dev: Partial<Secrets> = {};
  if (existsSync(file)) dev = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  if (!dev.jwtSecret || !dev.internalSecret || !dev.personalDataKey) {
    dev = {
      jwtSecret: dev.jwtSecret ?? newKey(),
      internalSecret: dev.internalSecret ?? newKey(),
      personalDataKey: dev.personalDataKey ?? newKey(),
    };
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(dev, null, 2), { mode: 0o600 });
  }
  return {
    jwtSecret: config.jwtSecret ?? dev.jwtSecret!,
    internalSecret: config.internalSecret ?? dev.internalSecret!,
    personalDataKey: config.personalDataKey ?? dev.personalDataKey!,
  };
}

/** Tools that only sign tokens (token, generate) need the JWT key alone, also where the other secrets live elsewhere. */
export function resolveJwtSecret(
  config: Pick<PlatformConfig, 'jwtSecret' | 'internalSecret' | 'personalDataKey' | 'dataDir' | 'secretsRequired'>,
): string {
  if (config.jwtSecret) {
    const problem = secretProblem(VARIABLES.jwtSecret, config.jwtSecret);
    if (problem) throw new ConfigError([problem]);
    return config.jwtSecret;
  }
  if (config.secretsRequired)
    throw new ConfigError([`${VARIABLES.jwtSecret} is required in production and in the distributed mode`]);
  return resolveSecrets(config).jwtSecret;
}
