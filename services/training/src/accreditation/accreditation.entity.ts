import { Provenance, PROVENANCE_COLUMN } from '@kesos/infra';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { AccreditationResult, LksKind } from './accreditation.type';

/** A social-welfare institution (Lembaga Kesejahteraan Sosial, LKS) in a unit's work area. */
@Entity('lks_institution')
@Index('ix_lks_institution_unit', ['unitCode', 'id'])
export class LksInstitutionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: LksKind;

  @Column({ type: 'varchar', length: 100 })
  province!: string;

  @Column({ type: 'varchar', length: 100 })
  regency!: string;

  /** Where the record comes from; written once, with the record. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/**
 * An accreditation visit (visitasi) and its decision. The validity period is not stored: it
 * follows from the result and the decision date, so it cannot disagree with them.
 */
@Entity('accreditation_assessment')
@Index('ux_accreditation_institution_year', ['institutionId', 'year'], { unique: true })
@Index('ix_accreditation_unit_year', ['unitCode', 'year', 'id'])
export class AccreditationAssessmentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  /** Year of the visit: the year the assessment counts towards. */
  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  institutionId!: number;

  @Column({ type: 'date' })
  visitDate!: string;

  /** Names of the assessors who made the visit, in the order given. */
  @Column({ type: 'simple-json' })
  assessorTeam!: string[];

  @Column({ type: 'varchar', length: 20 })
  result!: AccreditationResult;

  @Column({ type: 'date' })
  decidedOn!: string;

  /** Where the record comes from; written once, with the record. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/** Planned number of institutions to assess in a year (target RKT, e.g. 200 LKS). */
@Entity('accreditation_target')
export class AccreditationTargetEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  unitCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  institutions!: number;
}
