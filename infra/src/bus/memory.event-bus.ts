import type { Logger } from 'pino';
import type { DeliveryOutcome } from './delivery.policy';
import { DEFAULT_MAX_BATCH, deliver, deliverBatch } from './delivery.policy';
import type {
  DeadLetter,
  DeadLetterFilter,
  DomainEvent,
  EventBus,
  ReplayResult,
  Subscription,
  SubscriptionSpec,
} from './event-bus';
import { subjectMatches } from './event-bus';
import { metrics } from '../metrics/metrics.registry';

const RETAINED = 100_000;

interface Consumer {
  spec: SubscriptionSpec;
  queue: DomainEvent[];
  draining?: Promise<void>;
  stopping: AbortController;
}

/**
 * The embedded mode's bus, with JetStream's contract in memory: events are retained like a
 * stream (a consumer that subscribes late still receives them), de-duplicated by id, delivered
 * in order per consumer (the events queued while the previous ones were applied go together
 * to a consumer's batch handler, see SubscriptionSpec.handleBatch). Failures are treated as on
 * NATS (delivery.policy): an outage is retried in place until it passes, a contract failure is
 * dead-lettered at once, an unexpected one after maxDeliver attempts. Dead letters are kept in memory for the life of
 * the process. Events not yet published when the process stops are still pending in the
 * producer's outbox.
 */
export class MemoryEventBus implements EventBus {
  private readonly log: DomainEvent[] = [];
  private readonly ids = new Set<string>();
  private readonly consumers = new Set<Consumer>();
  private readonly letters: { letter: DeadLetter; event: DomainEvent }[] = [];
  private nextLetter = 1;

  constructor(
    private readonly logger?: Logger,
    private readonly retryDelayMs = 50,
  ) {}

  async publish(event: DomainEvent): Promise<void> {
    if (this.ids.has(event.id)) return;
    this.ids.add(event.id);
    this.log.push(event);
    if (this.log.length > RETAINED) this.ids.delete(this.log.shift()!.id);
    this.fanOut(event);
  }

  async subscribe(spec: SubscriptionSpec): Promise<Subscription> {
    const consumer: Consumer = { spec, queue: [], stopping: new AbortController() };
    this.consumers.add(consumer);
    for (const event of this.log) if (subjectMatches(spec.subject, event.type)) this.enqueue(consumer, event);
    return {
      stop: async () => {
        consumer.stopping.abort();
        this.consumers.delete(consumer);
        consumer.queue.length = 0;
        await consumer.draining;
      },
    };
  }

  async ping(): Promise<void> {}

  /** Resolves when every consumer has handled everything published so far. */
  async drain(): Promise<void> {
    while ([...this.consumers].some((c) => c.draining !== undefined))
      await Promise.all([...this.consumers].map((c) => c.draining ?? Promise.resolve()));
  }

  async close(): Promise<void> {
    await this.drain();
    this.consumers.clear();
  }

  async listDeadLetters(filter: DeadLetterFilter = {}): Promise<DeadLetter[]> {
    return this.matching(filter).map((l) => l.letter);
  }

  /** As on NATS: every consumer of the subject receives the event again, bypassing the de-duplication by id. */
  async replayDeadLetters(filter: DeadLetterFilter = {}): Promise<ReplayResult> {
    const chosen = this.matching(filter);
    for (const entry of chosen) {
      this.letters.splice(this.letters.indexOf(entry), 1);
      this.fanOut(entry.event);
    }
    return { replayed: chosen.map((l) => l.letter), skipped: [] };
  }

  private matching(filter: DeadLetterFilter) {
    return this.letters.filter(
      ({ letter }) =>
        (!filter.durable || letter.durable === filter.durable) &&
        (!filter.eventId || letter.eventId === filter.eventId),
    );
  }

  private fanOut(event: DomainEvent): void {
    for (const c of this.consumers) if (subjectMatches(c.spec.subject, event.type)) this.enqueue(c, event);
  }

  private enqueue(consumer: Consumer, event: DomainEvent): void {
    consumer.queue.push(event);
    consumer.draining ??= (async () => {
      const maxBatch = Math.max(1, consumer.spec.maxBatch ?? DEFAULT_MAX_BATCH);
      for (let next = consumer.queue.splice(0, maxBatch); next.length; next = consumer.queue.splice(0, maxBatch))
        await this.deliverMany(consumer, next);
    })().finally(() => (consumer.draining = undefined));
  }

  /** The events queued together: as one batch when the consumer takes batches, each finished (retries included) before the next. */
  private async deliverMany(consumer: Consumer, events: DomainEvent[]): Promise<void> {
    const control = {
      deliveryCount: 1,
      signal: consumer.stopping.signal,
      keepAlive: () => undefined,
      logger: this.logger,
    };
    await deliverBatch(
      consumer.spec,
      events,
      events.map(() => control),
      (i, outcome) => this.deliver(consumer, events[i], outcome),
    );
  }

  /** Delivers again until the event is handled or dead-lettered, `first` being the first delivery's outcome. */
  private async deliver(consumer: Consumer, event: DomainEvent, first: DeliveryOutcome): Promise<void> {
    const { spec, stopping } = consumer;
    for (let attempt = 1; ; attempt++) {
      const outcome =
        attempt === 1
          ? first
          : await deliver(spec, event, {
              deliveryCount: attempt,
              signal: stopping.signal,
              keepAlive: () => undefined,
              logger: this.logger,
            });
      if (attempt > 1 && outcome.status !== 'stopped') {
        // The first delivery was counted by deliverBatch; retries in place are redeliveries.
        metrics.consumerMessages.inc({
          durable: spec.durable,
          outcome: outcome.status === 'handled' ? 'handled' : 'failed',
        });
        metrics.consumerRedeliveries.inc({ durable: spec.durable });
      }
      if (outcome.status !== 'failed') return;
      if (outcome.failure === 'permanent' || attempt >= spec.maxDeliver) {
        const letter: DeadLetter = {
          seq: this.nextLetter++,
          durable: spec.durable,
          subject: event.type,
          eventId: event.id,
          failure: outcome.failure,
          error: outcome.error,
          deliveries: attempt,
          deadLetteredAt: new Date().toISOString(),
        };
        this.letters.push({ letter, event });
        metrics.consumerMessages.inc({ durable: spec.durable, outcome: 'dead_lettered' });
        this.logger?.error(
          { event: event.id, type: event.type, durable: spec.durable, failure: outcome.failure, error: outcome.error },
          'event dead-lettered',
        );
        return;
      }
      await new Promise((r) => setTimeout(r, this.retryDelayMs * attempt));
    }
  }
}
