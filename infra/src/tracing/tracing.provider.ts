import { diag, DiagLogLevel } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** Where the spans go: OTLP over HTTP (batched), the console, or a test's exporter (one by one). */
export type SpanSink = { kind: 'otlp'; protocol: 'http/protobuf' | 'http/json' } | { kind: 'console' } | SpanExporter;

function processorFor(sink: SpanSink): SpanProcessor {
  if (!('kind' in sink)) return new SimpleSpanProcessor(sink);
  if (sink.kind === 'console') return new SimpleSpanProcessor(new ConsoleSpanExporter());
  // The exporters read their endpoint, headers and timeout from OTEL_EXPORTER_OTLP_*.
  return new BatchSpanProcessor(sink.protocol === 'http/json' ? new OtlpJsonExporter() : new OtlpProtobufExporter());
}

/**
 * Registers the process's tracer provider (W3C trace context, async-local context) and returns
 * its shutdown. Loaded by startTracing only when tracing is on: the SDK and the exporters take
 * a few hundred milliseconds and several MB to load (README, Tracing), which a process with
 * tracing off never pays.
 */
export function registerProvider(serviceName: string, sink: SpanSink): () => Promise<void> {
  // The SDK reports export failures (collector down) through diag; without a logger they would vanish.
  diag.setLogger(
    {
      error: (message: string) => process.stderr.write(`tracing: ${message}\n`),
      warn: (message: string) => process.stderr.write(`tracing: ${message}\n`),
      info: () => undefined,
      debug: () => undefined,
      verbose: () => undefined,
    },
    DiagLogLevel.WARN,
  );
  const resource = defaultResource()
    .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processorFor(sink)] });
  provider.register();
  return () => provider.shutdown();
}
