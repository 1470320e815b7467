import { describeAnalytics } from './analytics.cases';
import { startDistributedTestGraph } from './distributed.support';

describeAnalytics('distributed mode: MariaDB, NATS JetStream', async () => {
  const graph = await startDistributedTestGraph('analytics');
  await graph.settle();
  return graph;
});
