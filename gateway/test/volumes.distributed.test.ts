import { startDistributedTestGraph } from './distributed.support';
import { describeOutputVolumes } from './volumes.cases';

describeOutputVolumes('distributed mode: MariaDB, NATS JetStream', async () => {
  const graph = await startDistributedTestGraph('volumes');
  await graph.settle();
  return graph;
});
