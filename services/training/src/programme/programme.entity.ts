import { Provenance, PROVENANCE_COLUMN } from '@kesos/infra';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A training programme (jenis pelatihan) a unit runs in classes. */
@Entity('programme')
@Index('ux_programme_unit_code', ['unitCode', 'code'], { unique: true })
export class ProgrammeEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  /** Who the programme is for; enrollments of other categories are still allowed (mixed classes happen). */
  @Column({ type: 'varchar', length: 20 })
  participantCategory!: string;

  /** KRO/RO code of the budget output the programme delivers, e.g. 6391.SCM.001. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  budgetOutputCode!: string | null;

  /** Performance indicator its graduates feed, e.g. SK2.2. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  indicatorCode!: string | null;

  @Column({ type: 'varchar', length: 150, nullable: true })
  partner!: string | null;

  /** Where the record comes from; written once, with the record. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
