import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fill the new counters from the rows they sum (the same sums recomputeCounters and the survey
 * loader made before). Plain SQL that MariaDB and SQLite both run; the embedded mode, whose
 * SQLite schema is synchronized rather than migrated, runs them at start on a database that has
 * facts or responses but no counters yet (seed/performance.seed.ts).
 */
export const BACKFILL_QUARTER_COUNTERS = `INSERT INTO \`metric_quarter_counter\` (\`unitCode\`, \`year\`, \`metric\`, \`quarter\`, \`numerator\`, \`denominator\`, \`facts\`) SELECT \`unitCode\`, \`year\`, \`metric\`, \`quarter\`, SUM(\`numerator\`), SUM(\`denominator\`), COUNT(*) FROM \`metric_fact\` WHERE \`quarter\` IS NOT NULL GROUP BY \`unitCode\`, \`year\`, \`metric\`, \`quarter\``;
const count = (column: string, value: string) => `SUM(CASE WHEN \`${column}\` = '${value}' THEN 1 ELSE 0 END)`;
export const BACKFILL_SURVEY_TOTALS = `INSERT INTO \`survey_total\` (\`unitCode\`, \`year\`, \`respondents\`, \`u1\`, \`u2\`, \`u3\`, \`u4\`, \`u5\`, \`u6\`, \`u7\`, \`u8\`, \`u9\`, \`female\`, \`male\`, \`sd\`, \`smp\`, \`sma\`, \`diii\`, \`s1\`, \`s2\`) SELECT \`unitCode\`, \`year\`, COUNT(*), SUM(\`u1\`), SUM(\`u2\`), SUM(\`u3\`), SUM(\`u4\`), SUM(\`u5\`), SUM(\`u6\`), SUM(\`u7\`), SUM(\`u8\`), SUM(\`u9\`), ${count('gender', 'FEMALE')}, ${count('gender', 'MALE')}, ${['SD', 'SMP', 'SMA', 'DIII', 'S1', 'S2'].map((e) => count('education', e)).join(', ')} FROM \`survey_response\` GROUP BY \`unitCode\`, \`year\``;

export class QuarterCountersSurveyTotals1796200968582 implements MigrationInterface {
  name = 'QuarterCountersSurveyTotals1796200968582';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`metric_quarter_counter\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`metric\` varchar(30) NOT NULL, \`quarter\` int NOT NULL, \`numerator\` int NOT NULL DEFAULT '0', \`denominator\` int NOT NULL DEFAULT '0', \`facts\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`unitCode\`, \`year\`, \`metric\`, \`quarter\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`survey_total\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`respondents\` int NOT NULL DEFAULT '0', \`u1\` int NOT NULL DEFAULT '0', \`u2\` int NOT NULL DEFAULT '0', \`u3\` int NOT NULL DEFAULT '0', \`u4\` int NOT NULL DEFAULT '0', \`u5\` int NOT NULL DEFAULT '0', \`u6\` int NOT NULL DEFAULT '0', \`u7\` int NOT NULL DEFAULT '0', \`u8\` int NOT NULL DEFAULT '0', \`u9\` int NOT NULL DEFAULT '0', \`female\` int NOT NULL DEFAULT '0', \`male\` int NOT NULL DEFAULT '0', \`sd\` int NOT NULL DEFAULT '0', \`smp\` int NOT NULL DEFAULT '0', \`sma\` int NOT NULL DEFAULT '0', \`diii\` int NOT NULL DEFAULT '0', \`s1\` int NOT NULL DEFAULT '0', \`s2\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`unitCode\`, \`year\`)) ENGINE=InnoDB`);
    await queryRunner.query(BACKFILL_QUARTER_COUNTERS);
    await queryRunner.query(BACKFILL_SURVEY_TOTALS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`survey_total\``);
    await queryRunner.query(`DROP TABLE \`metric_quarter_counter\``);
  }
}
