import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent, EventBus, Subscription } from '../bus/event-bus';
import { EventContractError } from '../bus/event.failures';
import { runTransaction } from '../database/transaction';
import { classifyConsumerFailure } from './failure.classifier';
import { ProcessedEventEntity } from './outbox.entity';

/** What a service declares to consume an event: its effect runs inside a transaction. */
export interface ConsumerSpec {
  /** Short name, unique within the service; the durable is `<service>-<name>`. */
  name: string;
  subject: string;
  /** Payload versions this consumer understands. */
  versions?: number[];
  /** Throws EventContractError for a payload it cannot read (dead-lettered at once, never retried). */
  handle(event: DomainEvent, manager: EntityManager): Promise<void>;
}

/** Deliveries of an event whose handler fails unexpectedly (not an outage, not a bad payload) before it is dead-lettered. */
export const DEFAULT_MAX_DELIVER = 5;

/**
 * Applies an event at most once: the processed-event row and the effect commit together, so a
 * redelivery (or a second replica) finds the row and changes nothing. Returns false for a duplicate.
 */
export async function applyOnce(dataSource: DataSource, consumer: string, event: DomainEvent, effect: (m: EntityManager) => Promise<void>): Promise<boolean> {
  return runTransaction(dataSource, async (manager) => {
    const seen = await manager.findOne(ProcessedEventEntity, { where: { eventId: event.id, consumer } });
    if (seen) return false;
    await manager.insert(ProcessedEventEntity, { eventId: event.id, consumer });
    await effect(manager);
    return true;
  });
}

export async function startConsumers(service: string, specs: ConsumerSpec[], dataSource: DataSource, bus: EventBus, logger: Logger, maxDeliver = DEFAULT_MAX_DELIVER): Promise<Subscription[]> {
  const subscriptions: Subscription[] = [];
  for (const spec of specs) {
    const durable = `${service}-${spec.name}`;
    const versions = spec.versions ?? [1];
    subscriptions.push(
      await bus.subscribe({
        durable,
        subject: spec.subject,
        maxDeliver,
        classify: (error) => classifyConsumerFailure(error, dataSource),
        handler: async (event) => {
          if (!versions.includes(event.version)) throw new EventContractError(`${durable} does not understand ${event.type} version ${event.version}`);
          const applied = await applyOnce(dataSource, durable, event, (m) => spec.handle(event, m));
          logger.debug({ durable, event: event.id, type: event.type, applied }, applied ? 'event applied' : 'duplicate event ignored');
        },
      }),
    );
  }
  return subscriptions;
}
