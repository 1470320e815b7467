import { createLogger } from '@kesos/infra';
import { until } from '@kesos/infra/testing';
import { Writable } from 'node:stream';
import type { DistributedGraph } from './distributed.support';
import { startDistributedTestGraph } from './distributed.support';
import { tokenFor } from './support';

/** Every log line the graph writes, parsed. */
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as never);
    done();
  },
});

/** One sample of the exposition text, 0 when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const inside = /\{(.*)\}/.exec(line)?.[1] ?? '';
    if (wanted.every((w) => inside.split(',').includes(w))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describe('metrics and the access log (MariaDB + NATS)', () => {
  let graph: DistributedGraph;
  const scrape = async (url: string) => {
    const res = await fetch(url.replace('/graphql', '/metrics').replace('localhost', '127.0.0.1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.text();
  };
  const gql = async (source: string, operationName: string) => {
    const res = await fetch(graph.gateway.url.replace('localhost', '127.0.0.1'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor('admin')}` },
      body: JSON.stringify({ query: source, operationName }),
    });
    return { res, body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
  };

  beforeAll(async () => {
    graph = await startDistributedTestGraph('observability', {
      seedEvents: false,
      logger: createLogger('test', 'info', sink),
    });
  }, 180_000);
  afterAll(async () => graph?.stop());

  it('counts requests, operations, subgraph calls, errors, events and pools, and every process serves /metrics', async () => {
    const before = await scrape(graph.gateway.url);
    const ok = await gql('query MetricsProbe { unit(code: "BBPPKS-PADANG") { name } }', 'MetricsProbe');
    expect(ok.body.errors).toBeUndefined();
    const bad = await gql(
      'mutation MetricsRefused { registerUnit(input: { code: "", name: "" }) { code } }',
      'MetricsRefused',
    );
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const code = `OBS-${Date.now().toString(36).toUpperCase()}`;
    const write = await gql(
      `mutation MetricsWrite { registerUnit(input: { code: "${code}", name: "Observed unit" }) { code } }`,
      'MetricsWrite',
    );
    expect(write.body.errors).toBeUndefined();
    await graph.settle();

    const moved = (after: string, name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    let after = '';
    // The consumers apply the unit's event after settle; the counter moves once they ack it.
    await until('the consumers counted the new unit event', async () => {
      after = await scrape(graph.gateway.url);
      return moved(after, 'kesos_consumer_messages_total', { outcome: 'handled' }) >= 1;
    });
    expect(
      moved(after, 'kesos_http_requests_total', { route: '/graphql', method: 'POST', status: '200' }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      moved(after, 'kesos_graphql_operations_total', {
        service: 'gateway',
        operation: 'MetricsProbe',
        type: 'query',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(
      // The gateway names the operation it sends to a subgraph after the client's.
      moved(after, 'kesos_graphql_operations_total', {
        service: 'training',
        operation: 'MetricsProbe__training__0',
        type: 'query',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(
      moved(after, 'kesos_graphql_operation_duration_seconds_count', { service: 'gateway', operation: 'MetricsWrite' }),
    ).toBe(1);
    expect(
      moved(after, 'kesos_graphql_errors_total', { service: 'gateway', code: 'BAD_USER_INPUT' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      moved(after, 'kesos_subgraph_fetch_duration_seconds_count', { subgraph: 'training', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(2);
    expect(moved(after, 'kesos_outbox_published_total', { service: 'training' })).toBeGreaterThanOrEqual(1);
    expect(moved(after, 'kesos_outbox_publish_lag_seconds_count', { service: 'training' })).toBeGreaterThanOrEqual(1);
    // Gauges read at the scrape: the outbox is empty after settle, the pools hold connections.
    expect(after).toMatch(/^kesos_outbox_pending\{service="training"\} 0$/m);
    expect(
      sample(after, 'kesos_db_pool_connections', { service: 'budget', state: 'idle' }) +
        sample(after, 'kesos_db_pool_connections', { service: 'budget', state: 'in_use' }),
    ).toBeGreaterThan(0);
    expect(after).toMatch(/^kesos_consumer_pending\{durable="[^"]+"\} \d+$/m);
    expect(after).toMatch(/^kesos_consumer_redeliveries_total|^# TYPE kesos_consumer_redeliveries_total counter$/m);
    expect(after).toMatch(/^kesos_nodejs_eventloop_lag_seconds \d/m);
    for (const service of graph.services) expect(await scrape(service.url)).toContain('kesos_http_requests_total');
  });

  it('writes one access line per request with its id, caller, operation, status and duration', async () => {
    const { res } = await gql('query AccessProbe { unit(code: "BBPPKS-PADANG") { code } }', 'AccessProbe');
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    let line: Record<string, unknown> | undefined;
    await until('the access line is written', () => {
      line = lines.find(
        (l) => l.msg === 'request' && l.requestId === requestId && l.name === 'test' && !('service' in l),
      );
      return line !== undefined;
    });
    expect(line).toMatchObject({
      caller: 'test-admin (admin)',
      operation: 'AccessProbe',
      method: 'POST',
      path: '/graphql',
      status: 200,
    });
    expect(typeof line?.ms).toBe('number');
    // The subgraph's line for the same request carries the same id.
    expect(lines.some((l) => l.msg === 'request' && l.requestId === requestId && l.service === 'training')).toBe(true);
    // Probes and scrapes are counted, not logged.
    await scrape(graph.gateway.url);
    expect(lines.some((l) => l.msg === 'request' && l.path === '/metrics')).toBe(false);
  });
});
