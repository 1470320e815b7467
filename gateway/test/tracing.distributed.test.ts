import type { ReadableSpan, TestTracing } from '@kesos/infra/testing';
import { SpanKind, startTestTracing, until } from '@kesos/infra/testing';
import type { DistributedGraph } from './distributed.support';
import { startDistributedTestGraph } from './distributed.support';
import { tokenFor } from './support';

/** The spans of one trace, with a way to walk from a span up to its root. */
function traceOf(spans: ReadableSpan[], traceId: string) {
  const inTrace = spans.filter((s) => s.spanContext().traceId === traceId);
  const byId = new Map(inTrace.map((s) => [s.spanContext().spanId, s]));
  const parentOf = (s: ReadableSpan) => byId.get(s.parentSpanContext?.spanId ?? '');
  const descendsFrom = (s: ReadableSpan, ancestor: ReadableSpan): boolean => {
    for (let p = parentOf(s); p; p = parentOf(p)) if (p === ancestor) return true;
    return false;
  };
  return { spans: inTrace, parentOf, descendsFrom };
}

describe('one trace from the gateway to the SQL and across NATS (MariaDB + NATS)', () => {
  let tracing: TestTracing;
  let graph: DistributedGraph;

  beforeAll(async () => {
    tracing = startTestTracing();
    graph = await startDistributedTestGraph('tracing', { seedEvents: false });
  }, 180_000);
  afterAll(async () => {
    await graph?.stop();
    await tracing?.stop();
  });

  it('links the gateway, the subgraph call, the subgraph, its SQL, the event publish and the consumer', async () => {
    const code = `TRC-${Date.now().toString(36).toUpperCase()}`;
    const res = await fetch(graph.gateway.url.replace('localhost', '127.0.0.1'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor('admin')}` },
      body: JSON.stringify({
        query: `mutation TraceWrite { registerUnit(input: { code: "${code}", name: "Traced unit" }) { code } }`,
        operationName: 'TraceWrite',
      }),
    });
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    await graph.settle();

    const gatewaySpan = tracing
      .spans()
      .find(
        (s) =>
          s.kind === SpanKind.SERVER &&
          s.attributes['graphql.operation.name'] === 'TraceWrite' &&
          !s.attributes['kesos.service'],
      );
    expect(gatewaySpan?.name).toBe('POST /graphql');
    const traceId = gatewaySpan!.spanContext().traceId;
    // The consumer's span ends after it committed, which settle does not wait for.
    await until('the consumer span of the unit event is exported', () =>
      tracing.spans().some((s) => s.spanContext().traceId === traceId && s.kind === SpanKind.CONSUMER),
    );
    const trace = traceOf(tracing.spans(), traceId);
    // The gateway is the root: nobody upstream sent a traceparent.
    expect(gatewaySpan!.parentSpanContext).toBeUndefined();

    const call = trace.spans.find((s) => s.kind === SpanKind.CLIENT && s.name === 'POST training');
    expect(call).toBeDefined();
    expect(trace.descendsFrom(call!, gatewaySpan!)).toBe(true);
    expect(call!.attributes['http.response.status_code']).toBe(200);

    const subgraph = trace.spans.find(
      (s) => s.kind === SpanKind.SERVER && s.attributes['kesos.service'] === 'training',
    );
    expect(subgraph?.name).toBe('POST /graphql');
    expect(trace.parentOf(subgraph!)).toBe(call);

    const outboxInsert = trace.spans.find(
      (s) =>
        s.attributes['db.system.name'] === 'mariadb' &&
        String(s.attributes['db.query.text']).startsWith('INSERT INTO `outbox_event`'),
    );
    expect(outboxInsert).toBeDefined();
    expect(trace.descendsFrom(outboxInsert!, subgraph!)).toBe(true);
    // Statement text only: the values a request writes are never on a span.
    expect(String(outboxInsert!.attributes['db.query.text'])).not.toContain(code);

    const publish = trace.spans.find((s) => s.kind === SpanKind.PRODUCER);
    expect(publish?.name).toBe('publish training.unit.registered');
    expect(trace.descendsFrom(publish!, subgraph!)).toBe(true);

    const consumed = trace.spans.filter((s) => s.kind === SpanKind.CONSUMER);
    expect(consumed.length).toBeGreaterThanOrEqual(1);
    for (const span of consumed) {
      expect(span.name).toBe('process training.unit.registered');
      expect(trace.parentOf(span)).toBe(publish);
    }
    const performance = consumed.find(
      (s) => s.attributes['messaging.consumer.group.name'] === 'performance-unit-registered',
    );
    expect(performance).toBeDefined();
    // The consumer's own SQL, in the performance subgraph's database, belongs to the same trace.
    const consumerSql = trace.spans.filter(
      (s) => s.attributes['db.system.name'] && trace.descendsFrom(s, performance!),
    );
    expect(consumerSql.length).toBeGreaterThan(0);
    expect(new Set(consumerSql.map((s) => s.attributes['db.namespace']))).toEqual(
      new Set([graph.databases[2].dataSource.options.database]),
    );
  });

  it('continues the trace of a caller that sends a traceparent, and leaves probes untraced', async () => {
    const base = graph.gateway.url.replace('localhost', '127.0.0.1');
    expect((await fetch(base.replace('/graphql', '/readyz'))).status).toBe(200);
    expect((await fetch(base.replace('/graphql', '/metrics'))).status).toBe(200);
    const callerTrace = '0af7651916cd43dd8448eb211c80319c';
    const res = await fetch(base, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokenFor('admin')}`,
        traceparent: `00-${callerTrace}-b7ad6b7169203331-01`,
      },
      body: JSON.stringify({ query: 'query TraceRead { unit(code: "BBPPKS-PADANG") { name } }' }),
    });
    expect(res.status).toBe(200);
    await until('the spans of the read are exported', () =>
      tracing
        .spans()
        .some(
          (s) =>
            s.spanContext().traceId === callerTrace && s.kind === SpanKind.SERVER && !s.attributes['kesos.service'],
        ),
    );
    const gatewaySpan = tracing
      .spans()
      .find(
        (s) => s.spanContext().traceId === callerTrace && s.kind === SpanKind.SERVER && !s.attributes['kesos.service'],
      );
    expect(gatewaySpan?.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(
      tracing
        .spans()
        .some((s) => s.spanContext().traceId === callerTrace && s.attributes['kesos.service'] === 'training'),
    ).toBe(true);
    // The probes answered before the read began, so their spans, had there been any, would have ended first.
    expect(tracing.spans().filter((s) => ['/readyz', '/metrics'].includes(String(s.attributes['url.path'])))).toEqual(
      [],
    );
  });
});
