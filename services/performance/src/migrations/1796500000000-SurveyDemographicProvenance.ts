import type { MigrationInterface, QueryRunner } from 'typeorm';

const sheets = (p: string) =>
  `(SELECT COUNT(*) FROM \`survey_response\` r WHERE r.\`unitCode\` = \`survey_demographic_total\`.\`unitCode\` AND r.\`year\` = \`survey_demographic_total\`.\`year\` AND r.\`gender\` = \`survey_demographic_total\`.\`gender\` AND r.\`education\` = \`survey_demographic_total\`.\`education\` AND r.\`provenance\` = '${p}')`;

/**
 * The survey's sums per gender and education count their answer sheets per provenance, counted
 * from the sheets as rebuildSurveyTotals counts them; only rows whose counts are all still 0, so
 * it is idempotent. Portable SQL: the embedded mode (SQLite, synchronized) runs it at start too.
 */
export const FILL_DEMOGRAPHIC_PROVENANCE_COUNTS = `UPDATE \`survey_demographic_total\` SET \`operationalResponses\` = ${sheets('OPERATIONAL')}, \`reportedResponses\` = ${sheets('REPORTED')}, \`reconstructedResponses\` = ${sheets('RECONSTRUCTED')}, \`syntheticResponses\` = ${sheets('SYNTHETIC')} WHERE \`respondents\` > 0 AND \`operationalResponses\` + \`reportedResponses\` + \`reconstructedResponses\` + \`syntheticResponses\` = 0`;

/** Per-provenance counts on survey_demographic_total, so a surveyStats row answers its evidence from the sums (issue 12). */
export class SurveyDemographicProvenance1796500000000 implements MigrationInterface {
  name = 'SurveyDemographicProvenance1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`survey_demographic_total\` ADD \`operationalResponses\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`survey_demographic_total\` ADD \`reportedResponses\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`survey_demographic_total\` ADD \`reconstructedResponses\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`survey_demographic_total\` ADD \`syntheticResponses\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(FILL_DEMOGRAPHIC_PROVENANCE_COUNTS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`survey_demographic_total\` DROP COLUMN \`syntheticResponses\``);
    await queryRunner.query(`ALTER TABLE \`survey_demographic_total\` DROP COLUMN \`reconstructedResponses\``);
    await queryRunner.query(`ALTER TABLE \`survey_demographic_total\` DROP COLUMN \`reportedResponses\``);
    await queryRunner.query(`ALTER TABLE \`survey_demographic_total\` DROP COLUMN \`operationalResponses\``);
  }
}
