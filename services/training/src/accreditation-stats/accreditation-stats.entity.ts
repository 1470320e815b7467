import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * LKS accreditation assessments counted per unit, visit year, the institution's kind and the
 * result: what `accreditationStats` sums instead of reading assessments. Moved in the same
 * transaction as every write that records an assessment (accreditation-stats.rollup.ts).
 */
@Entity('accreditation_stats_rollup')
@Index('ix_accreditation_stats_rollup_year', ['year', 'unitCode'])
export class AccreditationStatsRollupEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  unitCode!: string;

  /** The visit's year (the year the assessment counts towards). */
  @PrimaryColumn({ type: 'int' })
  year!: number;

  /** The institution's field of service (LksKind). */
  @PrimaryColumn({ type: 'varchar', length: 30 })
  kind!: string;

  /** The decision (AccreditationResult). */
  @PrimaryColumn({ type: 'varchar', length: 20 })
  result!: string;

  /** Assessments with this key. */
  @Column({ type: 'int' })
  n!: number;

  /** The same assessments by their provenance (the row's evidence). */
  @Column({ type: 'int', default: 0 })
  operationalAssessments!: number;

  @Column({ type: 'int', default: 0 })
  reportedAssessments!: number;

  @Column({ type: 'int', default: 0 })
  reconstructedAssessments!: number;

  @Column({ type: 'int', default: 0 })
  syntheticAssessments!: number;
}
