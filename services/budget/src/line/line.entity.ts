import { PROVENANCE_COLUMN, Provenance } from '@kesos/infra';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A programme (program) in a DIPA, e.g. 027.DN Program Perlindungan Sosial. */
@Entity('budget_programme')
@Index('ux_programme_dipa_code', ['dipaId', 'code'], { unique: true })
export class ProgrammeEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  dipaId!: number;

  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;
}

/** An activity (kegiatan) of a programme. */
@Entity('budget_activity')
@Index('ux_activity_dipa_code', ['dipaId', 'code'], { unique: true })
export class ActivityEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  dipaId!: number;

  @Column({ type: 'int' })
  programmeId!: number;

  @Column({ type: 'varchar', length: 10 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Why the name is what it is, when the source does not give it. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  note!: string | null;
}

/** An output (rincian output, RO) of an activity under an output class (KRO), with its volume unit. */
@Entity('budget_output')
@Index('ux_output_dipa_code', ['dipaId', 'code'], { unique: true })
export class OutputEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  dipaId!: number;

  @Column({ type: 'int' })
  activityId!: number;

  /** KRO code, e.g. 6391.SCM. */
  @Column({ type: 'varchar', length: 20 })
  kroCode!: string;

  @Column({ type: 'varchar', length: 200 })
  kroName!: string;

  /** RO code, e.g. 6391.SCM.001; training events name it as budgetOutputCode. */
  @Index('ix_output_code')
  @Column({ type: 'varchar', length: 30 })
  code!: string;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  /** Volume unit (satuan), e.g. orang, LKS, layanan, dokumen. */
  @Column({ type: 'varchar', length: 30 })
  volumeUnit!: string;
}

/** The volume target of an output as set by a revision; the latest revision's target applies. */
@Entity('budget_output_target')
@Index('ux_output_target_revision', ['outputId', 'revisionId'], { unique: true })
export class OutputTargetEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  outputId!: number;

  @Column({ type: 'int' })
  revisionId!: number;

  @Column({ type: 'int' })
  volumeTarget!: number;

  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

/**
 * A budget line: one account (akun) under a component of an output, or directly under the DIPA
 * where the source gives only totals per expense type. Its ceiling is the sum of its revision changes.
 */
@Entity('budget_line')
@Index('ux_line_key', ['dipaId', 'outputId', 'componentCode', 'accountCode'], { unique: true })
export class BudgetLineEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('ix_line_dipa')
  @Column({ type: 'int' })
  dipaId!: number;

  @Column({ type: 'int', nullable: true })
  outputId!: number | null;

  /** Component (komponen) code within the output, e.g. 051; null for expense-type summary lines. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  componentCode!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  componentName!: string | null;

  @Column({ type: 'varchar', length: 6 })
  accountCode!: string;

  /** Performance goal (sasaran kegiatan) the line serves, e.g. SK1; null when it serves none. */
  @Index('ix_line_goal')
  @Column({ type: 'varchar', length: 10, nullable: true })
  goalCode!: string | null;

  /** RECONSTRUCTED where the report gives only the totals the lines split. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}
