import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { decimal, PROVENANCE_COLUMN, Provenance } from '@kesos/infra';

/**
 * A unit's budget performance scores for a year, as the finance ministry published them
 * (SMART from the SMART application, IKPA from OMSPAN). The combined score is derived, not stored;
 * the figure the unit's own report printed is kept beside it where it differs.
 */
@Entity('budget_performance')
@Index('ux_budget_performance_unit_year', ['unitCode', 'year'], { unique: true })
export class BudgetPerformanceEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'decimal', precision: 6, scale: 2, nullable: true, transformer: decimal })
  smartScore!: number | null;

  @Column({ type: 'decimal', precision: 6, scale: 2, nullable: true, transformer: decimal })
  ikpaScore!: number | null;

  @Column({ type: 'decimal', precision: 6, scale: 2, nullable: true, transformer: decimal })
  publishedScore!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/** An IKPA component and its weight for a year (the finance ministry changes them between years). */
@Entity('ikpa_component')
@Index('ux_ikpa_component_year_code', ['year', 'code'], { unique: true })
export class IkpaComponentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'int' })
  position!: number;

  /** Weight in percent; a year's weights sum to 100. */
  @Column({ type: 'int' })
  weight!: number;
}

/** A unit's published score on one IKPA component for a year; the IKPA total is their weighted sum. */
@Entity('ikpa_component_score')
@Index('ux_ikpa_component_score', ['unitCode', 'year', 'componentCode'], { unique: true })
export class IkpaScoreEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 40 })
  componentCode!: string;

  @Column({ type: 'decimal', precision: 6, scale: 2, transformer: decimal })
  score!: number;

  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
