import { describeContract } from './contract.cases';
import { startDistributedTestGraph } from './distributed.support';

describeContract('distributed mode: MariaDB, NATS JetStream', async () => {
  const graph = await startDistributedTestGraph('contract');
  await graph.settle();
  return graph;
});
