import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { rupiah, PROVENANCE_COLUMN, Provenance } from '@kesos/infra';

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

  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;

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

  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
