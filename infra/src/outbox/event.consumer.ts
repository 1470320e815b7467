import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent, EventBus, Subscription } from '../bus/event-bus';
import { EventContractError } from '../bus/event.failures';
import type { ContractEvent, EventContract } from '../contracts/event.contract';
import { runTransaction } from '../database/transaction';
import { classifyConsumerFailure } from './failure.classifier';
import { ProcessedEventEntity } from './outbox.entity';

/**
 * What a service declares to consume an event: the contract it reads (its subject and version,
 * owned by the producer) and an effect that runs inside a transaction on the parsed payload.
 */
export interface ConsumerSpec<T = unknown> {
  /** Short name, unique within the service; the durable is `<service>-<name>`. */
  name: string;
  contract: EventContract<T>;
  /**
   * Other versions of the same subject this consumer reads, parsed to the same payload type: a
   * release that reads version 2 keeps reading version 1 until no producer publishes it.
   */
  alsoReads?: EventContract<T>[];
  /**
   * Called only with a payload the contract accepts. May still throw EventContractError for a
   * payload that is well-formed but refers to nothing it can apply (dead-lettered at once).
   * Method syntax on purpose: a ConsumerSpec<Payload> then fits in a list of ConsumerSpec.
   */
  handle(event: ContractEvent<T>, manager: EntityManager): Promise<void>;
}

/** Deliveries of an event whose handler fails unexpectedly (not an outage, not a bad payload) before it is dead-lettered. */
export const DEFAULT_MAX_DELIVER = 5;

/**
 * Applies an event at most once: the processed-event row and the effect commit together, so a
 * redelivery (or a second replica) finds the row and changes nothing. Returns false for a duplicate.
 */
export async function applyOnce(
  dataSource: DataSource,
  consumer: string,
  event: DomainEvent,
  effect: (m: EntityManager) => Promise<void>,
): Promise<boolean> {
  return runTransaction(dataSource, async (manager) => {
    const seen = await manager.findOne(ProcessedEventEntity, { where: { eventId: event.id, consumer } });
    if (seen) return false;
    await manager.insert(ProcessedEventEntity, { eventId: event.id, consumer });
    await effect(manager);
    return true;
  });
}

export async function startConsumers(
  service: string,
  specs: ConsumerSpec[],
  dataSource: DataSource,
  bus: EventBus,
  logger: Logger,
  maxDeliver = DEFAULT_MAX_DELIVER,
): Promise<Subscription[]> {
  const subscriptions: Subscription[] = [];
  for (const spec of specs) {
    const durable = `${service}-${spec.name}`;
    const { contract } = spec;
    const readable = new Map([contract, ...(spec.alsoReads ?? [])].map((c) => [c.version, c]));
    if ([...readable.values()].some((c) => c.subject !== contract.subject))
      throw new Error(`${durable} reads contracts of different subjects; declare one consumer per subject`);
    subscriptions.push(
      await bus.subscribe({
        durable,
        subject: contract.subject,
        maxDeliver,
        classify: (error) => classifyConsumerFailure(error, dataSource),
        handler: async (event) => {
          const read = readable.get(event.version);
          if (!read)
            throw new EventContractError(`${durable} does not understand ${event.type} version ${event.version}`);
          // Parsed before the transaction: a bad payload is refused the same way by every consumer, with the field it names.
          const parsed = read.parseEvent(event);
          const applied = await applyOnce(dataSource, durable, event, (m) => spec.handle(parsed, m));
          logger.debug(
            { durable, event: event.id, type: event.type, applied },
            applied ? 'event applied' : 'duplicate event ignored',
          );
        },
      }),
    );
  }
  return subscriptions;
}

/** Declares a consumer of one contract; the handler's payload type is the contract's. */
export function consumerOf<T>(
  contract: EventContract<T>,
  name: string,
  handle: (event: ContractEvent<T>, manager: EntityManager) => Promise<void>,
): ConsumerSpec<T> {
  return { name, contract, handle };
}
