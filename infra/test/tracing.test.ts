import { context, trace } from '@opentelemetry/api';
import type { DataSource } from 'typeorm';
import type { DeliveryControl } from '../src/bus/delivery.policy';
import { deliverBatch } from '../src/bus/delivery.policy';
import type { DomainEvent, SubscriptionSpec } from '../src';
import {
  ConfigError,
  createDataSource,
  MemoryEventBus,
  OutboxEventEntity,
  OutboxRelay,
  ProcessedEventEntity,
  parseEvent,
  runTransaction,
  startTracing,
  traceClientCall,
  tracingActive,
  tracingChoice,
  writeEvent,
} from '../src';
import type { TestTracing } from '../src/testing';
import { SpanKind, startTestTracing, until } from '../src/testing';

async function sqlite(): Promise<DataSource> {
  const { dataSource } = createDataSource({
    target: { kind: 'sqlite', file: ':memory:' },
    entities: [OutboxEventEntity, ProcessedEventEntity],
    synchronize: true,
  });
  await dataSource.initialize();
  return dataSource;
}

const unitEvent = { type: 'training.unit.registered', unit: 'BBPPKS-PADANG', data: { code: 'BBPPKS-PADANG' } };

describe('which OTEL_* settings turn tracing on', () => {
  it('stays off unless an exporter or an endpoint is named, and refuses what it cannot export with', () => {
    expect(tracingChoice({})).toEqual({ enabled: false });
    expect(tracingChoice({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({
      enabled: true,
      exporter: 'otlp',
      protocol: 'http/protobuf',
    });
    expect(tracingChoice({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' }).enabled).toBe(true);
    expect(tracingChoice({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toEqual({
      enabled: true,
      exporter: 'otlp',
      protocol: 'http/json',
    });
    expect(tracingChoice({ OTEL_TRACES_EXPORTER: 'console' })).toEqual({ enabled: true, exporter: 'console' });
    expect(tracingChoice({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }).enabled).toBe(
      false,
    );
    expect(tracingChoice({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }).enabled).toBe(false);
    expect(() => tracingChoice({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(ConfigError);
    expect(() => tracingChoice({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      /OTEL_EXPORTER_OTLP_PROTOCOL must be http\/protobuf or http\/json/,
    );
  });
});

describe('tracing off', () => {
  it('registers nothing, and events, queries, deliveries and calls work as before with no trace context', async () => {
    expect(startTracing('test', { env: {} }).enabled).toBe(false);
    expect(tracingActive()).toBe(false);
    const dataSource = await sqlite();
    const bus = new MemoryEventBus();
    const relay = new OutboxRelay(dataSource, bus);
    const seen: DomainEvent[] = [];
    await bus.subscribe({
      durable: 'off-test',
      subject: 'training.>',
      maxDeliver: 1,
      handler: async (event) => {
        seen.push(event);
        // No span is active in a handler: the delivery started none.
        expect(trace.getActiveSpan()).toBeUndefined();
        await dataSource.query('SELECT 1');
      },
    });
    const written = await runTransaction(dataSource, (m) => writeEvent(m, unitEvent));
    expect(written).not.toHaveProperty('traceparent');
    expect(await relay.flush()).toBe(1);
    await bus.drain();
    expect(seen.map((e) => e.id)).toEqual([written.id]);
    expect(seen[0]).not.toHaveProperty('traceparent');
    let sent: Record<string, string> | undefined;
    expect(
      await traceClientCall(
        'POST x',
        { method: 'POST', url: 'http://x' },
        async (h) => (sent = h),
        () => 200,
      ),
    ).toEqual({});
    expect(sent).toEqual({});
    await bus.close();
    await dataSource.destroy();
  });
});

describe('tracing on', () => {
  let tracing: TestTracing;
  beforeAll(() => {
    tracing = startTestTracing();
  });
  afterAll(() => tracing.stop());

  it('carries the writing span through the outbox and the bus to the handler and its SQL', async () => {
    const dataSource = await sqlite();
    const bus = new MemoryEventBus();
    const relay = new OutboxRelay(dataSource, bus);
    const handled: DomainEvent[] = [];
    await bus.subscribe({
      durable: 'on-test',
      subject: 'training.>',
      maxDeliver: 1,
      handler: async (event) => {
        await dataSource.getRepository(ProcessedEventEntity).insert({ eventId: event.id, consumer: 'on-test' });
        handled.push(event);
      },
    });
    const request = trace.getTracer('test').startSpan('request');
    const written = await context.with(trace.setSpan(context.active(), request), () =>
      runTransaction(dataSource, (m) => writeEvent(m, unitEvent)),
    );
    request.end();
    const requestId = request.spanContext();
    expect(written.traceparent).toBe(`00-${requestId.traceId}-${requestId.spanId}-01`);
    // The relay's pass is not part of any request: its polling makes no spans.
    const before = tracing.spans().length;
    expect(await relay.flush()).toBe(1);
    await bus.drain();
    await until('the consumer span ends', () => tracing.spans().some((s) => s.kind === SpanKind.CONSUMER));
    const spans = tracing.spans().slice(before);
    expect(spans.every((s) => s.spanContext().traceId === requestId.traceId)).toBe(true);
    const publish = spans.find((s) => s.kind === SpanKind.PRODUCER);
    expect(publish?.name).toBe('publish training.unit.registered');
    expect(publish?.parentSpanContext?.spanId).toBe(requestId.spanId);
    const consume = spans.find((s) => s.kind === SpanKind.CONSUMER);
    expect(consume?.name).toBe('process training.unit.registered');
    expect(consume?.parentSpanContext?.spanId).toBe(publish?.spanContext().spanId);
    expect(consume?.attributes['messaging.consumer.group.name']).toBe('on-test');
    const insert = spans.find((s) => s.name === 'INSERT memory');
    expect(insert?.attributes['db.system.name']).toBe('sqlite');
    expect(insert?.parentSpanContext?.spanId).toBe(consume?.spanContext().spanId);
    // What the consumer received carries the publish span's context; the stored envelope keeps the request's.
    expect(handled[0].traceparent).toBe(`00-${requestId.traceId}-${publish?.spanContext().spanId}-01`);
    const stored = await dataSource.getRepository(OutboxEventEntity).findOneByOrFail({ eventId: written.id });
    expect((JSON.parse(stored.envelope) as DomainEvent).traceparent).toBe(written.traceparent);
    await bus.close();
    await dataSource.destroy();
  });

  it('links a batch span to the trace of each event it applies', async () => {
    const tracer = trace.getTracer('test');
    const causes = [tracer.startSpan('cause a'), tracer.startSpan('cause b')];
    causes.forEach((s) => s.end());
    const events: DomainEvent[] = causes.map((cause, i) => ({
      id: `event-${i}`,
      type: 'training.unit.registered',
      unit: null,
      occurredAt: new Date().toISOString(),
      version: 1,
      data: {},
      traceparent: `00-${cause.spanContext().traceId}-${cause.spanContext().spanId}-01`,
    }));
    const spec: SubscriptionSpec = {
      durable: 'batch-test',
      subject: 'training.>',
      maxDeliver: 1,
      handler: async () => undefined,
      handleBatch: async () => undefined,
    };
    const control: DeliveryControl = {
      deliveryCount: 1,
      signal: new AbortController().signal,
      keepAlive: () => undefined,
    };
    const outcomes: string[] = [];
    await deliverBatch(spec, events, [control, control], async (_, o) => void outcomes.push(o.status));
    expect(outcomes).toEqual(['handled', 'handled']);
    const batch = tracing.spans().find((s) => s.name === 'process batch batch-test');
    expect(batch?.kind).toBe(SpanKind.CONSUMER);
    expect(batch?.attributes['messaging.batch.message_count']).toBe(2);
    expect(batch?.links.map((l) => l.context.spanId)).toEqual(causes.map((c) => c.spanContext().spanId));
  });

  it('keeps a valid traceparent of an envelope and drops a malformed one without refusing the event', () => {
    const envelope = { id: 'e', type: 't.x.y', unit: null, occurredAt: '2026-01-01T00:00:00Z', version: 1, data: {} };
    const valid = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    expect(parseEvent({ ...envelope, traceparent: valid }).traceparent).toBe(valid);
    expect(parseEvent({ ...envelope, traceparent: 'garbage' })).not.toHaveProperty('traceparent');
    expect(parseEvent(envelope)).not.toHaveProperty('traceparent');
  });

  it('sends the trace context of a client call in its headers', async () => {
    const parent = trace.getTracer('test').startSpan('caller');
    let sent: Record<string, string> = {};
    await context.with(trace.setSpan(context.active(), parent), () =>
      traceClientCall(
        'POST training',
        { method: 'POST', url: 'http://training/graphql' },
        async (h) => (sent = h),
        () => 502,
      ),
    );
    parent.end();
    const call = tracing.spans().find((s) => s.name === 'POST training');
    expect(sent.traceparent).toBe(`00-${parent.spanContext().traceId}-${call?.spanContext().spanId}-01`);
    expect(call?.kind).toBe(SpanKind.CLIENT);
    expect(call?.attributes['http.response.status_code']).toBe(502);
    expect(call?.status.code).toBe(2);
  });
});
