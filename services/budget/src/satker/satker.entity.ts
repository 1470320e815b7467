import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

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
