import { AckPolicy, DeliverPolicy, JetStreamClient, JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection, connect, headers, nanos } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { DomainEvent, EventBus, Subscription, SubscriptionSpec, deadLetterSubject, parseEvent } from './event-bus';

/**
 * One stream per producing service (`TRAINING` holds `training.>`), plus one for dead letters.
 * A namespace prefixes every subject and stream, so that isolated environments (each test
 * file, a staging copy) can share one NATS server without seeing each other's events.
 */
export const streamFor = (subject: string, namespace = ''): { name: string; subjects: string[] } => {
  const token = subject.split('.')[0];
  if (!token || token === '>' || token === '*') throw new Error(`subject "${subject}" names no producing service`);
  const prefix = namespace ? `${namespace.toUpperCase()}_` : '';
  return { name: `${prefix}${token.toUpperCase()}`.replace(/[^A-Z0-9_-]/g, '_'), subjects: [`${namespace ? `${namespace}.` : ''}${token}.>`] };
};

export interface NatsBusOptions {
  namespace?: string;
  timeoutMs?: number;
}

const DUPLICATE_WINDOW_MS = 10 * 60_000;
const ACK_WAIT_MS = 30_000;

export class NatsEventBus implements EventBus {
  private readonly ensured = new Map<string, Promise<void>>();
  private readonly consumers = new Set<Subscription>();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly logger?: Logger,
    readonly namespace = '',
  ) {}

  private wire(subject: string): string {
    return this.namespace ? `${this.namespace}.${subject}` : subject;
  }

  /** Connects or throws within `timeoutMs`; reconnects forever once connected. */
  static async connect(url: string, logger?: Logger, options: NatsBusOptions = {}): Promise<NatsEventBus> {
    const timeoutMs = options.timeoutMs ?? 5000;
    if (options.namespace && !/^[a-z0-9_]+$/.test(options.namespace)) throw new Error(`NATS namespace may hold only a-z, 0-9 and _, got "${options.namespace}"`);
    const nc = await connect({ servers: url, timeout: timeoutMs, maxReconnectAttempts: -1, reconnectTimeWait: 500, name: logger?.bindings().service as string | undefined });
    const jsm = await jetstreamManager(nc, { timeout: timeoutMs });
    const bus = new NatsEventBus(nc, jetstream(nc, { timeout: timeoutMs }), jsm, logger, options.namespace);
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'disconnect' || s.type === 'reconnect') logger?.warn({ nats: s.type }, 'NATS connection status');
      }
    })();
    return bus;
  }

  /** Creates the stream if missing; all services declare streams the same way, so this is idempotent. */
  ensureStream(subject: string): Promise<void> {
    const { name, subjects } = streamFor(subject, this.namespace);
    let pending = this.ensured.get(name);
    if (!pending) {
      pending = (async () => {
        try {
          await this.jsm.streams.info(name);
        } catch {
          await this.jsm.streams.add({ name, subjects, duplicate_window: nanos(DUPLICATE_WINDOW_MS) });
        }
      })();
      pending.catch(() => this.ensured.delete(name));
      this.ensured.set(name, pending);
    }
    return pending;
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.ensureStream(event.type);
    await this.js.publish(this.wire(event.type), JSON.stringify(event), { msgID: event.id });
  }

  async subscribe(spec: SubscriptionSpec): Promise<Subscription> {
    const { name: stream } = streamFor(spec.subject, this.namespace);
    await this.ensureStream(spec.subject);
    await this.ensureStream(deadLetterSubject(spec.durable));
    try {
      await this.jsm.consumers.info(stream, spec.durable);
    } catch {
      await this.jsm.consumers.add(stream, {
        durable_name: spec.durable,
        filter_subject: this.wire(spec.subject),
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: nanos(ACK_WAIT_MS),
      });
    }
    const consumer = await this.js.consumers.get(stream, spec.durable);
    const messages = await consumer.consume({ max_messages: 64 });
    const loop = (async () => {
      for await (const msg of messages) {
        let event: DomainEvent | undefined;
        try {
          event = parseEvent(msg.json());
          await spec.handler(event, { deliveryCount: msg.info.deliveryCount });
          msg.ack();
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          if (!event || msg.info.deliveryCount >= spec.maxDeliver) {
            await this.deadLetter(spec.durable, msg.data, error, msg.info.deliveryCount);
            msg.term();
          } else {
            this.logger?.warn({ durable: spec.durable, event: event.id, deliveries: msg.info.deliveryCount, error }, 'event handler failed; will retry');
            msg.nak(Math.min(200 * 2 ** msg.info.deliveryCount, 10_000));
          }
        }
      }
    })();
    const subscription: Subscription = {
      stop: async () => {
        await messages.close();
        await loop;
        this.consumers.delete(subscription);
      },
    };
    this.consumers.add(subscription);
    return subscription;
  }

  private async deadLetter(durable: string, data: Uint8Array, error: string, deliveries: number): Promise<void> {
    const h = headers();
    h.set('Kesos-Error', error.slice(0, 500));
    h.set('Kesos-Deliveries', String(deliveries));
    await this.js.publish(this.wire(deadLetterSubject(durable)), data, { headers: h });
    this.logger?.error({ durable, error, deliveries }, 'event dead-lettered');
  }

  /** Removes this namespace's streams (tests clean up after themselves). */
  async deleteNamespaceStreams(): Promise<void> {
    if (!this.namespace) throw new Error('refusing to delete streams outside a namespace');
    const prefix = `${this.namespace.toUpperCase()}_`;
    for await (const info of this.jsm.streams.list()) if (info.config.name.startsWith(prefix)) await this.jsm.streams.delete(info.config.name);
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
