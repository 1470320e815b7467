import { ConfigReader, natsServerList, readDistributedConfig, readNatsReplicas, readNatsServers } from '../src';

describe('NATS_URL and NATS_REPLICAS', () => {
  it('NATS_URL lists the nodes of a cluster, separated by commas', () => {
    const reader = new ConfigReader({ NATS_URL: 'nats://n1:4222, nats://n2:4222,nats://n3:4222' });
    const url = readNatsServers(reader);
    reader.done();
    expect(url).toBe('nats://n1:4222,nats://n2:4222,nats://n3:4222');
    expect(natsServerList(url)).toEqual(['nats://n1:4222', 'nats://n2:4222', 'nats://n3:4222']);
  });

  it('names each bad entry of NATS_URL', () => {
    const reader = new ConfigReader({ NATS_URL: 'nats://n1:4222,http://n2:8222,n3' });
    readNatsServers(reader);
    expect(() => reader.done()).toThrow(
      'invalid configuration: NATS_URL must use nats://, got "http://" in "http://n2:8222"; NATS_URL holds "n3", which is not a valid URL (e.g. nats://127.0.0.1:4222)',
    );
  });

  it('NATS_REPLICAS is 1 unless set, at most 5', () => {
    expect(readNatsReplicas(new ConfigReader({}))).toBe(1);
    expect(readNatsReplicas(new ConfigReader({ NATS_REPLICAS: '3' }))).toBe(3);
    for (const [value, problem] of [
      ['0', 'NATS_REPLICAS must be an integer >= 1, got "0"'],
      ['7', 'NATS_REPLICAS must be at most 5 (NATS keeps at most 5 copies), got 7'],
    ]) {
      const reader = new ConfigReader({ NATS_REPLICAS: value });
      readNatsReplicas(reader);
      expect(() => reader.done()).toThrow(problem);
    }
  });

  it('a subgraph reads both with the rest of its configuration', () => {
    const reader = new ConfigReader({
      MYSQL_URL: 'mysql://root@127.0.0.1:3306',
      NATS_URL: 'nats://127.0.0.1:4222,nats://127.0.0.1:4223',
      NATS_REPLICAS: '3',
      JWT_SECRET: 'j'.repeat(32),
      INTERNAL_SECRET: 'i'.repeat(32),
      PERSONAL_DATA_KEY: 'p'.repeat(32),
    });
    const config = readDistributedConfig(reader, 4001);
    reader.done();
    expect(config).toMatchObject({ natsUrl: 'nats://127.0.0.1:4222,nats://127.0.0.1:4223', natsReplicas: 3 });
  });
});
