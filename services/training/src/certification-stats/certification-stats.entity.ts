import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Certification candidates counted per unit, plan year, category and outcome (the candidate's
 * results so far: competent, not yet competent, or not assessed): what `certificationStats` sums
 * instead of reading candidates and assessments. Moved in the same transaction as every write
 * that registers a candidate or records a result (certification-stats.rollup.ts); a key whose
 * count reaches 0 is deleted.
 */
@Entity('certification_stats_rollup')
@Index('ix_certification_stats_rollup_year', ['year', 'unitCode'])
export class CertificationStatsRollupEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  unitCode!: string;

  /** The year whose certification plan the candidate belongs to (the year of its results too). */
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  category!: string;

  /** COMPETENT, NOT_YET_COMPETENT or NOT_ASSESSED (CertificationOutcome). */
  @PrimaryColumn({ type: 'varchar', length: 20 })
  outcome!: string;

  /** Candidates with this key. */
  @Column({ type: 'int' })
  n!: number;

  /** The same candidates by their provenance (the row's evidence). */
  @Column({ type: 'int', default: 0 })
  operationalCandidates!: number;

  @Column({ type: 'int', default: 0 })
  reportedCandidates!: number;

  @Column({ type: 'int', default: 0 })
  reconstructedCandidates!: number;

  @Column({ type: 'int', default: 0 })
  syntheticCandidates!: number;
}
