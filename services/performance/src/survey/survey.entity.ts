import { PROVENANCE_COLUMN, Provenance } from '@kesos/infra';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

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

  /** RECONSTRUCTED for answer sheets made to add up to a report's published totals. */
  @Column(PROVENANCE_COLUMN)
  provenance!: Provenance;
}

export const ELEMENT_COLUMNS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;

/**
 * Running sums of a unit's survey for a year, moved in the same transaction as the responses are
 * written: respondents, the sum of each element's answers and the respondents per gender and
 * education. The survey (index, element means, breakdowns) is read from this one row.
 */
@Entity('survey_total')
export class SurveyTotalEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  unitCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'int', default: 0 })
  respondents!: number;

  @Column({ type: 'int', default: 0 })
  u1!: number;

  @Column({ type: 'int', default: 0 })
  u2!: number;

  @Column({ type: 'int', default: 0 })
  u3!: number;

  @Column({ type: 'int', default: 0 })
  u4!: number;

  @Column({ type: 'int', default: 0 })
  u5!: number;

  @Column({ type: 'int', default: 0 })
  u6!: number;

  @Column({ type: 'int', default: 0 })
  u7!: number;

  @Column({ type: 'int', default: 0 })
  u8!: number;

  @Column({ type: 'int', default: 0 })
  u9!: number;

  @Column({ type: 'int', default: 0 })
  female!: number;

  @Column({ type: 'int', default: 0 })
  male!: number;

  @Column({ type: 'int', default: 0 })
  sd!: number;

  @Column({ type: 'int', default: 0 })
  smp!: number;

  @Column({ type: 'int', default: 0 })
  sma!: number;

  @Column({ type: 'int', default: 0 })
  diii!: number;

  @Column({ type: 'int', default: 0 })
  s1!: number;

  @Column({ type: 'int', default: 0 })
  s2!: number;

  /** The respondents counted by provenance of their answer sheets (they add up to respondents). */
  @Column({ type: 'int', default: 0 })
  operationalResponses!: number;

  @Column({ type: 'int', default: 0 })
  reportedResponses!: number;

  @Column({ type: 'int', default: 0 })
  reconstructedResponses!: number;

  @Column({ type: 'int', default: 0 })
  syntheticResponses!: number;
}

/** The breakdown columns of survey_total, by the gender or education value a response stores. */
export const GENDER_COLUMNS: Record<string, 'female' | 'male'> = { FEMALE: 'female', MALE: 'male' };
export const EDUCATION_COLUMNS: Record<string, 'sd' | 'smp' | 'sma' | 'diii' | 's1' | 's2'> = {
  SD: 'sd',
  SMP: 'smp',
  SMA: 'sma',
  DIII: 'diii',
  S1: 's1',
  S2: 's2',
};

/**
 * Running sums of a unit's survey for a year per respondent gender and education (one row per
 * cell that has respondents), moved in the same transaction as the responses are written, like
 * survey_total. The statistics (`surveyStats`) group these rows, never the responses; over all
 * cells of a unit and year they add up to its survey_total row.
 */
@Entity('survey_demographic_total')
export class SurveyDemographicTotalEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  unitCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  gender!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  education!: string;

  @Column({ type: 'int', default: 0 })
  respondents!: number;

  @Column({ type: 'int', default: 0 })
  u1!: number;

  @Column({ type: 'int', default: 0 })
  u2!: number;

  @Column({ type: 'int', default: 0 })
  u3!: number;

  @Column({ type: 'int', default: 0 })
  u4!: number;

  @Column({ type: 'int', default: 0 })
  u5!: number;

  @Column({ type: 'int', default: 0 })
  u6!: number;

  @Column({ type: 'int', default: 0 })
  u7!: number;

  @Column({ type: 'int', default: 0 })
  u8!: number;

  @Column({ type: 'int', default: 0 })
  u9!: number;

  /** The respondents counted by provenance of their answer sheets, as in survey_total (RESPONSE_COUNT_COLUMNS). */
  @Column({ type: 'int', default: 0 })
  operationalResponses!: number;

  @Column({ type: 'int', default: 0 })
  reportedResponses!: number;

  @Column({ type: 'int', default: 0 })
  reconstructedResponses!: number;

  @Column({ type: 'int', default: 0 })
  syntheticResponses!: number;
}

/** The survey_total column counting the respondents of each provenance. */
export const RESPONSE_COUNT_COLUMNS = {
  [Provenance.OPERATIONAL]: 'operationalResponses',
  [Provenance.REPORTED]: 'reportedResponses',
  [Provenance.RECONSTRUCTED]: 'reconstructedResponses',
  [Provenance.SYNTHETIC]: 'syntheticResponses',
} as const satisfies Record<Provenance, keyof SurveyTotalEntity & keyof SurveyDemographicTotalEntity>;
