import { verifyJwt } from '@kesos/infra';
import { TEST_SECRETS } from '@kesos/infra/testing';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const SUBGRAPHS = ['training', 'budget', 'performance'];
const ENV = {
  MYSQL_ROOT_PASSWORD: 'root-password',
  JWT_SECRET: TEST_SECRETS.jwtSecret,
  INTERNAL_SECRET: TEST_SECRETS.internalSecret,
  PERSONAL_DATA_KEY: TEST_SECRETS.personalDataKey,
  TRAINING_DB_PASSWORD: 'training-password',
  BUDGET_DB_PASSWORD: 'budget-password',
  PERFORMANCE_DB_PASSWORD: 'performance-password',
};

describe('the Dockerfile', () => {
  const stages = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
    .replace(/^#.*$/gm, '')
    .split(/^(?=FROM )/m)
    .filter((stage) => stage.startsWith('FROM '));
  const runtime = stages[stages.length - 1] ?? '';

  it('builds in a stage of its own and prunes the dev dependencies there', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]).toMatch(/^FROM \S+ AS build$/m);
    expect(stages[0]).toMatch(/npm ci/);
    expect(stages[0]).toMatch(/npm prune --omit=dev/);
  });

  it('runs as a user other than root, with no toolchain, installs or sources in the runtime stage', () => {
    const users = [...runtime.matchAll(/^USER (\S+)/gm)].map((m) => m[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:.*)?$/);
    expect(runtime).not.toMatch(/apt-get|g\+\+|npm (ci|install)|^RUN /m);
    const copies = runtime.split('\n').filter((line) => line.startsWith('COPY '));
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.filter((line) => !line.startsWith('COPY --from=build '))).toEqual([]);
    expect(copies.filter((line) => /\/src\b|\.ts\b|tsconfig/.test(line))).toEqual([]);
  });
});

/** `docker-compose config`, the compose file resolved and validated (CI installs Debian's docker-compose when missing). */
async function composeConfig(env: Record<string, string>, file = 'docker-compose.yml'): Promise<string> {
  const { stdout } = await run('docker-compose', ['-f', file, 'config'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return stdout;
}

/** One service's block of the resolved file (services at two spaces of indent). */
function service(config: string, name: string): string {
  const services = '\n' + config.slice(config.search(/^services:$/m));
  const start = services.indexOf(`\n  ${name}:\n`);
  expect(start).toBeGreaterThan(-1);
  const rest = services.slice(start + 1);
  const end = rest.slice(1).search(/\n {2}\S|\n\S/);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

describe('docker-compose.yml', () => {
  let config = '';
  beforeAll(async () => {
    config = await composeConfig(ENV);
  });

  it('checks every application process by its /readyz, the gateway after its subgraphs are ready', () => {
    for (const name of [...SUBGRAPHS, 'gateway']) expect(service(config, name)).toMatch(/\/readyz/);
    const gateway = service(config, 'gateway');
    for (const name of SUBGRAPHS)
      expect(gateway).toMatch(new RegExp(`\\n {6}${name}:\\n {8}condition: service_healthy`));
  });

  it('gives MariaDB root to the migrate step alone; each subgraph connects as its own account; the gateway has none', () => {
    expect(service(config, 'migrate')).toContain('MYSQL_URL: mysql://root:root-password@mariadb:3306');
    for (const name of SUBGRAPHS)
      expect(service(config, name)).toContain(`MYSQL_URL: mysql://kesos_${name}:${name}-password@mariadb:3306`);
    expect(service(config, 'gateway')).not.toContain('MYSQL_URL');
    for (const name of SUBGRAPHS)
      expect(service(config, 'migrate')).toContain(`${name.toUpperCase()}_DB_PASSWORD: ${name}-password`);
  });

  it('refuses to resolve without a service password, naming it', async () => {
    const { TRAINING_DB_PASSWORD: _omitted, ...rest } = ENV;
    const failure = await composeConfig(rest).then(
      () => '',
      (err: unknown) => String((err as { stderr?: unknown }).stderr),
    );
    expect(failure).toContain('set TRAINING_DB_PASSWORD in .env');
  });
});

describe('docker-compose.cluster.yml', () => {
  const CLUSTER = 'docker-compose.cluster.yml';
  const CLUSTER_ENV = { ...ENV, REPLICATION_PASSWORD: 'replication-password' };
  const NODES = ['nats-1', 'nats-2', 'nats-3'];
  const processes = (name: string) => [`${name}-1`, `${name}-2`];
  let config = '';
  beforeAll(async () => {
    config = await composeConfig(CLUSTER_ENV, CLUSTER);
  });

  it('runs three NATS nodes, each named, with JetStream and routes to all three in one cluster', async () => {
    for (const node of NODES) {
      const block = service(config, node);
      expect(block).toMatch(new RegExp(`- --name\\n\\s+- ${node}\\n`));
      expect(block).toContain('nats-cluster.conf:/etc/nats/nats.conf:ro');
    }
    const conf = readFileSync(join(ROOT, 'infra', 'deploy', 'nats-cluster.conf'), 'utf8');
    expect(conf).toMatch(/jetstream \{/);
    expect(conf).toMatch(/cluster \{[^}]*name: kesos/);
    expect(conf).toContain('routes: [nats://nats-1:6222, nats://nats-2:6222, nats://nats-3:6222]');
    // nats-server's own check of the file (-t parses it and exits), with the name a node is given.
    const { stderr } = await run('nats-server', [
      '-t',
      '-c',
      join(ROOT, 'infra', 'deploy', 'nats-cluster.conf'),
      '--name',
      'nats-1',
    ]);
    expect(stderr).toMatch(/is valid/);
  });

  it('runs a MariaDB primary with a binary log and a read-only replica following it by MariaDB replication', () => {
    const primary = service(config, 'mariadb-primary');
    expect(primary).toMatch(/- --server-id=1\n/);
    expect(primary).toMatch(/- --log-bin\n/);
    expect(primary).toContain('MARIADB_REPLICATION_PASSWORD: replication-password');
    const replica = service(config, 'mariadb-replica');
    expect(replica).toMatch(/- --server-id=2\n/);
    expect(replica).toMatch(/- --read-only=1\n/);
    expect(replica).toContain('MARIADB_MASTER_HOST: mariadb-primary');
    expect(replica).toContain('MARIADB_REPLICATION_PASSWORD: replication-password');
    expect(replica).toMatch(/--replication_io\n\s+- --replication_sql/);
  });

  it('runs two processes of each subgraph on every NATS node, writing to the primary and reading statistics from the replica', () => {
    for (const name of SUBGRAPHS)
      for (const process of processes(name)) {
        const block = service(config, process);
        expect(block).toContain(`services/${name}/dist/main.js`);
        expect(block).toContain('NATS_URL: nats://nats-1:4222,nats://nats-2:4222,nats://nats-3:4222');
        expect(block).toContain("NATS_REPLICAS: '3'");
        expect(block).toContain(`MYSQL_URL: mysql://kesos_${name}:${name}-password@mariadb-primary:3306`);
        expect(block).toContain(`MYSQL_READ_URL: mysql://kesos_${name}:${name}-password@mariadb-replica:3306`);
        expect(block).toMatch(/\/readyz/);
        for (const node of NODES) expect(block).toMatch(new RegExp(`\\n {6}${node}:\\n {8}condition: service_healthy`));
      }
    expect(service(config, 'migrate')).toContain('MYSQL_URL: mysql://root:root-password@mariadb-primary:3306');
  });

  it('gives the gateway both processes of each subgraph and waits until all six are ready', () => {
    const gateway = service(config, 'gateway');
    expect(gateway).not.toContain('MYSQL_URL');
    for (const name of SUBGRAPHS) {
      const port = 4001 + SUBGRAPHS.indexOf(name);
      expect(gateway).toContain(
        `${name.toUpperCase()}_URL: http://${name}-1:${port}/graphql,http://${name}-2:${port}/graphql`,
      );
      for (const process of processes(name))
        expect(gateway).toMatch(new RegExp(`\\n {6}${process}:\\n {8}condition: service_healthy`));
    }
  });

  it('refuses to resolve without the replication password, naming it', async () => {
    const failure = await composeConfig(ENV, CLUSTER).then(
      () => '',
      (err: unknown) => String((err as { stderr?: unknown }).stderr),
    );
    expect(failure).toContain('set REPLICATION_PASSWORD in .env');
  });
});

describe('a token in the compose deployment', () => {
  it('comes from the built token script with the production secrets', async () => {
    const { stdout } = await run(process.execPath, [join(ROOT, 'scripts', 'dist', 'token.js'), '--role', 'admin'], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...ENV },
    });
    expect(verifyJwt(stdout.trim(), TEST_SECRETS.jwtSecret)).toMatchObject({ role: 'admin' });
  });
});
