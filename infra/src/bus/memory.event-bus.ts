import type { Logger } from 'pino';
import { DomainEvent, EventBus, Subscription, SubscriptionSpec, deadLetterSubject, subjectMatches } from './event-bus';

const DEDUP_WINDOW = 10_000;

/**
 * The embedded mode's bus: same contract as JetStream (msgID de-duplication, redelivery up to
 * maxDeliver, then dead letter) but in memory. Undelivered events are not lost on a crash:
 * they are still pending in the producer's outbox, which republishes them at the next start.
 */
export class MemoryEventBus implements EventBus {
  private readonly subscriptions = new Set<SubscriptionSpec>();
  private readonly seen: string[] = [];
  private readonly seenSet = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  readonly deadLetters: { subject: string; event: DomainEvent; error: string }[] = [];

  constructor(private readonly logger?: Logger, private readonly retryDelayMs = 50) {}

  async publish(event: DomainEvent): Promise<void> {
    if (this.seenSet.has(event.id)) return;
    this.seenSet.add(event.id);
    this.seen.push(event.id);
    if (this.seen.length > DEDUP_WINDOW) this.seenSet.delete(this.seen.shift()!);
    for (const spec of this.subscriptions) {
      if (subjectMatches(spec.subject, event.type)) this.track(this.deliver(spec, event));
    }
  }

  async subscribe(spec: SubscriptionSpec): Promise<Subscription> {
    this.subscriptions.add(spec);
    return { stop: async () => void this.subscriptions.delete(spec) };
  }

  async ping(): Promise<void> {}

  /** Resolves when every delivery in progress has finished (tests and shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  async close(): Promise<void> {
    await this.drain();
    this.subscriptions.clear();
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
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
