import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A budget-holding work unit (satuan kerja) of a training unit; a unit can have several over time. */
@Entity('satker')
export class SatkerEntity {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code!: string;

  @Index('ix_satker_unit')
  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The organisation structure it belongs to, e.g. "OTK lama (UKE I Badiklitpensos)". */
  @Column({ type: 'varchar', length: 200 })
  organisation!: string;

  /** Date the satker was closed (ditutup); null while it is open. */
  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;
}

/** The budget document (DIPA) of one satker for one fiscal year; its ceiling comes from its revisions. */
@Entity('dipa')
@Index('ux_dipa_satker_year', ['satkerCode', 'year'], { unique: true })
export class DipaEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 6 })
  satkerCode!: string;

  @Index('ix_dipa_year')
  @Column({ type: 'int' })
  year!: number;
}
