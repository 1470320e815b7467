import { describeLakip } from './lakip.cases';
import { settle, startTestGraph } from './support';

describeLakip('embedded mode: SQLite, in-process bus', async () => {
  const system = await startTestGraph();
  return Object.assign(system, { settle: () => settle(system) });
});
