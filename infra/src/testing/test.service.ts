import type { NatsEventBus } from '../bus/nats.event-bus';
import type { RunningService } from '../service/service.runtime';
import type { TestDatabase } from './test.database';

/** Stops a subgraph under test and removes what its test made on the shared servers: its database and its namespace's streams. */
export async function stopTestService(parts: {
  running: RunningService;
  database: TestDatabase;
  bus: NatsEventBus;
}): Promise<void> {
  await parts.running.stop();
  await parts.database.drop();
  await parts.bus.deleteNamespaceStreams();
  await parts.bus.close();
}
