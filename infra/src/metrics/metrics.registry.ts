import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds; from a cached subgraph answer to a bulk import through the gateway. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120];

/** A gauge read when scraped: each source adds its own (a service's outbox, a durable's backlog, a pool). */
type Probe = (gauge: Gauge) => Promise<void> | void;

/** Operation names come from clients: past this many distinct ones, new names count as `other`. */
const MAX_OPERATION_NAMES = 500;

/**
 * The process's Prometheus metrics (`GET /metrics` on every process). One registry per process:
 * in the embedded mode the gateway and the three subgraphs share a process, so the metrics of a
 * subgraph carry a `service` label. Names follow Prometheus conventions (`_total`, `_seconds`).
 */
export class ProcessMetrics {
  readonly registry = new Registry();
  private readonly probes = new Map<Gauge, Map<string, Probe>>();
  private readonly operationNames = new Set<string>();

  readonly httpRequests = new Counter({
    name: 'kesos_http_requests_total',
    help: 'HTTP requests answered, by route (first path segment; unmatched for 404), method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'kesos_http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, by route',
    labelNames: ['route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlOperations = new Counter({
    name: 'kesos_graphql_operations_total',
    help: 'GraphQL operations executed, by service, operation name, type and outcome (ok or error)',
    labelNames: ['service', 'operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'kesos_graphql_operation_duration_seconds',
    help: 'Time to execute a GraphQL operation, by service and operation name',
    labelNames: ['service', 'operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'kesos_graphql_errors_total',
    help: 'GraphQL errors answered, by service and error code (BAD_USER_INPUT, FORBIDDEN, INTERNAL_SERVER_ERROR, ...)',
    labelNames: ['service', 'code'] as const,
    registers: [this.registry],
  });

  readonly subgraphFetches = new Histogram({
    name: 'kesos_subgraph_fetch_duration_seconds',
    help: "The gateway's calls of a subgraph, by subgraph and outcome (ok, client_error, server_error, unavailable)",
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly outboxPublished = new Counter({
    name: 'kesos_outbox_published_total',
    help: 'Outbox events published to the bus, by service',
    labelNames: ['service'] as const,
    registers: [this.registry],
  });

  readonly outboxPublishLag = new Histogram({
    name: 'kesos_outbox_publish_lag_seconds',
    help: "Time from an event's commit in the outbox to its publication, by service",
    labelNames: ['service'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly outboxPending = this.probedGauge(
    'kesos_outbox_pending',
    'Outbox events committed but not yet published, by service',
    ['service'],
  );

  readonly consumerMessages = new Counter({
    name: 'kesos_consumer_messages_total',
    help: 'Events delivered to a durable consumer, by durable and outcome (handled, failed, dead_lettered)',
    labelNames: ['durable', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly consumerRedeliveries = new Counter({
    name: 'kesos_consumer_redeliveries_total',
    help: 'Deliveries of an event after its first, by durable',
    labelNames: ['durable'] as const,
    registers: [this.registry],
  });

  readonly consumerPending = this.probedGauge(
    'kesos_consumer_pending',
    'Events waiting for a durable consumer: not yet delivered plus delivered and not yet acknowledged (JetStream)',
    ['durable'],
  );

  readonly dbPool = this.probedGauge(
    'kesos_db_pool_connections',
    "Connections of a service's MariaDB pool, by state (in_use, idle, waiting for a connection)",
    ['service', 'state'],
  );

  constructor() {
    // Event-loop lag, heap, GC and CPU of the process, as every Node exporter has them.
    collectDefaultMetrics({ register: this.registry, prefix: 'kesos_' });
  }

  private probedGauge(name: string, help: string, labelNames: string[]): Gauge {
    const probes = new Map<string, Probe>();
    const gauge: Gauge = new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        gauge.reset();
        await Promise.all([...probes.values()].map(async (probe) => probe(gauge)));
      },
    });
    this.probes.set(gauge, probes);
    return gauge;
  }

  /** Adds what a source reports to a probed gauge at every scrape, until the returned function removes it. */
  probe(gauge: Gauge, key: string, probe: Probe): () => void {
    const probes = this.probes.get(gauge);
    if (!probes) throw new Error('not a probed gauge');
    probes.set(key, probe);
    return () => {
      if (probes.get(key) === probe) probes.delete(key);
    };
  }

  /** The operation's label: its name if it is a plain name and the process has not seen too many. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }
}

/** This process's metrics. */
export const metrics = new ProcessMetrics();
