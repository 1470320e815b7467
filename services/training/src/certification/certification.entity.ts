import { Provenance, PROVENANCE_COLUMN } from '@kesos/infra';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CertificationCategory, CertificationResult } from './certification.type';

/** A person planned for certification of SDM Kesos (asesi) by a unit in a year. */
@Entity('certification_candidate')
@Index('ix_cert_candidate_unit_year', ['unitCode', 'year', 'id'])
export class CertificationCandidateEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  /** The year whose certification plan (RKT) the candidate belongs to. */
  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  category!: CertificationCategory;

  @Column({ type: 'varchar', length: 100 })
  originProvince!: string;

  @Column({ type: 'varchar', length: 100 })
  originRegency!: string;

  /** Where the record comes from; written once, with the record. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/** A competency assessment session (uji kompetensi) held by a unit. */
@Entity('certification_session')
@Index('ix_cert_session_unit_year', ['unitCode', 'year', 'id'])
export class CertificationSessionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  /** Year of the start date: the year its results count towards. */
  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  province!: string;

  @Column({ type: 'varchar', length: 100 })
  regency!: string;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date' })
  endDate!: string;

  /** Where the record comes from; written once, with the record. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/** The result of one candidate in one session; the unique index keeps it to one. */
@Entity('certification_assessment')
@Index('ux_cert_assessment_session_candidate', ['sessionId', 'candidateId'], { unique: true })
@Index('ix_cert_assessment_unit_year', ['unitCode', 'year', 'id'])
@Index('ix_cert_assessment_candidate', ['candidateId'])
export class CertificationAssessmentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  sessionId!: number;

  @Column({ type: 'int' })
  candidateId!: number;

  @Column({ type: 'varchar', length: 20 })
  result!: CertificationResult;

  @Column({ type: 'date' })
  assessedOn!: string;

  /** Where the record comes from; written once, with the record. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
