import type { NatsEventBus } from '../bus/nats.event-bus';
import type { OutboxRelay } from '../outbox/outbox.relay';
import { until } from './poll.helpers';

/**
 * Publishes every outbox, then waits until every durable consumer has acknowledged all it was
 * sent (a batch is acknowledged after its commit) and no relay has more to publish. The backlog
 * is read before and after the flush: a handler's outbox rows are committed before its ack, and a
 * relay's own pass between the two shows up as backlog again.
 */
export async function settleEvents(relays: OutboxRelay[], buses: NatsEventBus[], timeoutMs = 600_000): Promise<void> {
  // A JetStream API request can time out while the server is busy applying a burst (seen on a
  // loaded machine): that is "not settled yet", asked again at the next poll, not a failure.
  const backlog = async () => (await Promise.all(buses.map((b) => b.backlog()))).reduce((a, n) => a + n, 0);
  const busy = (err: unknown) => err instanceof Error && err.name === 'TimeoutError';
  await until(
    'the outboxes published and every consumer caught up',
    async () => {
      try {
        if ((await backlog()) > 0) return false;
        let published = 0;
        for (const r of relays) published += await r.flush();
        return published === 0 && (await backlog()) === 0;
      } catch (err) {
        if (busy(err)) return false;
        throw err;
      }
    },
    timeoutMs,
  );
}
