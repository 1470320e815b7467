import { createLogger, signJwt } from '@kesos/infra';
import { TEST_SECRETS } from '@kesos/infra/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmbeddedSystem } from '../src';
import { startEmbedded } from '../src';

/** What a contract or gateway test needs of a running graph, in either mode. */
export interface TestGraph {
  gateway: { url: string };
  stop(): Promise<void>;
}

export interface GraphResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** The embedded graph on in-memory databases and a free port, with every event delivered. */
export async function startTestGraph(): Promise<EmbeddedSystem> {
  const system = await startEmbedded({
    dataDir: mkdtempSync(join(tmpdir(), 'kesos-graph-')),
    port: 0,
    logger: createLogger('test', 'silent'),
    secrets: TEST_SECRETS,
    inMemory: true,
  });
  await settle(system);
  return system;
}

/** Waits until every outbox is empty and the bus has delivered everything (seed events included). */
export async function settle(system: EmbeddedSystem): Promise<void> {
  for (let round = 0; round < 50; round++) {
    let published = 0;
    for (const s of system.services) published += await s.relay.flush();
    await system.bus.drain();
    if (published === 0) return;
  }
  throw new Error('events did not settle');
}

export const tokenFor = (role: string, unit?: string): string =>
  signJwt({ sub: `test-${role}`, role, ...(unit ? { unit } : {}) }, TEST_SECRETS.jwtSecret, 600);

export async function query<T = Record<string, unknown>>(
  system: TestGraph,
  source: string,
  variables: Record<string, unknown> = {},
  token?: string | null,
  operationName?: string,
): Promise<GraphResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(system.gateway.url.replace('localhost', '127.0.0.1'), {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: source, variables, operationName }),
  });
  return { status: res.status, ...((await res.json()) as Omit<GraphResult<T>, 'status'>) };
}
