import { describeAnalytics } from './analytics.cases';
import { settle, startTestGraph } from './support';

describeAnalytics('embedded mode: SQLite, in-process bus', async () => {
  const system = await startTestGraph();
  return Object.assign(system, { settle: () => settle(system) });
});
