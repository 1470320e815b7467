import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An event written in the same transaction as the state change it reports. */
@Entity('outbox_event')
@Index('ix_outbox_pending', ['publishedAt', 'seq'])
export class OutboxEventEntity {
  /** Publication order. INT (not BIGINT) because SQLite auto-increments only INTEGER keys. */
  @PrimaryGeneratedColumn()
  seq!: number;

  @Index('ux_outbox_event_id', { unique: true })
  @Column({ type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  /** The whole JSON envelope as published. */
  @Column({ type: 'text' })
  envelope!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;
}

/** Marks an event as applied by a consumer; written in the transaction of the effect. */
@Entity('processed_event')
export class ProcessedEventEntity {
  @Column({ type: 'varchar', length: 36, primary: true })
  eventId!: string;

  @Column({ type: 'varchar', length: 100, primary: true })
  consumer!: string;

  @CreateDateColumn()
  processedAt!: Date;
}
