import { decimal, PROVENANCE_COLUMN, Provenance } from '@kesos/infra';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One fact an event contributed to a metric, keyed by the record it is about (assessment,
 * enrollment, class, case...). A later event about the same record replaces the fact, so a
 * corrected decision counts once. Counters are sums of these rows and can be rebuilt from them.
 */
@Entity('metric_fact')
@Index('ux_metric_fact_source', ['metric', 'sourceId'], { unique: true })
@Index('ix_metric_fact_unit_year', ['unitCode', 'year', 'metric'])
export class MetricFactEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 30 })
  metric!: string;

  @Column({ type: 'varchar', length: 100 })
  sourceId!: string;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'int' })
  year!: number;

  /** Quarter (triwulan) of the year the fact counts in, from its record date; null: annual figure only. */
  @Column({ type: 'int', nullable: true })
  quarter!: number | null;

  @Column({ type: 'int' })
  numerator!: number;

  @Column({ type: 'int' })
  denominator!: number;

  /** Score metrics (budget performance) carry a value instead of counts. */
  @Column({ type: 'decimal', precision: 10, scale: 4, nullable: true, transformer: decimal })
  value!: number | null;

  @Column({ type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ type: 'varchar', length: 100 })
  eventType!: string;

  @Column({ type: 'datetime' })
  occurredAt!: Date;

  /** The provenance of the event the fact came from (absent in the event: OPERATIONAL). */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/** Running totals per unit, year and metric, kept in step with the facts by every event. */
@Entity('metric_counter')
export class MetricCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  unitCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  metric!: string;

  @Column({ type: 'int', default: 0 })
  numerator!: number;

  @Column({ type: 'int', default: 0 })
  denominator!: number;

  @Column({ type: 'decimal', precision: 10, scale: 4, nullable: true, transformer: decimal })
  value!: number | null;

  @Column({ type: 'int', default: 0 })
  facts!: number;

  /** The facts counted by provenance (they add up to facts), moved with the other sums: an indicator's evidence. */
  @Column({ type: 'int', default: 0 })
  operationalFacts!: number;

  @Column({ type: 'int', default: 0 })
  reportedFacts!: number;

  @Column({ type: 'int', default: 0 })
  reconstructedFacts!: number;

  @Column({ type: 'int', default: 0 })
  syntheticFacts!: number;
}

/**
 * Running totals per unit, year, metric and quarter (triwulan) of the facts that carry a quarter,
 * kept in step with the facts in the same transaction as metric_counter; the quarterly figures
 * (IndicatorResult.quarters) read these rows instead of grouping the facts.
 */
@Entity('metric_quarter_counter')
export class MetricQuarterCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  unitCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  metric!: string;

  @PrimaryColumn({ type: 'int' })
  quarter!: number;

  @Column({ type: 'int', default: 0 })
  numerator!: number;

  @Column({ type: 'int', default: 0 })
  denominator!: number;

  @Column({ type: 'int', default: 0 })
  facts!: number;
}

/** A realisation typed in from outside the graph (SAKIP score, historic years), with who and when. */
@Entity('realization_entry')
@Index('ux_realization_entry', ['unitCode', 'year', 'indicatorCode'], { unique: true })
export class RealizationEntryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 10 })
  indicatorCode!: string;

  @Column({ type: 'decimal', precision: 8, scale: 2, transformer: decimal })
  value!: number;

  @Column({ type: 'varchar', length: 100 })
  enteredBy!: string;

  @Column({ type: 'datetime' })
  enteredAt!: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/** A figure as the printed report shows it, kept beside the derived one for auditors. */
@Entity('published_figure')
@Index('ux_published_figure', ['unitCode', 'year', 'code'], { unique: true })
export class PublishedFigureEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'int' })
  year!: number;

  /** An indicator code (SK1.1) or a goal code (SK1). */
  @Column({ type: 'varchar', length: 10 })
  code!: string;

  @Column({ type: 'decimal', precision: 8, scale: 2, nullable: true, transformer: decimal })
  target!: number | null;

  @Column({ type: 'decimal', precision: 8, scale: 2, nullable: true, transformer: decimal })
  realization!: number | null;

  @Column({ type: 'decimal', precision: 8, scale: 2, nullable: true, transformer: decimal })
  achievement!: number | null;

  @Column({ type: 'varchar', length: 200 })
  source!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;
}

/** The metric_counter column counting the facts of each provenance. */
export const FACT_COUNT_COLUMNS = {
  [Provenance.OPERATIONAL]: 'operationalFacts',
  [Provenance.REPORTED]: 'reportedFacts',
  [Provenance.RECONSTRUCTED]: 'reconstructedFacts',
  [Provenance.SYNTHETIC]: 'syntheticFacts',
} as const satisfies Record<Provenance, keyof MetricCounterEntity>;
