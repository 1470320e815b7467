import type { FailureKind } from './event.failures';
import { EventContractError } from './event.failures';
import { isTraceparent } from '../tracing/tracing.spans';

/**
 * Domain events between services. Subjects are `<service>.<entity>.<past-tense-verb>`;
 * payloads are JSON envelopes. Two implementations sit behind this interface: NATS JetStream
 * (distributed mode) and an in-process bus (embedded mode).
 */
export interface DomainEvent<T = unknown> {
  /** Unique id; also the JetStream msgID, so a republished event is dropped as a duplicate. */
  id: string;
  /** The subject, e.g. `training.enrollment.graduated`. */
  type: string;
  /** Unit code the event concerns, when it concerns one. */
  unit: string | null;
  occurredAt: string;
  /** Payload schema version; consumers refuse versions they do not know. */
  version: number;
  data: T;
  /**
   * W3C trace context (traceparent) of the traced request that caused the event, so that its
   * consumers' handling joins that trace. Optional: events written untraced, or before it
   * existed, have none.
   */
  traceparent?: string;
}

export interface DeliveryInfo {
  /** 1 on the first delivery. */
  deliveryCount: number;
}

export interface SubscriptionSpec {
  /** Durable consumer name; replicas sharing it share the work. */
  durable: string;
  /** Exactly one subject filter (NATS 2.9 allows one per consumer); `>` and `*` wildcards work. */
  subject: string;
  /** Deliveries failing unexpectedly before the message goes to the dead-letter subject. */
  maxDeliver: number;
  handler(event: DomainEvent, info: DeliveryInfo): Promise<void>;
  /**
   * Optional: applies several events at once, all or nothing (one database transaction), so a
   * burst costs one commit per batch rather than one per event. The bus passes the messages it
   * has at hand (at most `maxBatch`, in delivery order) and acks them only after this resolves.
   * When it throws, nothing of the batch took effect: the bus then delivers the batch's events
   * one by one through `handler`, so each failure is classified and counted as before. Throw
   * BatchFailure to say which event failed: its failure then counts as that event's first
   * attempt instead of calling `handler` for it again.
   */
  handleBatch?(events: DomainEvent[], infos: DeliveryInfo[]): Promise<void>;
  /** Most events per handleBatch call (default 256). */
  maxBatch?: number;
  /** What a handler failure means (see delivery.policy); without it, only EventContractError is permanent. */
  classify?: (error: unknown) => Promise<FailureKind>;
}

/** One message that no retry could deliver, as the operator tooling lists it. */
export interface DeadLetter {
  /** Position in the dead-letter store; stable until the letter is replayed. */
  seq: number;
  durable: string;
  /** The subject the event was published to (its type), where a replay republishes it. */
  subject: string;
  /** Null when the envelope itself was unreadable. */
  eventId: string | null;
  failure: 'permanent' | 'unexpected' | 'unknown';
  error: string;
  deliveries: number;
  deadLetteredAt: string;
}

export interface DeadLetterFilter {
  durable?: string;
  eventId?: string;
}

export interface ReplayResult {
  replayed: DeadLetter[];
  /** Letters a replay cannot help (an unreadable envelope); they stay listed. */
  skipped: { letter: DeadLetter; reason: string }[];
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  subscribe(spec: SubscriptionSpec): Promise<Subscription>;
  /** Throws when the bus is unreachable; used by readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
  listDeadLetters(filter?: DeadLetterFilter): Promise<DeadLetter[]>;
  /**
   * Delivers dead letters again to their original subject (every consumer of it sees the event;
   * those that applied it already skip it by its id) and removes each once it is republished.
   */
  replayDeadLetters(filter?: DeadLetterFilter): Promise<ReplayResult>;
}

/** Dead letters of durable D go to `deadletter.D`, where operators can read them back. */
export const deadLetterSubject = (durable: string): string => `deadletter.${durable}`;

/** NATS subject matching: `*` is one token, `>` is one or more trailing tokens. */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length) return false;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

export function parseEvent(raw: unknown): DomainEvent {
  const e = raw as Partial<DomainEvent> | null;
  if (
    !e ||
    typeof e.id !== 'string' ||
    typeof e.type !== 'string' ||
    typeof e.version !== 'number' ||
    typeof e.occurredAt !== 'string'
  ) {
    throw new EventContractError('malformed event envelope');
  }
  return {
    id: e.id,
    type: e.type,
    unit: e.unit ?? null,
    occurredAt: e.occurredAt,
    version: e.version,
    data: e.data,
    // A malformed trace context costs the trace, never the event.
    ...(isTraceparent(e.traceparent) ? { traceparent: e.traceparent } : {}),
  };
}
