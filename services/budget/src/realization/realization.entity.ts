import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { rupiah, PROVENANCE_COLUMN, Provenance } from '@kesos/infra';

/**
 * A spending transaction (realisasi) on a budget line. Append-only: a mistake is corrected by a
 * reversing entry (negative amount, `reversesId` set), never by editing or deleting.
 */
@Entity('realization')
export class RealizationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('ix_realization_line')
  @Column({ type: 'int' })
  lineId!: number;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'bigint', transformer: rupiah })
  amount!: number;

  /** Payment document number (nomor SP2D/SPM). */
  @Column({ type: 'varchar', length: 60 })
  documentNumber!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  @Index('ux_realization_reverses', { unique: true })
  @Column({ type: 'int', nullable: true })
  reversesId!: number | null;

  /** RECONSTRUCTED for the seeded monthly split of a reported annual total. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;

  @CreateDateColumn()
  recordedAt!: Date;
}
