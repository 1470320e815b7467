import type { Attributes, Context, Link, Span, SpanOptions } from '@opentelemetry/api';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_DB_NAMESPACE,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_FULL,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { IncomingMessage } from 'node:http';
import type { DataSource, QueryRunner } from 'typeorm';
import { tracingActive } from './tracing.setup';

/** Names of the messaging conventions (still incubating in @opentelemetry/semantic-conventions). */
const MESSAGING = {
  system: 'messaging.system',
  operation: 'messaging.operation.type',
  destination: 'messaging.destination.name',
  consumerGroup: 'messaging.consumer.group.name',
  messageId: 'messaging.message.id',
  batchCount: 'messaging.batch.message_count',
  deliveryCount: 'kesos.delivery_count',
} as const;

/** Which process of the graph a span belongs to, when several share one process (the embedded mode, tests). */
export const ATTR_KESOS_SERVICE = 'kesos.service';

const tracer = () => trace.getTracer('@kesos/infra');

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** A W3C traceparent value (`00-<trace id>-<span id>-<flags>`). */
export const isTraceparent = (value: unknown): value is string => typeof value === 'string' && TRACEPARENT.test(value);

/** The traceparent of the active span, or undefined when tracing is off or nothing is being traced. */
export function currentTraceparent(): string | undefined {
  if (!tracingActive()) return undefined;
  const active = context.active();
  if (!trace.getSpan(active)?.spanContext().traceId) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  return carrier.traceparent;
}

const contextOf = (traceparent: string | undefined): Context =>
  traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;

function recordFailure(span: Span, err: unknown): void {
  span.recordException(err instanceof Error ? err : String(err));
  span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
}

/** Runs `fn` in a new span, child of `parent`, ended when `fn` settles; a throw marks it failed. */
async function inSpan<T>(
  name: string,
  options: SpanOptions,
  parent: Context,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const span = tracer().startSpan(name, options, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (err) {
    recordFailure(span, err);
    throw err;
  } finally {
    span.end();
  }
}

/** The server span of one HTTP request, opened when it arrives and ended when its answer is sent. */
export interface ServerSpan {
  /** Runs the request's handling inside the span, so everything it calls joins the trace. */
  run<T>(fn: () => T): T;
  end(answer: { route: string; status: number; operation?: string; finished: boolean }): void;
}

/**
 * A SERVER span continuing the trace of the caller's `traceparent` header (the gateway's subgraph
 * call, or a client that traces), or starting one; undefined when tracing is off.
 */
export function startServerSpan(req: IncomingMessage, service: string | undefined): ServerSpan | undefined {
  if (!tracingActive()) return undefined;
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const method = req.method ?? 'GET';
  const span = tracer().startSpan(
    method,
    {
      kind: SpanKind.SERVER,
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: method,
        [ATTR_URL_PATH]: (req.url ?? '/').split('?')[0].slice(0, 200),
        ...(service ? { [ATTR_KESOS_SERVICE]: service } : {}),
      },
    },
    parent,
  );
  const active = trace.setSpan(parent, span);
  return {
    run: (fn) => context.with(active, fn),
    end: ({ route, status, operation, finished }) => {
      span.updateName(`${method} ${route}`);
      span.setAttribute(ATTR_HTTP_ROUTE, route);
      if (operation) span.setAttribute('graphql.operation.name', operation);
      if (finished) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (!finished) span.setStatus({ code: SpanStatusCode.ERROR, message: 'the connection closed before the answer' });
      else if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}

/**
 * A CLIENT span around one outgoing HTTP call; `call` receives the headers that carry the trace
 * (traceparent) to the server. With tracing off, `call` runs with no headers and nothing else.
 */
export async function traceClientCall<T>(
  name: string,
  attributes: { url: string; method: string; service?: string },
  call: (traceHeaders: Record<string, string>) => Promise<T>,
  statusOf: (result: T) => number,
): Promise<T> {
  if (!tracingActive()) return call({});
  return inSpan(
    name,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: attributes.method,
        [ATTR_URL_FULL]: attributes.url,
        ...(attributes.service ? { [ATTR_KESOS_SERVICE]: attributes.service } : {}),
      },
    },
    context.active(),
    async (span) => {
      const headers: Record<string, string> = {};
      propagation.inject(context.active(), headers);
      const result = await call(headers);
      const status = statusOf(result);
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
      if (status >= 400) span.setAttribute(ATTR_ERROR_TYPE, String(status));
      return result;
    },
  );
}

/** The SQL statement's verb (SELECT, INSERT, START TRANSACTION...), for the span name. */
function operationOf(sql: string): string {
  const words = /^\s*([A-Za-z]+)(?:\s+([A-Za-z]+))?/.exec(sql);
  const first = words?.[1]?.toUpperCase() ?? 'SQL';
  return first === 'START' || first === 'RELEASE' ? `${first} ${words?.[2]?.toUpperCase() ?? ''}`.trim() : first;
}

const tracedRunners = new WeakSet<QueryRunner>();

/** Longest statement text kept on a span: a multi-row insert of a seed runs to megabytes. */
const MAX_QUERY_TEXT = 2000;

/**
 * A span per SQL statement the DataSource runs, recorded only inside a traced request or event
 * handling: the relay's polling and the readiness checks would otherwise fill the backend with
 * one-span traces. The statement text is kept, its parameters never (they carry people's data).
 */
export function traceQueries(dataSource: DataSource, system: 'mariadb' | 'sqlite', namespace: string): void {
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => {
    const runner = createQueryRunner(mode);
    // SQLite hands out one runner for every call: it is wrapped once.
    if (tracedRunners.has(runner)) return runner;
    tracedRunners.add(runner);
    const query = runner.query.bind(runner) as (sql: string, parameters?: unknown, structured?: boolean) => unknown;
    const traced = (sql: string, parameters?: unknown, structured?: boolean): unknown => {
      if (!tracingActive() || !trace.getSpan(context.active())) return query(sql, parameters, structured);
      const operation = operationOf(sql);
      return inSpan(
        `${operation} ${namespace}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            [ATTR_DB_SYSTEM_NAME]: system,
            [ATTR_DB_NAMESPACE]: namespace,
            [ATTR_DB_OPERATION_NAME]: operation,
            [ATTR_DB_QUERY_TEXT]: sql.length > MAX_QUERY_TEXT ? `${sql.slice(0, MAX_QUERY_TEXT)}...` : sql,
          },
        },
        context.active(),
        () => query(sql, parameters, structured) as Promise<unknown>,
      );
    };
    // QueryRunner.query is overloaded on its third argument; the wrapper passes every argument through unchanged.
    runner.query = traced as QueryRunner['query'];
    return runner;
  };
}

/** What the event spans read of an event (the bus's DomainEvent). */
interface TracedEvent {
  id: string;
  type: string;
  traceparent?: string;
}

/**
 * A PRODUCER span for publishing an event, child of the context the event was written in; the
 * published copy carries this span's traceparent, so consumers become its children. Events written
 * outside any trace are published as they are, with no span.
 */
export async function traceEventPublish<E extends TracedEvent>(
  event: E,
  publish: (event: E) => Promise<void>,
): Promise<void> {
  if (!tracingActive() || !event.traceparent) return publish(event);
  return inSpan(
    `publish ${event.type}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        [MESSAGING.system]: 'nats',
        [MESSAGING.operation]: 'send',
        [MESSAGING.destination]: event.type,
        [MESSAGING.messageId]: event.id,
      },
    },
    contextOf(event.traceparent),
    () => publish({ ...event, traceparent: currentTraceparent() ?? event.traceparent }),
  );
}

/**
 * A CONSUMER span for one delivery of an event to a durable consumer, child of the trace the
 * event carries (a new trace when it carries none). `failure` reads a failed outcome from the
 * result, since the delivery policy answers failures rather than throwing them.
 */
export async function traceEventHandling<T>(
  durable: string,
  event: TracedEvent,
  deliveryCount: number,
  handle: () => Promise<T>,
  failure: (result: T) => string | undefined,
): Promise<T> {
  if (!tracingActive()) return handle();
  return inSpan(
    `process ${event.type}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        [MESSAGING.system]: 'nats',
        [MESSAGING.operation]: 'process',
        [MESSAGING.destination]: event.type,
        [MESSAGING.consumerGroup]: durable,
        [MESSAGING.messageId]: event.id,
        [MESSAGING.deliveryCount]: deliveryCount,
      },
    },
    contextOf(event.traceparent),
    async (span) => {
      const result = await handle();
      const failed = failure(result);
      if (failed !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: failed });
      return result;
    },
  );
}

/**
 * A CONSUMER span for several events applied together in one transaction: a span has one parent,
 * so it starts its own trace and links to the trace of each event (the messaging conventions' batch form).
 */
export async function traceEventBatch<T>(durable: string, events: TracedEvent[], handle: () => Promise<T>): Promise<T> {
  if (!tracingActive()) return handle();
  const links: Link[] = [];
  for (const event of events) {
    const linked = event.traceparent ? trace.getSpanContext(contextOf(event.traceparent)) : undefined;
    if (linked) links.push({ context: linked, attributes: { [MESSAGING.messageId]: event.id } });
  }
  const attributes: Attributes = {
    [MESSAGING.system]: 'nats',
    [MESSAGING.operation]: 'process',
    [MESSAGING.consumerGroup]: durable,
    [MESSAGING.batchCount]: events.length,
  };
  return inSpan(`process batch ${durable}`, { kind: SpanKind.CONSUMER, attributes, links }, ROOT_CONTEXT, handle);
}
