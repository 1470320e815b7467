import { Provenance, PROVENANCE_COLUMN } from '@kesos/infra';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An alumni monitoring assessment (monev kecakapan hidup) of a graduate's business after training. */
@Entity('alumni_monitoring')
@Index('ix_alumni_monitoring_unit_year', ['unitCode', 'year', 'id'])
export class AlumniMonitoringEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  /** One assessment per graduate, so that each counts once in the life-skills indicator. */
  @Index('ux_alumni_monitoring_enrollment', { unique: true })
  @Column({ type: 'int' })
  enrollmentId!: number;

  /** The class's year: the cohort the indicator counts the graduate in. */
  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'date' })
  assessedOn!: string;

  @Column({ type: 'boolean' })
  marketingImproved!: boolean;

  @Column({ type: 'boolean' })
  permitsObtained!: boolean;

  @Column({ type: 'boolean' })
  quantityImproved!: boolean;

  @Column({ type: 'boolean' })
  qualityImproved!: boolean;

  @Column({ type: 'boolean' })
  hasLifeSkills!: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  notes!: string | null;

  /** Where the record comes from; written once, with the record. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
