import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { rupiah, PROVENANCE_COLUMN, Provenance } from '@kesos/infra';

/**
 * Budget moved between satkers (e.g. the unspent budget of a closed satker, or a delegation
 * (pelimpahan) from another unit), linked to the revisions that cut and received it.
 */
@Entity('budget_transfer')
export class TransferEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 40 })
  fromUnitCode!: string;

  /** Null when the giving satker is not recorded in this graph. */
  @Column({ type: 'varchar', length: 6, nullable: true })
  fromSatkerCode!: string | null;

  @Column({ type: 'int', nullable: true })
  fromRevisionId!: number | null;

  @Column({ type: 'varchar', length: 40 })
  toUnitCode!: string;

  @Column({ type: 'varchar', length: 6 })
  toSatkerCode!: string;

  @Column({ type: 'int' })
  toRevisionId!: number;

  @Column({ type: 'bigint', transformer: rupiah })
  amount!: number;

  @Column({ type: 'date' })
  date!: string;

  /** Legal basis, e.g. the finance ministry letter number. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  reference!: string | null;

  @Column({ type: 'varchar', length: 500 })
  description!: string;

  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
