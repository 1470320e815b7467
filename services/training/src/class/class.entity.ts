import { Provenance, PROVENANCE_COLUMN } from '@kesos/infra';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A class (angkatan) of a programme: one run of it at a place and time. */
@Entity('training_class')
@Index('ux_training_class_batch', ['programmeId', 'year', 'batch'], { unique: true })
@Index('ix_training_class_unit_year', ['unitCode', 'year'])
export class TrainingClassEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'int' })
  programmeId!: number;

  /** The year of the start date: the reporting year the class counts towards. */
  @Column({ type: 'int' })
  year!: number;

  /** Angkatan number within programme and year. */
  @Column({ type: 'int' })
  batch!: number;

  @Column({ type: 'varchar', length: 150 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  province!: string;

  @Column({ type: 'varchar', length: 100 })
  regency!: string;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date' })
  endDate!: string;

  @Column({ type: 'int' })
  capacity!: number;

  @Column({ type: 'int' })
  targetParticipants!: number;

  @Column({ type: 'varchar', length: 10 })
  status!: 'PLANNED' | 'RUNNING' | 'CLOSED';

  /** Budget work unit (kode satker) that paid for the class, e.g. 690552 (new) or 369283 (old organisation). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  satkerCode!: string | null;

  /**
   * Enrollments of the class that graduated: moved by one in the transaction that graduates one,
   * with the class row locked (GRADUATED is final), so the volume figures read classes, not enrollments.
   */
  @Column({ type: 'int', default: 0 })
  graduates!: number;

  /** Where the record comes from; written once, with the record. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/**
 * Sets every class's graduate counter to the count of its GRADUATED enrollments: the migration's
 * backfill, and the recount an embedded database from before the counter gets at startup (before
 * it serves, so no graduation runs meanwhile). Standard SQL, for MariaDB and SQLite.
 */
export const RECOUNT_CLASS_GRADUATES = `UPDATE training_class SET graduates = (SELECT COUNT(*) FROM enrollment e WHERE e.classId = training_class.id AND e.status = 'GRADUATED')`;
