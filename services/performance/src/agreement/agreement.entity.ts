import { decimal, PROVENANCE_COLUMN, Provenance } from '@kesos/infra';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AgreementParty } from './agreement.type';

/**
 * One version of a performance agreement (perjanjian kinerja, PK) of a unit for a year. Versions
 * are immutable snapshots: a revision is a new version, never an edit of an earlier one.
 */
@Entity('performance_agreement')
@Index('ux_performance_agreement_version', ['unitCode', 'year', 'version'], { unique: true })
export class PerformanceAgreementEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  signedPlace!: string | null;

  /** ISO year-month: the agreements give a month, not a day ("Jakarta, September 2022"). */
  @Column({ type: 'varchar', length: 7, nullable: true })
  signedMonth!: string | null;

  @Column({ type: 'varchar', length: 100 })
  recordedBy!: string;

  @Column({ type: 'datetime' })
  recordedAt!: Date;

  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/** A signatory by position title; names of officials are not kept. */
@Entity('agreement_signatory')
@Index('ix_agreement_signatory', ['agreementId'])
export class AgreementSignatoryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  agreementId!: number;

  /** FIRST (pihak pertama, the unit's head) or SECOND (pihak kedua, the superior). */
  @Column({ type: 'varchar', length: 10 })
  party!: AgreementParty;

  @Column({ type: 'varchar', length: 300 })
  positionTitle!: string;
}

/** One line of the agreement: goal, indicator and target as signed. */
@Entity('agreement_item')
@Index('ix_agreement_item', ['agreementId', 'position'])
export class AgreementItemEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  agreementId!: number;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 300 })
  goal!: string;

  @Column({ type: 'varchar', length: 400 })
  indicator!: string;

  /** The plan's indicator code when the line is one of its indicators. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  indicatorCode!: string | null;

  @Column({ type: 'decimal', precision: 10, scale: 2, transformer: decimal })
  target!: number;

  @Column({ type: 'varchar', length: 20 })
  targetUnit!: string;

  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
