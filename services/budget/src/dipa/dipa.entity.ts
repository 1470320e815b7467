import { PROVENANCE_COLUMN, Provenance } from '@kesos/infra';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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

  /** REPORTED for a DIPA the report names; OPERATIONAL when opened through the API. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
