import type { EmbeddedSystem } from '../src';
import { describeLakip } from './lakip.cases';
import { getLakip } from './lakip.support';
import { settle, startTestGraph, tokenFor } from './support';

describeLakip('embedded mode: SQLite, in-process bus', async () => {
  const system = await startTestGraph();
  return Object.assign(system, { settle: () => settle(system) });
});

describe('GET /reports/lakip: a subgraph down (embedded)', () => {
  let system: EmbeddedSystem;
  beforeAll(async () => {
    system = await startTestGraph();
  }, 120_000);
  afterAll(async () => system?.stop());

  it('answers 502 with the graph errors, never a file whose missing budget reads as zeros', async () => {
    expect((await getLakip(system, 'BBPPKS-PADANG/2022.xlsx', tokenFor('analyst'))).status).toBe(200);
    await system.services.find((s) => s.name === 'budget')!.stop();
    const file = await getLakip(system, 'BBPPKS-PADANG/2022.xlsx', tokenFor('analyst'));
    expect(file.status).toBe(502);
    expect(file.headers.get('content-type')).toContain('application/json');
    const body = JSON.parse(file.body.toString()) as { errors: { extensions?: Record<string, unknown> }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'budget' });
  });
});
