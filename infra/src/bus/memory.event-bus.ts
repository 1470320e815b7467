import type { Logger } from 'pino';
import { DomainEvent, EventBus, Subscription, SubscriptionSpec, deadLetterSubject, subjectMatches } from './event-bus';

const RETAINED = 100_000;

interface Consumer {
  spec: SubscriptionSpec;
  queue: DomainEvent[];
  draining?: Promise<void>;
}

/**
 * The embedded mode's bus, with JetStream's contract in memory: events are retained like a
 * stream (a consumer that subscribes late still receives them), de-duplicated by id, delivered
 * in order one at a time per consumer, retried up to maxDeliver, then dead-lettered. Events not
 * yet published when the process stops are still pending in the producer's outbox.
 */
export class MemoryEventBus implements EventBus {
  private readonly log: DomainEvent[] = [];
  private readonly ids = new Set<string>();
  private readonly consumers = new Set<Consumer>();
  readonly deadLetters: { subject: string; event: DomainEvent; error: string }[] = [];

  constructor(private readonly logger?: Logger, private readonly retryDelayMs = 50) {}

  async publish(event: DomainEvent): Promise<void> {
    if (this.ids.has(event.id)) return;
    this.ids.add(event.id);
    this.log.push(event);
    if (this.log.length > RETAINED) this.ids.delete(this.log.shift()!.id);
    for (const c of this.consumers) if (subjectMatches(c.spec.subject, event.type)) this.enqueue(c, event);
  }

  async subscribe(spec: SubscriptionSpec): Promise<Subscription> {
    const consumer: Consumer = { spec, queue: [] };
    this.consumers.add(consumer);
    for (const event of this.log) if (subjectMatches(spec.subject, event.type)) this.enqueue(consumer, event);
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        consumer.queue.length = 0;
        await consumer.draining;
      },
    };
  }

  async ping(): Promise<void> {}

  /** Resolves when every consumer has handled everything published so far. */
  async drain(): Promise<void> {
    while ([...this.consumers].some((c) => c.draining)) await Promise.all([...this.consumers].map((c) => c.draining));
  }

  async close(): Promise<void> {
    await this.drain();
    this.consumers.clear();
  }

  private enqueue(consumer: Consumer, event: DomainEvent): void {
    consumer.queue.push(event);
    if (!consumer.draining) {
      consumer.draining = (async () => {
        for (let next = consumer.queue.shift(); next; next = consumer.queue.shift()) await this.deliver(consumer.spec, next);
      })().finally(() => (consumer.draining = undefined));
    }
  }

  private async deliver(spec: SubscriptionSpec, event: DomainEvent): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await spec.handler(event, { deliveryCount: attempt });
        return;
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        if (attempt >= spec.maxDeliver) {
          this.deadLetters.push({ subject: deadLetterSubject(spec.durable), event, error });
          this.logger?.error({ event: event.id, type: event.type, durable: spec.durable, error }, 'event dead-lettered');
          return;
        }
        await new Promise((r) => setTimeout(r, this.retryDelayMs * attempt));
      }
    }
  }
}
