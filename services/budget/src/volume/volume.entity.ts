import { PROVENANCE_COLUMN, type Provenance } from '@kesos/infra';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What a volume record counts: a training record reported by an event, an entry made through the API, or a reversal. */
export enum VolumeSource {
  ACCREDITATION = 'ACCREDITATION',
  CERTIFICATION = 'CERTIFICATION',
  ATENSI = 'ATENSI',
  ENTERED = 'ENTERED',
  REVERSAL = 'REVERSAL',
}

/**
 * Realised volume of an RO beyond graduates (which stay in output_volume_entry): LKS visited for
 * accreditation, people assessed for certification, people served by ATENSI cases, and what no
 * service records (management outputs), entered by hand. Append-only: an entry is corrected by a
 * reversal (negative quantity, `reversesId` set), never edited.
 */
@Entity('output_volume_record')
@Index('ux_output_volume_record_source', ['outputId', 'sourceKey'], { unique: true })
export class OutputVolumeRecordEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  outputId!: number;

  @Column({ type: 'varchar', length: 20 })
  source!: VolumeSource;

  /**
   * The thing counted, unique per RO so that a record delivered again (or reported by another
   * event) counts once: `lks:<institutionId>`, `person:<candidateId>`, `case:<caseId>`,
   * `entry:<uuid>` for an entry, `reversal:<id>` for the reversal of entry id.
   */
  @Column({ type: 'varchar', length: 80 })
  sourceKey!: string;

  /** The event that reported the record; null for entries made through the API. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  sourceEventId!: string | null;

  /** Negative only on a reversal. */
  @Column({ type: 'int' })
  quantity!: number;

  /** When the output was delivered (the decision, assessment, case closure or the date entered). */
  @Column({ type: 'date', nullable: true })
  date!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  /** The caller's subject for an entry or reversal; `event:<subject>` for a record counted from an event. */
  @Column({ type: 'varchar', length: 100 })
  recordedBy!: string;

  @CreateDateColumn()
  recordedAt!: Date;

  @Index('ux_output_volume_record_reverses', { unique: true })
  @Column({ type: 'int', nullable: true })
  reversesId!: number | null;

  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
