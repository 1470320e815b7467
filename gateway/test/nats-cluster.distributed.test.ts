import { NatsEventBus } from '@kesos/infra';
import type { NatsCluster } from '@kesos/infra/testing';
import { startNatsCluster, until } from '@kesos/infra/testing';
import type { ProcessGraph } from './cluster.support';
import {
  accreditationBurst,
  appliedCounts,
  exactlyOnce,
  registerBurstUnit,
  startProcessGraph,
} from './cluster.support';
import { tokenFor } from './support';

/**
 * A JetStream cluster of three private nats-server nodes on loopback. Every subgraph process is
 * given all three in NATS_URL and NATS_REPLICAS=3, so the streams and durable consumers it
 * creates are kept on all three nodes. Mid-burst the node the training process is connected to
 * is killed (SIGKILL): the processes reconnect to the others by themselves, and the events of
 * the burst still arrive exactly once.
 */
let cluster: NatsCluster;
let graph: ProcessGraph;
const admin = tokenFor('admin');

beforeAll(async () => {
  cluster = await startNatsCluster(3);
  graph = await startProcessGraph('natscluster', { replicas: 1, natsUrl: cluster.url, natsReplicas: 3 });
  await registerBurstUnit(graph, admin);
}, 300_000);
afterAll(async () => {
  await graph?.stop();
  await cluster?.remove();
}, 120_000);

it('the streams and durables the services create are kept on all three nodes', async () => {
  for (const subject of ['training.unit.registered', 'deadletter.performance-accreditation-decided']) {
    const placement = await graph.bus.placement(subject);
    expect(placement.replicas).toBe(3);
    expect([placement.leader, ...placement.followers].sort()).toEqual(['n1', 'n2', 'n3']);
  }
  const durable = await graph.bus.placement('training.accreditation.decided', 'performance-accreditation-decided');
  expect([durable.leader, ...durable.followers].sort()).toEqual(['n1', 'n2', 'n3']);
});

it('a stream and its durable made on one node (NATS_REPLICAS=1) are copied to three when a service starts with NATS_REPLICAS=3', async () => {
  const namespace = `${graph.namespace}_grown`;
  const single = await NatsEventBus.connect(cluster.url, undefined, { namespace });
  const three = await NatsEventBus.connect(cluster.url, undefined, { namespace, replicas: 3 });
  try {
    await single.ensureStream('budget.performance.scored');
    expect((await single.placement('budget.performance.scored')).replicas).toBe(1);
    const subscription = await single.subscribe({
      durable: 'grown-scores',
      subject: 'budget.performance.scored',
      maxDeliver: 5,
      handler: async () => undefined,
    });
    await subscription.stop();
    await three.ensureStream('budget.performance.scored');
    // The durable follows its stream onto the new nodes.
    for (const durable of [undefined, 'grown-scores'])
      await until(`${durable ?? 'the stream'} kept on all three nodes`, async () => {
        const placement = await three.placement('budget.performance.scored', durable).catch(() => undefined);
        return placement?.followers.length === 2;
      });
    expect((await three.placement('budget.performance.scored')).replicas).toBe(3);
  } finally {
    await three.deleteNamespaceStreams();
    await single.close();
    await three.close();
  }
});

it('a node killed mid-burst: the services reconnect without a restart and every event is applied exactly once', async () => {
  const hosting = async (service: string) => {
    for (const node of cluster.nodes) if (node.running() && (await node.clients()).includes(service)) return node;
    return undefined;
  };
  const victim = await hosting('training');
  expect(victim).toBeDefined();
  const leader = (await graph.bus.placement('training.accreditation.decided')).leader;
  const pids = Object.values(graph.replicas).map((r) => r[0].pid);
  const started = Date.now();
  const { calls, during } = await accreditationBurst(graph, admin, {
    workers: 6,
    perWorker: 20,
    startAfter: 30,
    during: () => victim!.stop('SIGKILL'),
  });
  await during;
  const burstMs = Date.now() - started;
  // The node's loss is the bus's business: the graph's writes commit to MariaDB as before.
  expect(calls.filter((c) => c.errors)).toEqual([]);

  const settleMs = await graph.settle();
  const counts = await appliedCounts(graph);
  expect(counts.recorded).toBe(120);
  expect(counts).toEqual(exactlyOnce(counts));
  // The same processes, now connected to the surviving nodes.
  expect(Object.values(graph.replicas).map((r) => r[0].running() && r[0].pid)).toEqual(pids);
  for (const service of ['training', 'budget', 'performance'])
    await until(`${service} connected to a surviving node`, async () => (await hosting(service)) !== undefined);
  process.stdout.write(
    `nats cluster: killed ${victim!.name} (training's node; stream leader ${leader}); ${calls.length} writes in ${burstMs} ms; ` +
      `settled ${settleMs} ms later; ${counts.recorded} accreditations, each applied once\n`,
  );
}, 600_000);
