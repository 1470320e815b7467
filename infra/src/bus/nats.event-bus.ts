import { randomUUID } from 'node:crypto';
import type { JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { connect, headers, nanos } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { DeliveryOutcome } from './delivery.policy';
import { DEFAULT_MAX_BATCH, deliverBatch } from './delivery.policy';
import type {
  DeadLetter,
  DeadLetterFilter,
  DomainEvent,
  EventBus,
  ReplayResult,
  Subscription,
  SubscriptionSpec,
} from './event-bus';
import { deadLetterSubject, parseEvent } from './event-bus';
import type { DeadLetterInfo } from './nats.dead-letters';
import { natsServerList } from './nats.config';
import { deadLetterHeaders, NatsDeadLetters } from './nats.dead-letters';
import { metrics } from '../metrics/metrics.registry';
import { isTraceparent } from '../tracing/tracing.spans';

/**
 * One stream per producing service (`TRAINING` holds `training.>`), plus one for dead letters.
 * A namespace prefixes every subject and stream, so that isolated environments (each test
 * file, a staging copy) can share one NATS server without seeing each other's events.
 */
export const streamFor = (subject: string, namespace = ''): { name: string; subjects: string[] } => {
  const token = subject.split('.')[0];
  if (!token || token === '>' || token === '*') throw new Error(`subject "${subject}" names no producing service`);
  const prefix = namespace ? `${namespace.toUpperCase()}_` : '';
  return {
    name: `${prefix}${token.toUpperCase()}`.replace(/[^A-Z0-9_-]/g, '_'),
    subjects: [`${namespace ? `${namespace}.` : ''}${token}.>`],
  };
};

export interface NatsBusOptions {
  namespace?: string;
  timeoutMs?: number;
  /** How long a delivered message may go without ack or keep-alive before JetStream redelivers it. */
  ackWaitMs?: number;
  /** Copies of each stream and durable consumer this bus creates (NATS_REPLICAS); 1 unless on a cluster. */
  replicas?: number;
}

const DUPLICATE_WINDOW_MS = 10 * 60_000;
const ACK_WAIT_MS = 30_000;

export class NatsEventBus implements EventBus {
  private readonly ensured = new Map<string, Promise<void>>();
  private readonly consumers = new Set<Subscription>();
  /** Durable consumers this bus has subscribed, with their stream, for `backlog()`. */
  private readonly durables = new Map<string, string>();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly logger?: Logger,
    readonly namespace = '',
    private readonly ackWaitMs = ACK_WAIT_MS,
    private readonly replicas = 1,
  ) {}

  private wire(subject: string): string {
    return this.namespace ? `${this.namespace}.${subject}` : subject;
  }

  /**
   * Connects to one of the servers in `url` (one URL, or several separated by commas: the nodes
   * of a cluster) or throws within `timeoutMs`; once connected, reconnects forever, to any node.
   */
  static async connect(url: string, logger?: Logger, options: NatsBusOptions = {}): Promise<NatsEventBus> {
    const timeoutMs = options.timeoutMs ?? 5000;
    if (options.namespace && !/^[a-z0-9_]+$/.test(options.namespace))
      throw new Error(`NATS namespace may hold only a-z, 0-9 and _, got "${options.namespace}"`);
    const servers = natsServerList(url);
    if (!servers.length) throw new Error('no NATS server given');
    const nc = await connect({
      servers,
      timeout: timeoutMs,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      // The connection carries the service's name (a child logger's, else the process's), as the server's connz lists it.
      name: (logger?.bindings().service ?? logger?.bindings().name) as string | undefined,
    });
    const jsm = await jetstreamManager(nc, { timeout: timeoutMs });
    const bus = new NatsEventBus(
      nc,
      jetstream(nc, { timeout: timeoutMs }),
      jsm,
      logger,
      options.namespace,
      options.ackWaitMs,
      options.replicas,
    );
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'disconnect' || s.type === 'reconnect')
          logger?.warn({ nats: s.type, server: s.server }, 'NATS connection status');
      }
    })();
    return bus;
  }

  /**
   * Creates the stream if missing; all services declare streams the same way, so this is
   * idempotent. A stream kept on fewer or more nodes than NATS_REPLICAS says is brought to that
   * number (a single server grown into a cluster): JetStream copies it to the new nodes itself.
   */
  ensureStream(subject: string): Promise<void> {
    const { name, subjects } = streamFor(subject, this.namespace);
    let pending = this.ensured.get(name);
    if (!pending) {
      pending = (async () => {
        const existing = await this.jsm.streams.info(name).catch(() => null);
        if (!existing) {
          await this.jsm.streams.add({
            name,
            subjects,
            duplicate_window: nanos(DUPLICATE_WINDOW_MS),
            num_replicas: this.replicas,
          });
          return;
        }
        if ((existing.config.num_replicas || 1) !== this.replicas) {
          await this.jsm.streams.update(name, { num_replicas: this.replicas });
          this.logger?.info(
            { stream: name, was: existing.config.num_replicas, replicas: this.replicas },
            'stream replicas updated',
          );
        }
      })();
      pending.catch(() => this.ensured.delete(name));
      this.ensured.set(name, pending);
    }
    return pending;
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.ensureStream(event.type);
    let traceHeaders;
    if (event.traceparent) {
      // The trace context travels as a message header too, where NATS tooling looks for it.
      traceHeaders = headers();
      traceHeaders.set('traceparent', event.traceparent);
    }
    await this.js.publish(this.wire(event.type), JSON.stringify(event), { msgID: event.id, headers: traceHeaders });
  }

  /**
   * Creates the durable consumer, or brings one created by an older release to the settings
   * this code relies on: the bus counts deliveries itself, so the server must never stop
   * redelivering (max_deliver -1), and ack_wait must be what keepAlive refreshes.
   */
  private async ensureConsumer(stream: string, spec: SubscriptionSpec): Promise<void> {
    const wanted = { ack_wait: nanos(this.ackWaitMs), max_deliver: -1 };
    const existing = await this.jsm.consumers.info(stream, spec.durable).catch(() => null);
    if (!existing) {
      await this.jsm.consumers.add(stream, {
        durable_name: spec.durable,
        filter_subject: this.wire(spec.subject),
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        // num_replicas left out: the durable is kept on as many nodes as its stream, now and after
        // NATS_REPLICAS changes the stream's (an explicit number would stay behind), so its
        // position survives the nodes its stream survives.
        ...wanted,
      });
      return;
    }
    if (existing.config.ack_wait !== wanted.ack_wait || (existing.config.max_deliver ?? -1) !== wanted.max_deliver) {
      await this.jsm.consumers.update(stream, spec.durable, wanted);
      this.logger?.info(
        {
          durable: spec.durable,
          was: { ack_wait: existing.config.ack_wait, max_deliver: existing.config.max_deliver },
        },
        'durable consumer settings updated',
      );
    }
  }

  async subscribe(spec: SubscriptionSpec): Promise<Subscription> {
    const { name: stream } = streamFor(spec.subject, this.namespace);
    await this.ensureStream(spec.subject);
    await this.ensureStream(deadLetterSubject(spec.durable));
    await this.ensureConsumer(stream, spec);
    this.durables.set(spec.durable, stream);
    const consumer = await this.js.consumers.get(stream, spec.durable);
    const unprobe = metrics.probe(metrics.consumerPending, `${spec.durable}:${randomUUID()}`, async (gauge) => {
      const info = await this.jsm.consumers.info(stream, spec.durable).catch(() => undefined);
      // The durable's backlog on the server: replicas of one durable report the same value, hence set, not add.
      if (info) gauge.set({ durable: spec.durable }, info.num_pending + info.num_ack_pending);
    });
    const maxBatch = Math.max(1, spec.maxBatch ?? DEFAULT_MAX_BATCH);
    const messages = await consumer.consume({ max_messages: Math.max(64, maxBatch) });
    const stopping = new AbortController();
    // The pump reads what the server pushes into a buffer (at most maxBatch waiting: reading
    // further would pull more); the worker takes everything buffered as one batch, so a batch
    // is whatever arrived while the previous one was being applied, and a lone event waits for
    // nothing.
    const buffer: JsMsg[] = [];
    let wakeWorker: (() => void) | undefined;
    let wakePump: (() => void) | undefined;
    let pumping = true;
    const pump = (async () => {
      try {
        for await (const msg of messages) {
          buffer.push(msg);
          wakeWorker?.();
          while (buffer.length >= maxBatch && !stopping.signal.aborted) await new Promise<void>((r) => (wakePump = r));
        }
      } finally {
        pumping = false;
        wakeWorker?.();
      }
    })();
    const worker = (async () => {
      for (;;) {
        if (!buffer.length) {
          if (!pumping) return;
          await new Promise<void>((r) => (wakeWorker = r));
          wakeWorker = undefined;
          continue;
        }
        const batch = buffer.splice(0, maxBatch);
        wakePump?.();
        try {
          await this.handle(spec, batch, stopping.signal);
        } catch (err) {
          // Only NATS itself failing lands here (acks and naks are fire-and-forget); the messages
          // are redelivered after ack_wait, and the loop must go on.
          this.logger?.error(
            { durable: spec.durable, error: err instanceof Error ? err.message : String(err) },
            'event delivery failed',
          );
        }
      }
    })();
    const subscription: Subscription = {
      stop: async () => {
        unprobe();
        stopping.abort();
        wakePump?.();
        await messages.close();
        await pump;
        await worker;
        this.consumers.delete(subscription);
      },
    };
    this.consumers.add(subscription);
    return subscription;
  }

  /** Handles the messages of one batch: unreadable ones are dead-lettered, the rest delivered together and then acked. */
  private async handle(spec: SubscriptionSpec, msgs: JsMsg[], stopping: AbortSignal): Promise<void> {
    const readable: { msg: JsMsg; event: DomainEvent }[] = [];
    for (const msg of msgs) {
      try {
        const event = parseEvent(msg.json());
        const traceparent = msg.headers?.get('traceparent');
        if (isTraceparent(traceparent)) event.traceparent = traceparent;
        readable.push({ msg, event });
      } catch (err) {
        const subject = msg.subject.startsWith(this.wire('')) ? msg.subject.slice(this.wire('').length) : msg.subject;
        await this.deadLetter(msg, {
          subject,
          durable: spec.durable,
          eventId: null,
          failure: 'permanent',
          error: err instanceof Error ? err.message : String(err),
          deliveries: msg.info.deliveryCount,
        });
      }
    }
    if (!readable.length) return;
    if (stopping.aborted) return readable.forEach(({ msg }) => msg.nak());
    await deliverBatch(
      spec,
      readable.map((r) => r.event),
      readable.map(({ msg }, i) => ({
        deliveryCount: msg.info.deliveryCount,
        signal: stopping,
        // While this event is retried in place, the batch's later events wait for it: keep them too.
        keepAlive: () => readable.slice(i).forEach((r) => r.msg.working()),
        logger: this.logger,
      })),
      (i, outcome) => this.settle(spec, readable[i].msg, readable[i].event, outcome),
    );
  }

  private async settle(
    spec: SubscriptionSpec,
    msg: JsMsg,
    event: DomainEvent,
    outcome: DeliveryOutcome,
  ): Promise<void> {
    const deliveries = msg.info.deliveryCount;
    if (outcome.status === 'handled') return msg.ack();
    // Shutting down: hand the message back at once, for another replica or the next start.
    if (outcome.status === 'stopped') return msg.nak();
    const info = {
      subject: event.type,
      durable: spec.durable,
      eventId: event.id,
      failure: outcome.failure,
      error: outcome.error,
      deliveries,
    };
    if (outcome.failure === 'permanent' || deliveries >= spec.maxDeliver) return this.deadLetter(msg, info);
    this.logger?.warn(
      { durable: spec.durable, event: event.id, deliveries, error: outcome.error },
      'event handler failed; will retry',
    );
    msg.nak(Math.min(200 * 2 ** deliveries, 10_000));
  }

  /**
   * Publishes the message to `deadletter.<durable>` with why it failed, then ends its delivery.
   * The msgID makes a repeat of the same delivery (the term lost, the message redelivered) one letter.
   * When the letter cannot be written the message is not terminated but redelivered later.
   */
  private async deadLetter(msg: JsMsg, info: DeadLetterInfo): Promise<void> {
    try {
      await this.js.publish(this.wire(deadLetterSubject(info.durable)), msg.data, {
        headers: deadLetterHeaders(info),
        msgID: `${info.durable}:${msg.seq}`,
      });
    } catch (err) {
      this.logger?.error(
        { durable: info.durable, event: info.eventId, error: err instanceof Error ? err.message : String(err) },
        'cannot write dead letter; the event will be redelivered',
      );
      return msg.nak(this.ackWaitMs);
    }
    msg.term();
    metrics.consumerMessages.inc({ durable: info.durable, outcome: 'dead_lettered' });
    this.logger?.error(
      {
        durable: info.durable,
        event: info.eventId,
        failure: info.failure,
        error: info.error,
        deliveries: info.deliveries,
      },
      'event dead-lettered',
    );
  }

  private deadLetters(): NatsDeadLetters {
    return new NatsDeadLetters(
      this.js,
      this.jsm,
      streamFor(deadLetterSubject('any'), this.namespace).name,
      this.wire(''),
    );
  }

  listDeadLetters(filter?: DeadLetterFilter): Promise<DeadLetter[]> {
    return this.deadLetters().list(filter);
  }

  replayDeadLetters(filter?: DeadLetterFilter): Promise<ReplayResult> {
    return this.deadLetters().replay(filter);
  }

  /** Removes this namespace's streams, KeyValue buckets (the gateway's rate limits) included: tests clean up after themselves. */
  async deleteNamespaceStreams(): Promise<void> {
    if (!this.namespace) throw new Error('refusing to delete streams outside a namespace');
    const prefix = `${this.namespace.toUpperCase()}_`;
    for await (const info of this.jsm.streams.list())
      if (info.config.name.startsWith(prefix) || info.config.name.startsWith(`KV_${prefix}`))
        await this.jsm.streams.delete(info.config.name);
  }

  /**
   * Messages of this bus's durable consumers not yet acknowledged: waiting to be delivered or
   * delivered and being applied. 0 means every event so far is applied (or dead-lettered).
   */
  async backlog(): Promise<number> {
    let total = 0;
    for (const [durable, stream] of this.durables) {
      const info = await this.jsm.consumers.info(stream, durable);
      total += info.num_pending + info.num_ack_pending;
    }
    return total;
  }

  /**
   * Messages not yet acknowledged by any durable consumer on this namespace's streams, whichever
   * process subscribed them: what a test waits for when the consumers run in other processes.
   */
  async namespaceBacklog(): Promise<number> {
    if (!this.namespace) throw new Error('the backlog of every durable is read within a namespace only');
    const prefix = `${this.namespace.toUpperCase()}_`;
    let total = 0;
    for await (const stream of this.jsm.streams.list())
      if (stream.config.name.startsWith(prefix))
        for await (const consumer of this.jsm.consumers.list(stream.config.name))
          total += consumer.num_pending + consumer.num_ack_pending;
    return total;
  }

  /** Messages the stream holds on one subject (the namespace added here): one per event, as de-duplication keeps it. */
  async storedCount(subject: string): Promise<number> {
    const { name } = streamFor(subject, this.namespace);
    const info = await this.jsm.streams.info(name, { subjects_filter: this.wire(subject) });
    return info.state.subjects?.[this.wire(subject)] ?? 0;
  }

  /**
   * Where JetStream keeps the stream of a subject, or one of its durable consumers: the copies
   * configured (0 for a durable that follows its stream), its leader node and the other nodes.
   */
  async placement(
    subject: string,
    durable?: string,
  ): Promise<{ replicas: number; leader?: string; followers: string[] }> {
    const { name } = streamFor(subject, this.namespace);
    const info = durable ? await this.jsm.consumers.info(name, durable) : await this.jsm.streams.info(name);
    return {
      replicas: info.config.num_replicas ?? 0,
      leader: info.cluster?.leader,
      followers: (info.cluster?.replicas ?? []).map((r) => r.name),
    };
  }

  async ping(): Promise<void> {
    if (this.nc.isClosed()) throw new Error('NATS connection closed');
    await this.nc.flush();
  }

  async close(): Promise<void> {
    for (const c of [...this.consumers]) await c.stop();
    await this.nc.drain();
  }
}
