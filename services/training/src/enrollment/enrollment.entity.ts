import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { decimal, Provenance, PROVENANCE_COLUMN } from '@kesos/infra';

export type EnrollmentStatusValue = 'REGISTERED' | 'ATTENDING' | 'GRADUATED' | 'FAILED' | 'DROPPED_OUT';

/** A participant's place in a class and how it ended. */
@Entity('enrollment')
@Index('ux_enrollment_class_participant', ['classId', 'participantId'], { unique: true })
@Index('ix_enrollment_participant', ['participantId'])
@Index('ix_enrollment_unit', ['unitCode', 'id'])
export class EnrollmentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** The class's unit, kept here so that scoping and counting need no join. */
  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'int' })
  classId!: number;

  @Column({ type: 'int' })
  participantId!: number;

  @Column({ type: 'varchar', length: 12 })
  status!: EnrollmentStatusValue;

  @Column({ type: 'date' })
  registeredOn!: string;

  @Column({ type: 'date', nullable: true })
  attendedOn!: string | null;

  @Column({ type: 'decimal', precision: 6, scale: 2, nullable: true, transformer: decimal })
  preTestScore!: number | null;

  @Column({ type: 'decimal', precision: 6, scale: 2, nullable: true, transformer: decimal })
  postTestScore!: number | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  predicate!: string | null;

  /** Up to 97 characters: unit (40) / programme (20) / year / enrollment id (up to 10 digits) / 19-character check. */
  @Index('ux_enrollment_certificate', { unique: true })
  @Column({ type: 'varchar', length: 120, nullable: true })
  certificateNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  certificateIssuedOn!: string | null;

  /** The day the enrollment reached its final status. */
  @Column({ type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  dropOutReason!: string | null;

  /** Where the record comes from; written once, with the record. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
