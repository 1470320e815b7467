import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { rupiah } from '@kesos/infra';

/** A DIPA state: number 0 is the initial DIPA, then revisions 1, 2, ... Never edited once recorded. */
@Entity('budget_revision')
@Index('ux_revision_dipa_number', ['dipaId', 'number'], { unique: true })
export class RevisionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  dipaId!: number;

  @Column({ type: 'int' })
  number!: number;

  /** DJA or DJPB. */
  @Column({ type: 'varchar', length: 4 })
  authority!: 'DJA' | 'DJPB';

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 1000 })
  description!: string;

  @CreateDateColumn()
  recordedAt!: Date;
}

/** One line's change in a revision: ceiling and blocked amount (blokir) deltas in whole rupiah. */
@Entity('budget_line_change')
@Index('ux_line_change', ['revisionId', 'lineId'], { unique: true })
export class LineChangeEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  revisionId!: number;

  @Index('ix_line_change_line')
  @Column({ type: 'int' })
  lineId!: number;

  @Column({ type: 'bigint', transformer: rupiah })
  ceilingChange!: number;

  @Column({ type: 'bigint', transformer: rupiah, default: 0 })
  blockedChange!: number;
}

/**
 * Budget moved between satkers (e.g. the unspent budget of a closed satker, or a delegation
 * (pelimpahan) from another unit), linked to the revisions that cut and received it.
 */
@Entity('budget_transfer')
export class TransferEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 40 })
  fromUnitCode!: string;

  /** Null when the giving satker is not recorded in this graph. */
  @Column({ type: 'varchar', length: 6, nullable: true })
  fromSatkerCode!: string | null;

  @Column({ type: 'int', nullable: true })
  fromRevisionId!: number | null;

  @Column({ type: 'varchar', length: 40 })
  toUnitCode!: string;

  @Column({ type: 'varchar', length: 6 })
  toSatkerCode!: string;

  @Column({ type: 'int' })
  toRevisionId!: number;

  @Column({ type: 'bigint', transformer: rupiah })
  amount!: number;

  @Column({ type: 'date' })
  date!: string;

  /** Legal basis, e.g. the finance ministry letter number. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  reference!: string | null;

  @Column({ type: 'varchar', length: 500 })
  description!: string;
}
