/**
 * An event that breaks its contract (unreadable envelope, unknown payload version, a payload
 * its consumer cannot read): no retry can make it succeed, so it is dead-lettered at once.
 * Contracts (infra/src/contracts) throw it for a payload that breaks them, before any handler
 * runs; a handler throws it for a well-formed payload it still cannot apply.
 */
export class EventContractError extends Error {
  override readonly name = 'EventContractError';
}

/**
 * How a delivery failed, which decides what the bus does with the message:
 * - `outage`: the infrastructure is away (database unreachable); retried in place until it succeeds.
 * - `contention`: lost a race (deadlock, lock wait, conflict); retried in place a bounded number of times.
 * - `permanent`: the event breaks its contract; dead-lettered at once.
 * - `unexpected`: anything else; redelivered a bounded number of times, then dead-lettered.
 */
export type FailureKind = 'outage' | 'contention' | 'permanent' | 'unexpected';

export const defaultClassify = async (error: unknown): Promise<FailureKind> =>
  error instanceof EventContractError ? 'permanent' : 'unexpected';

/**
 * Thrown by a batch handler (SubscriptionSpec.handleBatch) when applying events[index] failed
 * with `cause`: the batch was rolled back, and the bus delivers its events one by one, taking
 * `cause` as that event's first attempt. An index of -1 means no event in particular (the
 * batch's own statements or its commit failed).
 */
export class BatchFailure extends Error {
  override readonly name = 'BatchFailure';
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}
