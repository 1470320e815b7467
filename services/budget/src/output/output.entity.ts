import { PROVENANCE_COLUMN, Provenance } from '@kesos/infra';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One unit of realised output volume (e.g. one PPM graduate), from the training event that reported it. */
@Entity('output_volume_entry')
@Index('ux_output_volume_enrollment', ['outputId', 'enrollmentId'], { unique: true })
export class OutputVolumeEntryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  outputId!: number;

  /** The training enrollment that graduated; one graduate counts once however often it is reported. */
  @Column({ type: 'varchar', length: 60 })
  enrollmentId!: string;

  @Column({ type: 'varchar', length: 36 })
  sourceEventId!: string;

  @Column({ type: 'int', default: 1 })
  quantity!: number;

  /** The provenance of the event that reported it. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;

  @CreateDateColumn()
  recordedAt!: Date;
}
