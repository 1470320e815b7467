import type { DomainEvent } from '../bus/event-bus';
import { EventContractError } from '../bus/event.failures';
import type { NewEvent } from '../outbox/outbox.writer';
import type { PayloadField } from './payload.field';

export type PayloadShape = Record<string, PayloadField<unknown>>;

type Value<F> = F extends PayloadField<infer T> ? T : never;
type AddedKeys<S extends PayloadShape> = { [K in keyof S]: undefined extends Value<S[K]> ? K : never }[keyof S];
/** The payload type a shape describes: added fields are optional properties. */
export type PayloadOf<S extends PayloadShape> = { [K in Exclude<keyof S, AddedKeys<S>>]: Value<S[K]> } & {
  [K in AddedKeys<S>]?: Value<S[K]>;
};

/** An event whose payload its contract accepted; contracts require the unit the fact belongs to. */
export type ContractEvent<T> = DomainEvent<T> & { unit: string };

/**
 * The contract of one event version, owned by its producer (infra/src/contracts/<producer>.contracts.ts):
 * producers build events with `event`, consumers declare it and receive `parse`d payloads.
 */
export interface EventContract<T> {
  /** Also the event's `type`: `<service>.<entity>.<past-tense-verb>`. */
  readonly subject: string;
  readonly version: number;
  /** Field name -> what it holds and whether it may be absent; docs/events.md lists the same. */
  readonly fields: Readonly<Record<string, { expected: string; optional: boolean }>>;
  /** A new event of this contract for the outbox. */
  event(unit: string | null, data: T, occurredAt?: string): NewEvent<T>;
  /** The payload checked field by field; throws EventContractError naming the first bad field. */
  parse(data: unknown): T;
  /** The envelope with its payload parsed; the envelope must name the unit the fact belongs to. */
  parseEvent(event: DomainEvent): ContractEvent<T>;
}

export function defineContract<S extends PayloadShape>(
  subject: string,
  version: number,
  shape: S,
): EventContract<PayloadOf<S>> {
  type T = PayloadOf<S>;
  const entries = Object.entries(shape);
  const parse = (data: unknown): T => {
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw new EventContractError(`payload of ${subject} must be an object`);
    const source = data as Record<string, unknown>;
    const parsed: Record<string, unknown> = {};
    // Unknown fields are dropped: a producer may add a field before its consumers read it.
    for (const [name, f] of entries) {
      const value = f.read(source[name], name);
      if (value !== undefined) parsed[name] = value;
    }
    return parsed as T;
  };
  return {
    subject,
    version,
    fields: Object.fromEntries(entries.map(([name, f]) => [name, { expected: f.expected, optional: f.optional }])),
    event: (unit, data, occurredAt) => ({ type: subject, version, unit, data, occurredAt }),
    parse,
    parseEvent: (event) => {
      if (!event.unit) throw new EventContractError(`${event.type} ${event.id} names no unit`);
      return { ...event, unit: event.unit, data: parse(event.data) };
    },
  };
}

/** The payload type of a contract, e.g. `Payload<typeof enrollmentGraduatedV1>`. */
export type Payload<C> = C extends EventContract<infer T> ? T : never;
