import { provenanceCounterColumns, rupiah } from '@kesos/infra';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The records a rollup row sums (line changes for the ceiling, transactions for a month's
 * realisation) counted by provenance: a statistics row's `evidence`, summed with its figures.
 */
export const RECORD_COUNTERS = provenanceCounterColumns('Records');

/**
 * The budget statistics rollup: ceilings and realisation summed per satker, year, expense type,
 * programme, goal and month, kept current in the same transaction as every write that moves
 * them (so `budgetStats` never sums line or transaction rows). Month 0 rows hold the ceilings
 * (a ceiling has no month); months 1-12 hold the realisation of transactions dated in them.
 * "None" is stored as '' (a programme for summary lines, a goal for untagged lines) so the key
 * can be a primary key on MariaDB and SQLite alike.
 */
@Entity('budget_stats_rollup')
@Index('ix_budget_stats_year_unit', ['year', 'unitCode'])
export class BudgetStatsRollupEntity {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  satkerCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  expenseType!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  programmeCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  goalCode!: string;

  /** 0 for the ceiling rows, 1-12 for the realisation of that month. */
  @PrimaryColumn({ type: 'int' })
  month!: number;

  /** The satker's unit (a satker never changes unit). */
  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'bigint', transformer: rupiah, default: 0 })
  ceiling!: number;

  @Column({ type: 'bigint', transformer: rupiah, default: 0 })
  realized!: number;

  /** The records summed into this row (line changes for month 0, transactions for a month) by provenance. */
  @Column({ type: 'int', default: 0 })
  operationalRecords!: number;

  @Column({ type: 'int', default: 0 })
  reportedRecords!: number;

  @Column({ type: 'int', default: 0 })
  reconstructedRecords!: number;

  @Column({ type: 'int', default: 0 })
  syntheticRecords!: number;
}
