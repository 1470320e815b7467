import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent, EventBus, Subscription } from '../bus/event-bus';
import { runTransaction } from '../database/transaction';
import { ProcessedEventEntity } from './outbox.entity';

/** What a service declares to consume an event: its effect runs inside a transaction. */
export interface ConsumerSpec {
  /** Short name, unique within the service; the durable is `<service>-<name>`. */
  name: string;
  subject: string;
  /** Payload versions this consumer understands. */
  versions?: number[];
  handle(event: DomainEvent, manager: EntityManager): Promise<void>;
}

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
        handler: async (event) => {
          if (!versions.includes(event.version)) throw new Error(`${durable} does not understand ${event.type} version ${event.version}`);
          const applied = await applyOnce(dataSource, durable, event, (m) => spec.handle(event, m));
          logger.debug({ durable, event: event.id, type: event.type, applied }, applied ? 'event applied' : 'duplicate event ignored');
        },
      }),
    );
  }
  return subscriptions;
}
