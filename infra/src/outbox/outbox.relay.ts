import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';
import type { DomainEvent, EventBus } from '../bus/event-bus';
import { metrics } from '../metrics/metrics.registry';
import { traceEventPublish } from '../tracing/tracing.spans';
import { OutboxEventEntity } from './outbox.entity';

export interface RelayOptions {
  intervalMs?: number;
  batchSize?: number;
  /** The `service` label of the relay's metrics. */
  service?: string;
}

/**
 * Publishes pending outbox rows, a batch (`batchSize`, in outbox order) at a time: every row of
 * the batch is published at once and all acks are awaited, then the acked rows are marked with
 * one UPDATE. msgID = event id, so JetStream drops a row published twice (a crash between
 * publish and mark, a partial failure, or two relays racing on the same pending rows: relays
 * claim nothing, the de-duplication is what makes two of them safe). A failed publish leaves its
 * row pending (attempts and lastError recorded) and ends the pass; the next pass starts from it.
 *
 * Order: the publishes of a batch leave in outbox order on one connection, so the stream keeps
 * that order as long as they succeed; a row whose publish failed is stored after the later rows
 * of its batch that succeeded (at most `batchSize` - 1 of them). docs/events.md says what
 * consumers may rely on.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = true;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly service: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    private readonly logger?: Logger,
    options: RelayOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 500;
    this.batchSize = options.batchSize ?? 200;
    this.service = options.service ?? 'unknown';
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
      // All publishes of the batch in flight at once (nats.js async publish), then every ack awaited.
      const results = await Promise.allSettled(
        rows.map(async (row) =>
          traceEventPublish(JSON.parse(row.envelope) as DomainEvent, (event) => this.bus.publish(event)),
        ),
      );
      const acked = rows.filter((_, i) => results[i].status === 'fulfilled');
      if (acked.length) {
        // One statement marks the whole batch (attempts counts publish passes, as before).
        await repo
          .createQueryBuilder()
          .update()
          .set({ publishedAt: new Date(), attempts: () => 'attempts + 1', lastError: null })
          .whereInIds(acked.map((r) => r.seq))
          .execute();
        published += acked.length;
        const now = Date.now();
        metrics.outboxPublished.inc({ service: this.service }, acked.length);
        for (const row of acked)
          metrics.outboxPublishLag.observe(
            { service: this.service },
            Math.max(0, now - new Date(row.createdAt).getTime()) / 1000,
          );
      }
      const failed = rows
        .map((row, i) => ({ row, result: results[i] }))
        .filter((f): f is { row: OutboxEventEntity; result: PromiseRejectedResult } => f.result.status === 'rejected');
      if (failed.length) {
        await this.recordFailures(failed.map(({ row, result }) => ({ row, error: result.reason as unknown })));
        // Stop the pass: the failed rows are the first pending ones and are tried again first.
        return published;
      }
      if (rows.length < this.batchSize) return published;
    }
  }

  /** Keeps failed rows pending with their error; one UPDATE per distinct error message. */
  private async recordFailures(failed: { row: OutboxEventEntity; error: unknown }[]): Promise<void> {
    const byMessage = new Map<string, OutboxEventEntity[]>();
    for (const { row, error } of failed) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      byMessage.set(message, [...(byMessage.get(message) ?? []), row]);
    }
    for (const [message, rows] of byMessage) {
      await this.dataSource
        .getRepository(OutboxEventEntity)
        .createQueryBuilder()
        .update()
        .set({ attempts: () => 'attempts + 1', lastError: message })
        .whereInIds(rows.map((r) => r.seq))
        .execute();
      const first = rows[0];
      if (first.attempts % 20 === 0)
        this.logger?.warn(
          { event: first.eventId, events: rows.length, attempts: first.attempts + 1, error: message },
          'outbox publish failed; events stay pending',
        );
    }
  }
}
