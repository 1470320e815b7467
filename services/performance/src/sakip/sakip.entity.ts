import { decimal, PROVENANCE_COLUMN, Provenance } from '@kesos/infra';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A SAKIP evaluation score of a unit for a performance year, per evaluation round (e.g. March and August). */
@Entity('sakip_evaluation')
@Index('ux_sakip_evaluation', ['unitCode', 'year', 'round'], { unique: true })
@Index('ix_sakip_evaluation_year', ['year'])
export class SakipEvaluationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  /** The performance year evaluated (2021's evaluation took place in 2022). */
  @Column({ type: 'int' })
  year!: number;

  /** 1, 2, ... in evaluation order; the highest is the final round. */
  @Column({ type: 'int' })
  round!: number;

  @Column({ type: 'varchar', length: 60 })
  roundLabel!: string;

  @Column({ type: 'decimal', precision: 6, scale: 2, transformer: decimal })
  score!: number;

  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;

  @Column({ type: 'varchar', length: 200, nullable: true })
  source!: string | null;

  @Column({ type: 'varchar', length: 100 })
  enteredBy!: string;

  @Column({ type: 'datetime' })
  enteredAt!: Date;
}
