import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlatformConfig } from '../config/platform.config';

export interface Secrets {
  jwtSecret: string;
  internalSecret: string;
}

/**
 * Configured secrets win. Without them, a development key pair is created once under the data
 * folder (never committed), so `npm start` and `npm run token` agree with nothing to set up.
 */
export function resolveSecrets(config: Pick<PlatformConfig, 'jwtSecret' | 'internalSecret' | 'dataDir'>): Secrets {
  if (config.jwtSecret && config.internalSecret) return { jwtSecret: config.jwtSecret, internalSecret: config.internalSecret };
  const file = join(config.dataDir, 'dev-keys.json');
  let dev: Secrets;
  if (existsSync(file)) {
    dev = JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    dev = { jwtSecret: randomBytes(32).toString('hex'), internalSecret: randomBytes(32).toString('hex') };
    writeFileSync(file, JSON.stringify(dev, null, 2), { mode: 0o600, flag: 'wx' });
  }
  return { jwtSecret: config.jwtSecret ?? dev.jwtSecret, internalSecret: config.internalSecret ?? dev.internalSecret };
}
