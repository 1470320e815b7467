import { decimal, PROVENANCE_COLUMN, Provenance } from '@kesos/infra';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Measure, Metric, Polarity } from './plan.type';

/** A unit's five-year strategic plan (Renstra), e.g. 2020-2024. */
@Entity('strategic_plan')
@Index('ux_strategic_plan_unit_from', ['unitCode', 'fromYear'], { unique: true })
export class StrategicPlanEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'int' })
  fromYear!: number;

  @Column({ type: 'int' })
  toYear!: number;

  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/** An activity goal (sasaran kegiatan) of a plan, SK1..SK6. */
@Entity('plan_goal')
@Index('ux_plan_goal_code', ['planId', 'code'], { unique: true })
export class PlanGoalEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  planId!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 10 })
  code!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 300 })
  titleId!: string;
}

/** A performance indicator (indikator kinerja) of a goal, with its formula. */
@Entity('plan_indicator')
@Index('ux_plan_indicator_code', ['planId', 'code'], { unique: true })
export class PlanIndicatorEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  planId!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 10 })
  goalCode!: string;

  @Column({ type: 'varchar', length: 10 })
  code!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'varchar', length: 300 })
  nameId!: string;

  /** PERCENT, INDEX or SCORE. */
  @Column({ type: 'varchar', length: 10 })
  measure!: Measure;

  /** HIGHER_IS_BETTER or LOWER_IS_BETTER. */
  @Column({ type: 'varchar', length: 20 })
  polarity!: Polarity;

  /** Where the realisation comes from; see Metric. */
  @Column({ type: 'varchar', length: 30 })
  metric!: Metric;

  @Column({ type: 'varchar', length: 400 })
  numeratorDefinition!: string;

  @Column({ type: 'varchar', length: 400, nullable: true })
  denominatorDefinition!: string | null;

  /** Achievement never exceeds the cap when one is set. */
  @Column({ type: 'decimal', precision: 6, scale: 2, nullable: true, transformer: decimal })
  achievementCap!: number | null;
}

/** The target of an indicator for one year, as the plan and the agreements set it. */
@Entity('indicator_target')
@Index('ux_indicator_target', ['planId', 'indicatorCode', 'year'], { unique: true })
export class IndicatorTargetEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  planId!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 10 })
  indicatorCode!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'decimal', precision: 8, scale: 2, transformer: decimal })
  target!: number;

  /** Set when the year measured something other than the indicator's usual unit (2021: persons, a 1-4 scale). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  unitLabel!: string | null;

  /** Volume behind a ratio's denominator where no record carries it (SK2.2: persons to train). */
  @Column({ type: 'int', nullable: true })
  volumeTarget!: number | null;

  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
