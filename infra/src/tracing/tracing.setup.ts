import { context, propagation, trace } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ConfigError } from '../config/config.loader';
import type * as ProviderModule from './tracing.provider';

type Env = Record<string, string | undefined>;

/** What startTracing decided, read from the standard OTEL_* variables. */
export type TracingChoice =
  | { enabled: false }
  | { enabled: true; exporter: 'otlp'; protocol: 'http/protobuf' | 'http/json' }
  | { enabled: true; exporter: 'console' };

const value = (env: Env, name: string): string | undefined => env[name]?.trim() || undefined;

/**
 * Tracing is off unless asked for, following the OpenTelemetry variables operators already set:
 * OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none turn it off; OTEL_TRACES_EXPORTER=otlp (or
 * console) turns it on; without OTEL_TRACES_EXPORTER, an OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT
 * or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) turns it on. The SDK's own default (export to
 * localhost:4318 when nothing is said) would make every process try a collector that is not there.
 */
export function tracingChoice(env: Env = process.env): TracingChoice {
  if (value(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true') return { enabled: false };
  const exporter = value(env, 'OTEL_TRACES_EXPORTER')?.toLowerCase();
  const endpoint = value(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? value(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (exporter === 'none' || (exporter === undefined && endpoint === undefined)) return { enabled: false };
  if (exporter === 'console') return { enabled: true, exporter: 'console' };
  if (exporter !== undefined && exporter !== 'otlp')
    throw new ConfigError([`OTEL_TRACES_EXPORTER must be otlp, console or none, got "${exporter}"`]);
  const protocol =
    value(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ?? value(env, 'OTEL_EXPORTER_OTLP_PROTOCOL') ?? 'http/protobuf';
  if (protocol !== 'http/protobuf' && protocol !== 'http/json')
    throw new ConfigError([
      `OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf or http/json (gRPC is not built in; collectors take OTLP over HTTP on port 4318), got "${protocol}"`,
    ]);
  return { enabled: true, exporter: 'otlp', protocol };
}

let active = false;

/** True once startTracing has registered a provider: the span helpers do nothing before. */
export const tracingActive = (): boolean => active;

export interface Tracing {
  enabled: boolean;
  /** Exports the spans still buffered and stops; call before the process exits. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  env?: Env;
  /** Instead of the exporter the environment names (tests pass an InMemorySpanExporter); spans go out one by one. */
  exporter?: SpanExporter;
}

/**
 * Registers the process's tracer provider (W3C trace context, async-local context) when the
 * environment asks for tracing, or when a test passes its own exporter; otherwise does nothing,
 * and every span helper stays a plain call. `serviceName` is the default `service.name`;
 * OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES override it. Sampling follows OTEL_TRACES_SAMPLER
 * (default: parent-based, always on), batching OTEL_BSP_*, the exporter OTEL_EXPORTER_OTLP_*.
 */
export function startTracing(serviceName: string, options: TracingOptions = {}): Tracing {
  let sink: ProviderModule.SpanSink;
  if (options.exporter) sink = options.exporter;
  else {
    const choice = tracingChoice(options.env ?? process.env);
    if (!choice.enabled) return { enabled: false, shutdown: async () => undefined };
    sink = choice.exporter === 'console' ? { kind: 'console' } : { kind: 'otlp', protocol: choice.protocol };
  }
  if (active) throw new Error('tracing is already started in this process');
  // Required here, not imported: a process with tracing off never loads the SDK (see registerProvider).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; import() would make startTracing, and so every main's start, async
  const { registerProvider } = require('./tracing.provider') as typeof ProviderModule;
  const stopProvider = registerProvider(serviceName, sink);
  active = true;
  return {
    enabled: true,
    shutdown: async () => {
      active = false;
      await stopProvider();
      // Unregistered, so a later startTracing in the same process (a test) registers its own.
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
