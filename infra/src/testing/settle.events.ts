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
  const backlog = async () => (await Promise.all(buses.map((b) => b.backlog()))).reduce((a, n) => a + n, 0);
  await until(
    'the outboxes published and every consumer caught up',
    async () => {
      if ((await backlog()) > 0) return false;
      let published = 0;
      for (const r of relays) published += await r.flush();
      return published === 0 && (await backlog()) === 0;
    },
    timeoutMs,
  );
}
