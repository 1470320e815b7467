import { NatsEventBus } from '@kesos/infra';
import type { GraphProcess, TestDatabase } from '@kesos/infra/testing';
import { launchProcessGraph, testDatabaseName, until } from '@kesos/infra/testing';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SERVICES } from '../src';
import type { GraphResult } from './support';

const ROOT = join(__dirname, '..', '..');

export interface ProcessGraphOptions {
  /** Processes per subgraph, all on the subgraph's one database and durable consumers. */
  replicas: number;
  /** NATS_URL of every subgraph: one server or a cluster's nodes separated by commas. */
  natsUrl: string;
  /** NATS_REPLICAS of every subgraph (default 1). */
  natsReplicas?: number;
}

/**
 * The distributed mode as built processes (launchProcessGraph): `replicas` processes of each
 * subgraph on its own freshly migrated, empty MariaDB database, and one gateway process.
 */
export interface ProcessGraph {
  gateway: GraphProcess;
  /** Subgraph name -> its replicas, in start order. */
  replicas: Record<string, GraphProcess[]>;
  databases: Record<string, TestDatabase>;
  /** The subgraphs' namespace, read through a connection of the test's own. */
  bus: NatsEventBus;
  namespace: string;
  /** Waits until no outbox holds an unpublished event and every durable has acknowledged all it was sent. */
  settle(timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

export async function startProcessGraph(label: string, options: ProcessGraphOptions): Promise<ProcessGraph> {
  const namespace = `t_${label}_${randomBytes(4).toString('hex')}`;
  const bus = await NatsEventBus.connect(options.natsUrl, undefined, { namespace });
  const { gateway, replicas, processes, databases } = await launchProcessGraph({
    services: SERVICES,
    root: ROOT,
    databasePrefix: testDatabaseName(label),
    replicas: options.replicas,
    natsUrl: options.natsUrl,
    natsNamespace: namespace,
    natsReplicas: options.natsReplicas ?? 1,
  }).catch(async (err: unknown) => {
    await bus.close();
    throw err;
  });
  const unpublished = async () => {
    let n = 0;
    for (const db of Object.values(databases))
      n += Number(
        (
          await db.dataSource.query<{ n: string | number }[]>(
            'SELECT COUNT(*) AS n FROM outbox_event WHERE publishedAt IS NULL',
          )
        )[0].n,
      );
    return n;
  };
  return {
    gateway,
    replicas,
    databases,
    bus,
    namespace,
    settle: (timeoutMs = 300_000) =>
      until(
        'every outbox published and every durable caught up',
        async () => {
          try {
            return (await unpublished()) === 0 && (await bus.namespaceBacklog()) === 0;
          } catch (err) {
            // A JetStream API request timing out while a node is lost or the server is busy: not settled yet.
            if (err instanceof Error && err.name === 'TimeoutError') return false;
            throw err;
          }
        },
        timeoutMs,
        250,
      ),
    stop: async () => {
      for (const p of processes) await p.stop('SIGKILL');
      await bus.deleteNamespaceStreams().catch(() => undefined);
      await bus.close();
      for (const db of Object.values(databases)) await db.drop();
    },
  };
}

/** One GraphQL request to a gateway process. */
export async function gatewayCall<T = Record<string, unknown>>(
  gatewayUrl: string,
  source: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<GraphResult<T>> {
  const res = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: source, variables }),
  });
  return { status: res.status, ...((await res.json()) as Omit<GraphResult<T>, 'status'>) };
}

export const BURST_UNIT = 'BBPPKS-REPLIKA';
const REGISTER_UNIT = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { code } }`;
const REGISTER_LKS = `mutation($input: RegisterLksInstitutionInput!) { registerLksInstitution(input: $input) { id } }`;
const RECORD = `mutation($input: RecordAccreditationInput!) { recordAccreditation(input: $input) { id } }`;
const RESULTS = ['A', 'B', 'C', 'NOT_ACCREDITED'] as const;

/** Registers the burst's unit (synthetic) through the gateway; its event makes it known to performance. */
export async function registerBurstUnit(graph: ProcessGraph, token: string): Promise<void> {
  const answer = await gatewayCall(
    graph.gateway.url,
    REGISTER_UNIT,
    { input: { code: BURST_UNIT, name: 'Balai Replika (sintetis)' } },
    token,
  );
  if (answer.errors) throw new Error(`registerUnit: ${JSON.stringify(answer.errors)}`);
}

export interface BurstCall {
  /** Date.now() when the request was sent and when its answer came. */
  sentAt: number;
  answeredAt: number;
  errors?: GraphResult['errors'];
}

/**
 * `workers` clerks at once, each registering an institution (LKS) and recording its
 * accreditation, `perWorker` times, through the gateway: every recorded accreditation is one
 * training.accreditation.decided event, one SK1.1 fact in performance. `during` runs once
 * `startAfter` accreditations have been answered, while the clerks go on.
 */
export async function accreditationBurst(
  graph: ProcessGraph,
  token: string,
  options: { workers: number; perWorker: number; startAfter: number; during: () => Promise<void> },
): Promise<{ calls: BurstCall[]; during: Promise<void> }> {
  const calls: BurstCall[] = [];
  let recorded = 0;
  let during: Promise<void> | undefined;
  const call = async (source: string, variables: Record<string, unknown>) => {
    const sentAt = Date.now();
    const answer = await gatewayCall<Record<string, { id: string }>>(graph.gateway.url, source, variables, token);
    calls.push({ sentAt, answeredAt: Date.now(), errors: answer.errors });
    return answer;
  };
  await Promise.all(
    Array.from({ length: options.workers }, async (_, w) => {
      for (let i = 0; i < options.perWorker; i++) {
        const lks = await call(REGISTER_LKS, {
          input: {
            unit: BURST_UNIT,
            name: `LKS Sintetis ${w}-${i}`,
            kind: 'COMMUNITY',
            province: 'Sumatera Barat',
            regency: 'Kota Padang',
          },
        });
        const institutionId = lks.data?.registerLksInstitution?.id;
        if (institutionId === undefined) continue;
        await call(RECORD, {
          input: {
            institutionId,
            visitDate: '2025-03-10',
            decidedOn: '2025-03-20',
            assessorTeam: ['Asesor Sintetis'],
            result: RESULTS[(w + i) % RESULTS.length],
          },
        });
        if (++recorded === options.startAfter) during = options.during();
      }
    }),
  );
  return { calls, during: during ?? Promise.reject(new Error(`fewer than ${options.startAfter} accreditations`)) };
}

export interface AppliedCounts {
  /** Accreditations committed in training (whatever the gateway answered the clerk). */
  recorded: number;
  accredited: number;
  /** Their events in training's outbox, and as JetStream stores them (de-duplicated by event id). */
  outbox: number;
  stored: number;
  /** What the performance consumer made of them: processed events, facts, and the SK1.1 counter. */
  processed: number;
  facts: number;
  counter: { numerator: number; denominator: number; facts: number };
}

/** Reads every count from the databases and the stream themselves, not from the answers. */
export async function appliedCounts(graph: ProcessGraph): Promise<AppliedCounts> {
  const one = async (service: string, sql: string, params: unknown[] = []) =>
    (await graph.databases[service].dataSource.query<Record<string, string | number | null>[]>(sql, params))[0];
  const training = await one(
    'training',
    "SELECT COUNT(*) AS n, COALESCE(SUM(result <> 'NOT_ACCREDITED'), 0) AS acc FROM accreditation_assessment WHERE unitCode = ?",
    [BURST_UNIT],
  );
  const outbox = await one('training', 'SELECT COUNT(*) AS n FROM outbox_event WHERE subject = ?', [
    'training.accreditation.decided',
  ]);
  const processed = await one('performance', 'SELECT COUNT(*) AS n FROM processed_event WHERE consumer = ?', [
    'performance-accreditation-decided',
  ]);
  const facts = await one('performance', 'SELECT COUNT(*) AS n FROM metric_fact WHERE metric = ? AND unitCode = ?', [
    'ACCREDITATION',
    BURST_UNIT,
  ]);
  const counter = await one(
    'performance',
    'SELECT numerator, denominator, facts FROM metric_counter WHERE metric = ? AND unitCode = ? AND year = 2025',
    ['ACCREDITATION', BURST_UNIT],
  );
  return {
    recorded: Number(training.n),
    accredited: Number(training.acc),
    outbox: Number(outbox.n),
    stored: await graph.bus.storedCount('training.accreditation.decided'),
    processed: Number(processed.n),
    facts: Number(facts.n),
    counter: {
      numerator: Number(counter?.numerator ?? 0),
      denominator: Number(counter?.denominator ?? 0),
      facts: Number(counter?.facts ?? 0),
    },
  };
}

/** Every committed accreditation is one event, stored once, applied once: the counts all agree. */
export function exactlyOnce(counts: AppliedCounts): AppliedCounts {
  const n = counts.recorded;
  return {
    recorded: n,
    accredited: counts.accredited,
    outbox: n,
    stored: n,
    processed: n,
    facts: n,
    counter: { numerator: counts.accredited, denominator: n, facts: n },
  };
}
