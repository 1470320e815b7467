import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The backfill as the rollup was at this migration, frozen (see TrainingStats1796400000000). */
const BACKFILL = `INSERT INTO certification_stats_rollup (unitCode, year, category, outcome, n)
  SELECT unitCode, year, category, outcome, COUNT(*) FROM (
  SELECT c.unitCode AS unitCode, c.year AS year, c.category AS category,
    CASE WHEN SUM(CASE WHEN a.result = 'KOMPETEN' THEN 1 ELSE 0 END) > 0 THEN 'COMPETENT'
      WHEN COUNT(a.id) > 0 THEN 'NOT_YET_COMPETENT' ELSE 'NOT_ASSESSED' END AS outcome
  FROM certification_candidate c LEFT JOIN certification_assessment a ON a.candidateId = c.id
  GROUP BY c.id, c.unitCode, c.year, c.category) candidates
  GROUP BY unitCode, year, category, outcome`;

/**
 * The certification statistics rollup (certification-stats.entity.ts), backfilled from the
 * candidates and their results in the migration's transaction. Run it with the services stopped,
 * as every migration.
 */
export class CertificationStats1796500000000 implements MigrationInterface {
  name = 'CertificationStats1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`certification_stats_rollup\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`category\` varchar(20) NOT NULL, \`outcome\` varchar(20) NOT NULL, \`n\` int NOT NULL, INDEX \`ix_certification_stats_rollup_year\` (\`year\`, \`unitCode\`), PRIMARY KEY (\`unitCode\`, \`year\`, \`category\`, \`outcome\`)) ENGINE=InnoDB`);
    await queryRunner.query(BACKFILL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_certification_stats_rollup_year\` ON \`certification_stats_rollup\``);
    await queryRunner.query(`DROP TABLE \`certification_stats_rollup\``);
  }
}
