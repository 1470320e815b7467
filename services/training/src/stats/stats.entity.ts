import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Enrollments counted per unit, class year, programme, the participant's gender, education and
 * province (NIK digits 1-2) and status: what `trainingStats` sums instead of scanning
 * enrollments. Moved in the same transaction as every write that creates an enrollment or changes
 * its status (`stats.rollup.ts`); a key whose count reaches 0 is deleted.
 */
@Entity('training_stats_rollup')
@Index('ix_training_stats_rollup_year', ['year', 'unitCode'])
export class TrainingStatsRollupEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  unitCode!: string;

  /** The class's year (the year `trainingVolume` counts the enrollment in). */
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  programmeCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 6 })
  gender!: string;

  @PrimaryColumn({ type: 'varchar', length: 6 })
  education!: string;

  /** BPS/Dukcapil province code: the NIK's first two digits. */
  @PrimaryColumn({ type: 'varchar', length: 2 })
  province!: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  status!: string;

  /** Enrollments with this key. */
  @Column({ type: 'int' })
  n!: number;

  /** The same enrollments by their provenance (the row's evidence); they add up to n. */
  @Column({ type: 'int', default: 0 })
  operationalEnrollments!: number;

  @Column({ type: 'int', default: 0 })
  reportedEnrollments!: number;

  @Column({ type: 'int', default: 0 })
  reconstructedEnrollments!: number;

  @Column({ type: 'int', default: 0 })
  syntheticEnrollments!: number;
}

/**
 * Distinct people cannot be summed across groups, so `participants` counts DISTINCT
 * `participantId` over this table: one row per unit, year, programme, status and person (with the
 * person's fixed gender, education and province beside it, so no join is needed), `n` the
 * person's enrollments with that key (two classes of one programme in a year).
 */
@Entity('training_stats_participant')
@Index('ix_training_stats_participant_year', ['year', 'unitCode'])
export class TrainingStatsParticipantEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  unitCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  programmeCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  status!: string;

  @PrimaryColumn({ type: 'int' })
  participantId!: number;

  @Column({ type: 'varchar', length: 6 })
  gender!: string;

  @Column({ type: 'varchar', length: 6 })
  education!: string;

  @Column({ type: 'varchar', length: 2 })
  province!: string;

  @Column({ type: 'int' })
  n!: number;
}

/**
 * The rollup without the province: what most questions (unit, year, programme, gender, education,
 * status) read, about 30 times smaller than `training_stats_rollup` once enrollments come from
 * every province.
 */
@Entity('training_stats_rollup_coarse')
export class TrainingStatsCoarseEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  unitCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  programmeCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 6 })
  gender!: string;

  @PrimaryColumn({ type: 'varchar', length: 6 })
  education!: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  status!: string;

  @Column({ type: 'int' })
  n!: number;

  /** The same enrollments by their provenance (the row's evidence); they add up to n. */
  @Column({ type: 'int', default: 0 })
  operationalEnrollments!: number;

  @Column({ type: 'int', default: 0 })
  reportedEnrollments!: number;

  @Column({ type: 'int', default: 0 })
  reconstructedEnrollments!: number;

  @Column({ type: 'int', default: 0 })
  syntheticEnrollments!: number;
}

/** The people a unit enrolled in a year's classes, whatever the status: one row per person. */
@Entity('training_stats_person_year')
export class TrainingStatsPersonYearEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  unitCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'int' })
  participantId!: number;
}

/**
 * Distinct people per unit and year (the rows of `training_stats_person_year` counted), moved when
 * a person first enters a unit's year; enrollments are never deleted, so it only grows. It answers
 * `participants` for rows grouped by exactly UNIT and YEAR without other filters in one read.
 */
@Entity('training_stats_people')
export class TrainingStatsPeopleEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  unitCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  participants!: number;
}
