import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '../bus/event-bus';
import { OutboxEventEntity } from './outbox.entity';

export interface NewEvent<T> {
  type: string;
  unit: string | null;
  data: T;
  version?: number;
  occurredAt?: string;
}

/** Records an event inside the caller's transaction; the relay publishes it after commit. */
export async function writeEvent<T>(manager: EntityManager, event: NewEvent<T>): Promise<DomainEvent<T>> {
  const envelope: DomainEvent<T> = {
    id: randomUUID(),
    type: event.type,
    unit: event.unit,
    occurredAt: event.occurredAt ?? new Date().toISOString(),
    version: event.version ?? 1,
    data: event.data,
  };
  await manager.insert(OutboxEventEntity, { eventId: envelope.id, subject: envelope.type, envelope: JSON.stringify(envelope), attempts: 0 });
  return envelope;
}
