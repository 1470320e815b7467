import { answerHelp } from './cli.usage';
import { SERVICES } from '@kesos/gateway';
import { ConfigReader, describeStartupError, exitWithMessage, readDistributedConfig } from '@kesos/infra';
import { join } from 'node:path';
import type { ChildSpec } from './supervisor';
import { Supervisor } from './supervisor';

const USAGE = `Usage: npm run start:services

The distributed mode on one machine, as docker-compose runs it: each subgraph (TRAINING_PORT,
BUDGET_PORT, PERFORMANCE_PORT, default 4001-4003) and the gateway (GATEWAY_PORT or PORT, default
4000) as its own process against MariaDB and NATS JetStream, each restarted with a backoff when it
exits. Run npm run migrate first. Configuration: README "Configuration".

Options:
  --help   this text
`;
answerHelp(USAGE);

/**
 * The four processes and their ports: each subgraph on <NAME>_PORT (default 4001-4003), the
 * gateway on GATEWAY_PORT (or PORT, default 4000) pointed at the subgraphs' ports.
 */
export function servicePlan(reader: ConfigReader, root: string): ChildSpec[] {
  const specs: ChildSpec[] = [];
  const urls: Record<string, string> = {};
  for (const def of SERVICES) {
    const port = reader.port(`${def.name.toUpperCase()}_PORT`, def.defaultPort);
    urls[`${def.name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}/graphql`;
    specs.push({
      name: def.name,
      args: [join(root, 'services', def.name, 'dist', 'main.js')],
      env: { PORT: String(port) },
    });
  }
  const gatewayPort = reader.port('GATEWAY_PORT', reader.port('PORT', 4000));
  specs.push({
    name: 'gateway',
    args: [join(root, 'gateway', 'dist', 'main.js')],
    env: { ...urls, PORT: String(gatewayPort) },
  });
  const taken = new Map<string, string>();
  for (const s of specs) {
    const other = taken.get(s.env.PORT);
    if (other) reader.problem(`${s.name} and ${other} are both set to port ${s.env.PORT}`);
    taken.set(s.env.PORT, s.name);
  }
  return specs;
}

/**
 * `npm run start:services`: the distributed mode on one machine, as docker-compose runs it:
 * each subgraph and the gateway as its own process against MySQL and NATS JetStream, each
 * restarted with a backoff when it exits. Run `npm run migrate` first.
 */
function main(): void {
  const reader = new ConfigReader();
  readDistributedConfig(reader, 0);
  const root = join(__dirname, '..', '..');
  const specs = servicePlan(reader, root);
  try {
    reader.done();
  } catch (err) {
    exitWithMessage(describeStartupError(err));
  }
  const supervisor = new Supervisor(specs, { cwd: root });
  supervisor.start();
  const stop = () => void supervisor.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) main();
