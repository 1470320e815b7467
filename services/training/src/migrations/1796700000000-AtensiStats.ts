import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The backfill as the rollup was at this migration, frozen (see TrainingStats1796400000000). */
const BACKFILL = `INSERT INTO atensi_stats_rollup (unitCode, year, serviceType, status, cases, servedCases, peopleServed)
  SELECT unitCode, year, serviceType, status, COUNT(*), SUM(CASE WHEN served = 1 THEN 1 ELSE 0 END),
  SUM(COALESCE(peopleServed, 0)) FROM atensi_case GROUP BY unitCode, year, serviceType, status`;

/**
 * The ATENSI statistics rollup (atensi-stats.entity.ts), backfilled from the cases in the
 * migration's transaction. Run it with the services stopped, as every migration.
 */
export class AtensiStats1796700000000 implements MigrationInterface {
  name = 'AtensiStats1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`atensi_stats_rollup\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`serviceType\` varchar(40) NOT NULL, \`status\` varchar(10) NOT NULL, \`cases\` int NOT NULL, \`servedCases\` int NOT NULL, \`peopleServed\` int NOT NULL, INDEX \`ix_atensi_stats_rollup_year\` (\`year\`, \`unitCode\`), PRIMARY KEY (\`unitCode\`, \`year\`, \`serviceType\`, \`status\`)) ENGINE=InnoDB`);
    await queryRunner.query(BACKFILL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_atensi_stats_rollup_year\` ON \`atensi_stats_rollup\``);
    await queryRunner.query(`DROP TABLE \`atensi_stats_rollup\``);
  }
}
