import type { Logger } from 'pino';
import type { DomainEvent, SubscriptionSpec } from './event-bus';
import { BatchFailure, defaultClassify } from './event.failures';
import { metrics } from '../metrics/metrics.registry';
import { traceEventBatch, traceEventHandling } from '../tracing/tracing.spans';

/** Pause between in-place retries: doubling from 100 ms, at most 2 s, so a returning database is used within 2 s. */
const RETRY_BASE_MS = 100;
const RETRY_CAP_MS = 2_000;
/** In-place retries of a lost race before it counts as an unexpected failure (a deterministic conflict must not block a consumer forever). */
const CONTENTION_ATTEMPTS = 10;
/** While an outage lasts, one warning per this interval rather than one per retry. */
const OUTAGE_LOG_INTERVAL_MS = 30_000;

const retryDelay = (attempt: number): number => Math.min(RETRY_BASE_MS * 2 ** (attempt - 1), RETRY_CAP_MS);

export type DeliveryOutcome =
  | { status: 'handled' }
  /** Shutdown began while retrying: the bus hands the message back for another replica. */
  | { status: 'stopped' }
  | { status: 'failed'; failure: 'permanent' | 'unexpected'; error: string };

export interface DeliveryControl {
  deliveryCount: number;
  /** Aborted on shutdown; ends a retry pause at once. */
  signal: AbortSignal;
  /** Tells the broker the message is still being worked on, so it is not redelivered meanwhile. */
  keepAlive(): void;
  logger?: Logger;
  /** The event's handler already ran once for this delivery (in a batch that was rolled back) and failed with this. */
  failedFirst?: { error: unknown };
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', aborted);
      resolve(value);
    };
    const aborted = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', aborted);
  });
}

/**
 * One delivery of an event, shared by both buses so they treat failures alike. An outage or a
 * lost race is retried here, in place, holding the message (and so pausing this consumer)
 * until the handler succeeds: an infrastructure fault never uses up deliveries. Contract and
 * unexpected failures are returned for the bus to dead-letter or redeliver. Traced as one span,
 * its in-place retries included.
 */
export async function deliver(
  spec: SubscriptionSpec,
  event: DomainEvent,
  control: DeliveryControl,
): Promise<DeliveryOutcome> {
  return traceEventHandling(
    spec.durable,
    event,
    control.deliveryCount,
    () => deliverInPlace(spec, event, control),
    (outcome) => (outcome.status === 'failed' ? outcome.error : undefined),
  );
}

async function deliverInPlace(
  spec: SubscriptionSpec,
  event: DomainEvent,
  control: DeliveryControl,
): Promise<DeliveryOutcome> {
  const classify = spec.classify ?? defaultClassify;
  let lastWarning = 0;
  let contended = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      if (attempt === 1 && control.failedFirst) throw control.failedFirst.error;
      await spec.handler(event, { deliveryCount: control.deliveryCount });
      if (attempt > 1)
        control.logger?.info(
          { durable: spec.durable, event: event.id, retries: attempt - 1 },
          'event applied after retries',
        );
      return { status: 'handled' };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const failure = await classify(err);
      if (failure === 'permanent' || failure === 'unexpected') return { status: 'failed', failure, error };
      if (failure === 'contention' && ++contended >= CONTENTION_ATTEMPTS)
        return { status: 'failed', failure: 'unexpected', error: `${error} (still after ${contended} attempts)` };
      if (Date.now() - lastWarning >= OUTAGE_LOG_INTERVAL_MS) {
        lastWarning = Date.now();
        control.logger?.warn(
          { durable: spec.durable, event: event.id, failure, attempt, error },
          'event handler failed on infrastructure; retrying in place',
        );
      }
      control.keepAlive();
      if (!(await pause(retryDelay(attempt), control.signal))) return { status: 'stopped' };
      control.keepAlive();
    }
  }
}

/** At most this many events per SubscriptionSpec.handleBatch call unless the spec says otherwise. */
export const DEFAULT_MAX_BATCH = 256;

/**
 * Delivers events the bus has at hand together: one handleBatch call when the spec has one and
 * there are several events, else (or when the batch fails) one `deliver` per event, in order.
 * `settle` receives each event's outcome (by index) as soon as it is known, in order: for a
 * batch, after handleBatch resolved (its commit); one by one, right after each event. On
 * shutdown, events not yet delivered are `stopped` (the bus hands them back).
 */
export async function deliverBatch(
  spec: SubscriptionSpec,
  events: DomainEvent[],
  controls: DeliveryControl[],
  settleOne: (index: number, outcome: DeliveryOutcome) => Promise<void>,
): Promise<void> {
  const settle = async (index: number, outcome: DeliveryOutcome) => {
    if (outcome.status !== 'stopped') {
      metrics.consumerMessages.inc({
        durable: spec.durable,
        outcome: outcome.status === 'handled' ? 'handled' : 'failed',
      });
      if (controls[index].deliveryCount > 1) metrics.consumerRedeliveries.inc({ durable: spec.durable });
    }
    await settleOne(index, outcome);
  };
  let failed: { index: number; error: unknown } | undefined;
  if (spec.handleBatch && events.length > 1) {
    try {
      const handleBatch = spec.handleBatch.bind(spec);
      await traceEventBatch(spec.durable, events, () =>
        handleBatch(
          events,
          controls.map((c) => ({ deliveryCount: c.deliveryCount })),
        ),
      );
      for (let i = 0; i < events.length; i++) await settle(i, { status: 'handled' });
      return;
    } catch (err) {
      failed = err instanceof BatchFailure ? { index: err.index, error: err.cause } : { index: -1, error: err };
      controls[0]?.logger?.debug(
        { durable: spec.durable, events: events.length, error: err instanceof Error ? err.message : String(err) },
        'event batch rolled back; delivering its events one by one',
      );
    }
  }
  for (let i = 0; i < events.length; i++) {
    const control = controls[i];
    if (control.signal.aborted) {
      await settle(i, { status: 'stopped' });
      continue;
    }
    const first = failed?.index === i ? { ...control, failedFirst: { error: failed.error } } : control;
    await settle(i, await deliver(spec, events[i], first));
  }
}
