import { ConfigError, ConfigReader, readDistributedConfig } from '../src';

describe('configuration', () => {
  it('reports every bad or missing value at once', () => {
    const reader = new ConfigReader({ MYSQL_URL: 'postgres://x', PORT: '99999', LOG_LEVEL: 'loud', NATS_NAMESPACE: 'Bad Name' });
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
    const reader = new ConfigReader({ MYSQL_URL: 'mysql://root@127.0.0.1:3306', NATS_URL: 'nats://127.0.0.1:4222', JWT_SECRET: 'j'.repeat(32), INTERNAL_SECRET: 'i'.repeat(32), PERSONAL_DATA_KEY: 'p'.repeat(32) });
    const config = readDistributedConfig(reader, 4002);
    reader.done();
    expect(config).toMatchObject({ port: 4002, databasePrefix: 'kesos', logLevel: 'info', dataDir: './data' });
  });
});
