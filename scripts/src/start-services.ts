import { SERVICES } from '@kesos/gateway';
import { ConfigReader, describeStartupError, exitWithMessage, readDistributedConfig } from '@kesos/infra';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run start:services`: the distributed mode on one machine, as docker-compose runs it:
 * each subgraph and the gateway as its own process against MySQL and NATS JetStream.
 * Run `npm run migrate` first.
 */
function main(): void {
  const reader = new ConfigReader();
  readDistributedConfig(reader, 0);
  try {
    reader.done();
  } catch (err) {
    exitWithMessage(describeStartupError(err));
  }
  const root = join(__dirname, '..', '..');
  const children: ChildProcess[] = [];
  const urls: Record<string, string> = {};
  let stopping = false;
  const stopAll = (code: number) => {
    stopping = true;
    for (const c of children) c.kill('SIGTERM');
    setTimeout(() => process.exit(code), 2000).unref();
  };
  const run = (name: string, script: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('exit', (code) => {
      if (stopping) return;
      process.stderr.write(`${name} exited with code ${code}; stopping the others\n`);
      stopAll(code || 1);
    });
    children.push(child);
  };
  for (const def of SERVICES) {
    const port = String(def.defaultPort);
    urls[`${def.name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}/graphql`;
    run(def.name, join(root, 'services', def.name, 'dist', 'main.js'), { PORT: port });
  }
  run('gateway', join(root, 'gateway', 'dist', 'main.js'), { ...urls, PORT: process.env.GATEWAY_PORT ?? '4000' });
  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
}

main();
