import { Provenance, PROVENANCE_COLUMN } from '@kesos/infra';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AtensiCaseStatus, AtensiServiceType } from './atensi.type';

/** A case received by the unit's social rehabilitation assistance service (kasus ATENSI). */
@Entity('atensi_case')
@Index('ix_atensi_case_unit_year', ['unitCode', 'year', 'id'])
export class AtensiCaseEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  /** Year the case was received: the year it counts towards. */
  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 40 })
  serviceType!: AtensiServiceType;

  @Column({ type: 'date' })
  receivedOn!: string;

  @Column({ type: 'varchar', length: 100 })
  province!: string;

  @Column({ type: 'varchar', length: 100 })
  regency!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 10 })
  status!: AtensiCaseStatus;

  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  /** Set when closed: whether the basic needs and rights of the people concerned were met. */
  @Column({ type: 'boolean', nullable: true })
  served!: boolean | null;

  @Column({ type: 'int', nullable: true })
  peopleServed!: number | null;

  /** Where the record comes from; written once, with the record. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
