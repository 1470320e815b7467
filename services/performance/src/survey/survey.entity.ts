import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One respondent's answers to the satisfaction survey (IKM, Permenpan RB 14/2017): nine service
 * elements scored 1-4. Respondents are anonymous; only gender and education are kept.
 */
@Entity('survey_response')
@Index('ix_survey_response_unit_year', ['unitCode', 'year'])
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 10 })
  gender!: string;

  @Column({ type: 'varchar', length: 10 })
  education!: string;

  @Column({ type: 'smallint' })
  u1!: number;

  @Column({ type: 'smallint' })
  u2!: number;

  @Column({ type: 'smallint' })
  u3!: number;

  @Column({ type: 'smallint' })
  u4!: number;

  @Column({ type: 'smallint' })
  u5!: number;

  @Column({ type: 'smallint' })
  u6!: number;

  @Column({ type: 'smallint' })
  u7!: number;

  @Column({ type: 'smallint' })
  u8!: number;

  @Column({ type: 'smallint' })
  u9!: number;

  @Column({ type: 'varchar', length: 100 })
  submittedBy!: string;

  @Column({ type: 'datetime' })
  submittedAt!: Date;
}

export const ELEMENT_COLUMNS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
