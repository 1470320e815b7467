import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';
import type { DomainEvent, EventBus } from '../bus/event-bus';
import { OutboxEventEntity } from './outbox.entity';

export interface RelayOptions {
  intervalMs?: number;
  batchSize?: number;
}

/**
 * Publishes pending outbox rows in order, with msgID = event id so that JetStream drops a
 * row published twice (a crash between publish and mark, or two replicas racing). A failed
 * publish leaves the row pending and stops the batch, so order is kept and nothing is lost.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = true;
  private readonly intervalMs: number;
  private readonly batchSize: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    private readonly logger?: Logger,
    options: RelayOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 500;
    this.batchSize = options.batchSize ?? 200;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Asks for a publish pass now (after a commit) instead of at the next tick. */
  nudge(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  /** Publishes everything pending; returns how many rows were published. */
  async flush(): Promise<number> {
    if (this.running) await this.running.catch(() => 0);
    this.running = this.publishPending();
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  async pendingCount(): Promise<number> {
    return this.dataSource.getRepository(OutboxEventEntity).count({ where: { publishedAt: IsNull() } });
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.flush()
        .catch((err: unknown) => this.logger?.error({ err }, 'outbox relay pass failed'))
        .finally(() => !this.stopped && this.schedule(this.intervalMs));
    }, delay);
  }

  private async publishPending(): Promise<number> {
    const repo = this.dataSource.getRepository(OutboxEventEntity);
    let published = 0;
    for (;;) {
      const rows = await repo.find({ where: { publishedAt: IsNull() }, order: { seq: 'ASC' }, take: this.batchSize });
      if (!rows.length) return published;
      for (const row of rows) {
        try {
          await this.bus.publish(JSON.parse(row.envelope) as DomainEvent);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          await repo.update({ seq: row.seq }, { attempts: row.attempts + 1, lastError: message.slice(0, 500) });
          if (row.attempts % 20 === 0)
            this.logger?.warn(
              { event: row.eventId, attempts: row.attempts + 1, error: message },
              'outbox publish failed; event stays pending',
            );
          return published;
        }
        await repo.update({ seq: row.seq }, { publishedAt: new Date(), attempts: row.attempts + 1, lastError: null });
        published++;
      }
      if (rows.length < this.batchSize) return published;
    }
  }
}
