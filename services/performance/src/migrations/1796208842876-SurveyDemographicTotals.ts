import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fills the survey's running sums per gender and education from the responses they sum. Plain SQL
 * that MariaDB and SQLite both run; the embedded mode (synchronized SQLite) runs it at start on a
 * database that has responses but no such sums yet, and rebuildSurveyTotals runs it again.
 */
export const BACKFILL_SURVEY_DEMOGRAPHIC_TOTALS = `INSERT INTO \`survey_demographic_total\` (\`unitCode\`, \`year\`, \`gender\`, \`education\`, \`respondents\`, \`u1\`, \`u2\`, \`u3\`, \`u4\`, \`u5\`, \`u6\`, \`u7\`, \`u8\`, \`u9\`) SELECT \`unitCode\`, \`year\`, \`gender\`, \`education\`, COUNT(*), SUM(\`u1\`), SUM(\`u2\`), SUM(\`u3\`), SUM(\`u4\`), SUM(\`u5\`), SUM(\`u6\`), SUM(\`u7\`), SUM(\`u8\`), SUM(\`u9\`) FROM \`survey_response\` GROUP BY \`unitCode\`, \`year\`, \`gender\`, \`education\``;

export class SurveyDemographicTotals1796208842876 implements MigrationInterface {
  name = 'SurveyDemographicTotals1796208842876';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`survey_demographic_total\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`gender\` varchar(10) NOT NULL, \`education\` varchar(10) NOT NULL, \`respondents\` int NOT NULL DEFAULT '0', \`u1\` int NOT NULL DEFAULT '0', \`u2\` int NOT NULL DEFAULT '0', \`u3\` int NOT NULL DEFAULT '0', \`u4\` int NOT NULL DEFAULT '0', \`u5\` int NOT NULL DEFAULT '0', \`u6\` int NOT NULL DEFAULT '0', \`u7\` int NOT NULL DEFAULT '0', \`u8\` int NOT NULL DEFAULT '0', \`u9\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`unitCode\`, \`year\`, \`gender\`, \`education\`)) ENGINE=InnoDB`);
    await queryRunner.query(BACKFILL_SURVEY_DEMOGRAPHIC_TOTALS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`survey_demographic_total\``);
  }
}
