import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The backfill as the rollup was at this migration, frozen (see TrainingStats1796400000000). */
const BACKFILL = `INSERT INTO accreditation_stats_rollup (unitCode, year, kind, result, n)
  SELECT a.unitCode, a.year, i.kind, a.result, COUNT(*)
  FROM accreditation_assessment a JOIN lks_institution i ON i.id = a.institutionId
  GROUP BY a.unitCode, a.year, i.kind, a.result`;

/**
 * The LKS accreditation statistics rollup (accreditation-stats.entity.ts), backfilled from the
 * assessments in the migration's transaction. Run it with the services stopped, as every
 * migration.
 */
export class AccreditationStats1796600000000 implements MigrationInterface {
  name = 'AccreditationStats1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`accreditation_stats_rollup\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`kind\` varchar(30) NOT NULL, \`result\` varchar(20) NOT NULL, \`n\` int NOT NULL, INDEX \`ix_accreditation_stats_rollup_year\` (\`year\`, \`unitCode\`), PRIMARY KEY (\`unitCode\`, \`year\`, \`kind\`, \`result\`)) ENGINE=InnoDB`);
    await queryRunner.query(BACKFILL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_accreditation_stats_rollup_year\` ON \`accreditation_stats_rollup\``);
    await queryRunner.query(`DROP TABLE \`accreditation_stats_rollup\``);
  }
}
