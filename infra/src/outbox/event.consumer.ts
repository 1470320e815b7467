import type { Logger } from 'pino';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { DomainEvent, EventBus, Subscription } from '../bus/event-bus';
import { BatchFailure, EventContractError } from '../bus/event.failures';
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
  /**
   * Optional, for consumers that can apply a burst set-based (e.g. one counter update per key
   * instead of one per event): applies the events, in order, with the same effect as `handle`
   * on each in turn, in the batch's transaction. Duplicates are already left out. Without it a
   * batch calls `handle` once per event. When it throws, the bus cannot tell which event failed:
   * the batch is rolled back and its events go through `handle` one by one.
   */
  handleBatch?(events: ContractEvent<T>[], manager: EntityManager): Promise<void>;
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

/**
 * applyOnce for several events in one transaction: one query finds those already applied, one
 * multi-row insert records the others, then `effect` runs for each of them in order, or
 * `effectAll` once for all of them (an id twice in the list counts once). All or nothing: when
 * an effect throws, the transaction rolls back and the error is rethrown. Returns, per event,
 * whether it was applied (false: a duplicate).
 */
export async function applyBatchOnce(
  dataSource: DataSource,
  consumer: string,
  events: DomainEvent[],
  effect?: (index: number, m: EntityManager) => Promise<void>,
  /** Instead of `effect` per event: one call with the indexes of the events not applied before. */
  effectAll?: (indexes: number[], m: EntityManager) => Promise<void>,
): Promise<boolean[]> {
  return runTransaction(dataSource, async (manager) => {
    const ids = [...new Set(events.map((e) => e.id))];
    const seen = new Set(
      (
        await manager.find(ProcessedEventEntity, { select: { eventId: true }, where: { consumer, eventId: In(ids) } })
      ).map((p) => p.eventId),
    );
    const applied = events.map((e) => !seen.has(e.id) && (seen.add(e.id), true));
    const fresh = events.filter((_, i) => applied[i]);
    if (fresh.length)
      await manager.insert(
        ProcessedEventEntity,
        fresh.map((e) => ({ eventId: e.id, consumer })),
      );
    const indexes = events.flatMap((_, i) => (applied[i] ? [i] : []));
    if (effectAll) {
      if (indexes.length) await effectAll(indexes, manager);
    } else for (const i of indexes) await effect?.(i, manager);
    return applied;
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
    const parse = (event: DomainEvent) => {
      const read = readable.get(event.version);
      if (!read) throw new EventContractError(`${durable} does not understand ${event.type} version ${event.version}`);
      return read.parseEvent(event);
    };
    subscriptions.push(
      await bus.subscribe({
        durable,
        subject: contract.subject,
        maxDeliver,
        classify: (error) => classifyConsumerFailure(error, dataSource),
        handler: async (event) => {
          // Parsed before the transaction: a bad payload is refused the same way by every consumer, with the field it names.
          const parsed = parse(event);
          const applied = await applyOnce(dataSource, durable, event, (m) => spec.handle(parsed, m));
          logger.debug(
            { durable, event: event.id, type: event.type, applied },
            applied ? 'event applied' : 'duplicate event ignored',
          );
        },
        // A burst is applied a batch per transaction (one commit, then the bus acks them all); a
        // failing event rolls the batch back and the bus applies its events one by one through
        // handler above, so the failure is classified and counted for that event alone.
        handleBatch: async (events) => {
          const parsed = events.map((event, i) => {
            try {
              return parse(event);
            } catch (err) {
              throw new BatchFailure(i, err);
            }
          });
          let current = -1;
          let applied: boolean[];
          try {
            applied = spec.handleBatch
              ? await applyBatchOnce(dataSource, durable, events, undefined, (fresh, m) =>
                  spec.handleBatch!(
                    fresh.map((i) => parsed[i]),
                    m,
                  ),
                )
              : await applyBatchOnce(dataSource, durable, events, async (i, m) => {
                  current = i;
                  await spec.handle(parsed[i], m);
                  current = -1;
                });
          } catch (err) {
            throw new BatchFailure(current, err);
          }
          if (logger.isLevelEnabled('debug'))
            events.forEach((event, i) =>
              logger.debug(
                { durable, event: event.id, type: event.type, applied: applied[i], batch: events.length },
                applied[i] ? 'event applied' : 'duplicate event ignored',
              ),
            );
        },
      }),
    );
  }
  return subscriptions;
}

/** Declares a consumer of one contract; the handlers' payload type is the contract's. */
export function consumerOf<T>(
  contract: EventContract<T>,
  name: string,
  handle: (event: ContractEvent<T>, manager: EntityManager) => Promise<void>,
  handleBatch?: (events: ContractEvent<T>[], manager: EntityManager) => Promise<void>,
): ConsumerSpec<T> {
  return handleBatch ? { name, contract, handle, handleBatch } : { name, contract, handle };
}
