import { startDistributedTestGraph } from './distributed.support';
import { describeLakip } from './lakip.cases';

describeLakip('distributed mode: MariaDB, NATS JetStream', async () => {
  const graph = await startDistributedTestGraph('lakip');
  await graph.settle();
  return graph;
});
