import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '../tracing/tracing.setup';

export type { ReadableSpan };

export interface TestTracing {
  /** Every span ended so far, in the order they ended. */
  spans(): ReadableSpan[];
  stop(): Promise<void>;
}

/** Tracing of this test process into memory, as startTracing registers it for real. */
export function startTestTracing(serviceName = 'test'): TestTracing {
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing(serviceName, { exporter });
  return { spans: () => exporter.getFinishedSpans(), stop: () => tracing.shutdown() };
}

/** Span kinds as the SDK records them, so tests need not depend on the API package. */
export { SpanKind } from '@opentelemetry/api';
