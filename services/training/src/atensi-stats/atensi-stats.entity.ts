import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * ATENSI cases counted per unit, year received, service type and status, with the served cases
 * and the people served among them: what `atensiStats` sums instead of reading cases. Moved in
 * the same transaction as every write that opens or closes a case (atensi-stats.rollup.ts); a key
 * whose case count reaches 0 is deleted.
 */
@Entity('atensi_stats_rollup')
@Index('ix_atensi_stats_rollup_year', ['year', 'unitCode'])
export class AtensiStatsRollupEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  unitCode!: string;

  /** The year the cases were received (the year they count towards). */
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  serviceType!: string;

  /** OPEN or CLOSED (AtensiCaseStatus). */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  status!: string;

  /** Cases with this key. */
  @Column({ type: 'int' })
  cases!: number;

  /** Closed cases among them whose needs were met. */
  @Column({ type: 'int' })
  servedCases!: number;

  /** People served in those cases (closed cases' peopleServed summed). */
  @Column({ type: 'int' })
  peopleServed!: number;

  /** The same cases by their provenance (the row's evidence). */
  @Column({ type: 'int', default: 0 })
  operationalCases!: number;

  @Column({ type: 'int', default: 0 })
  reportedCases!: number;

  @Column({ type: 'int', default: 0 })
  reconstructedCases!: number;

  @Column({ type: 'int', default: 0 })
  syntheticCases!: number;
}
