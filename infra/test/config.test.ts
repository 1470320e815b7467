import {
  ConfigError,
  ConfigReader,
  readDistributedConfig,
  readPlatformConfig,
  readTrustProxy,
  resolveJwtSecret,
  resolveSecrets,
} from '../src';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('configuration', () => {
  it('reports every bad or missing value at once', () => {
    const reader = new ConfigReader({
      MYSQL_URL: 'postgres://x',
      PORT: '99999',
      LOG_LEVEL: 'loud',
      NATS_NAMESPACE: 'Bad Name',
    });
    readDistributedConfig(reader, 4001);
    let error: ConfigError | undefined;
    try {
      reader.done();
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('MYSQL_URL must use mysql or mariadb://'),
        expect.stringContaining('PORT must be a port number'),
        expect.stringContaining('LOG_LEVEL must be one of'),
        expect.stringContaining('NATS_URL is required'),
        expect.stringContaining('NATS_NAMESPACE may hold only'),
      ]),
    );
  });

  it('accepts a complete distributed configuration with defaults', () => {
    const reader = new ConfigReader({
      MYSQL_URL: 'mysql://root@127.0.0.1:3306',
      NATS_URL: 'nats://127.0.0.1:4222',
      JWT_SECRET: 'j'.repeat(32),
      INTERNAL_SECRET: 'i'.repeat(32),
      PERSONAL_DATA_KEY: 'p'.repeat(32),
    });
    const config = readDistributedConfig(reader, 4002);
    reader.done();
    expect(config).toMatchObject({ port: 4002, databasePrefix: 'kesos', logLevel: 'info', dataDir: './data' });
  });

  it('requires the secrets, 32 bytes or more, in production and in the distributed mode, and writes no development key', () => {
    const problems = (env: Record<string, string>, requireSecrets = false) => {
      const reader = new ConfigReader(env);
      readPlatformConfig(reader, { requireSecrets });
      try {
        reader.done();
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    const full = { JWT_SECRET: 'j'.repeat(32), INTERNAL_SECRET: 'i'.repeat(32), PERSONAL_DATA_KEY: 'p'.repeat(32) };
    expect(problems({})).toEqual([]);
    expect(problems({ NODE_ENV: 'production' })).toEqual(
      ['JWT_SECRET', 'INTERNAL_SECRET', 'PERSONAL_DATA_KEY'].map((v) =>
        expect.stringContaining(`${v} is required in production`),
      ),
    );
    expect(problems({}, true)).toHaveLength(3);
    expect(problems({ ...full, INTERNAL_SECRET: 'short' }, true)).toEqual([
      'INTERNAL_SECRET must be at least 32 bytes, got 5 (e.g. openssl rand -hex 32)',
    ]);
    expect(problems({ ...full, NODE_ENV: 'production' })).toEqual([]);
    const dataDir = mkdtempSync(join(tmpdir(), 'kesos-secrets-'));
    const production = readPlatformConfig(
      new ConfigReader({ NODE_ENV: 'production', DATA_DIR: dataDir, JWT_SECRET: full.JWT_SECRET }),
    );
    expect(() => resolveSecrets(production)).toThrow(
      'INTERNAL_SECRET is required in production and in the distributed mode; PERSONAL_DATA_KEY is required',
    );
    expect(resolveJwtSecret(production)).toBe(full.JWT_SECRET);
    expect(existsSync(join(dataDir, 'dev-keys.json'))).toBe(false);
  });

  it('reads TRUST_PROXY as a number of proxy hops, 0 by default, and names it when it is not one', () => {
    const read = (value?: string) => {
      const reader = new ConfigReader(value === undefined ? {} : { TRUST_PROXY: value });
      const hops = readTrustProxy(reader);
      try {
        reader.done();
        return hops;
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(read()).toBe(0);
    expect(read('')).toBe(0);
    expect(read('0')).toBe(0);
    expect(read(' 2 ')).toBe(2);
    for (const bad of ['true', '-1', '1.5', '11', '1e1'])
      expect(read(bad)).toEqual([
        `TRUST_PROXY must be the number of proxies in front of the gateway, 0-10 (0: none, count the TCP peer), got "${bad}"`,
      ]);
  });
});
