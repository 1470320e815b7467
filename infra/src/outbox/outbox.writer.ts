import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '../bus/event-bus';
import { currentTraceparent } from '../tracing/tracing.spans';
import { OutboxEventEntity } from './outbox.entity';

export interface NewEvent<T> {
  type: string;
  unit: string | null;
  data: T;
  version?: number;
  occurredAt?: string;
}

function envelopeOf<T>(event: NewEvent<T>): DomainEvent<T> {
  // Stored with the row: the relay publishes it later, outside the request that wrote it.
  const traceparent = currentTraceparent();
  return {
    id: randomUUID(),
    type: event.type,
    unit: event.unit,
    occurredAt: event.occurredAt ?? new Date().toISOString(),
    version: event.version ?? 1,
    data: event.data,
    ...(traceparent ? { traceparent } : {}),
  };
}

const outboxRow = (envelope: DomainEvent) => ({
  eventId: envelope.id,
  subject: envelope.type,
  envelope: JSON.stringify(envelope),
  attempts: 0,
});

/** Records an event inside the caller's transaction; the relay publishes it after commit. */
export async function writeEvent<T>(manager: EntityManager, event: NewEvent<T>): Promise<DomainEvent<T>> {
  const envelope = envelopeOf(event);
  await manager.insert(OutboxEventEntity, outboxRow(envelope));
  return envelope;
}

/**
 * Records many events in multi-row inserts, in the given order: a seed writing thousands of
 * events one statement each would dominate the embedded mode's first start.
 */
export async function writeEvents<T>(
  manager: EntityManager,
  events: NewEvent<T>[],
  chunk = 500,
): Promise<DomainEvent<T>[]> {
  const envelopes = events.map(envelopeOf);
  for (let i = 0; i < envelopes.length; i += chunk) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxEventEntity)
      .values(envelopes.slice(i, i + chunk).map(outboxRow))
      .updateEntity(false)
      .execute();
  }
  return envelopes;
}
