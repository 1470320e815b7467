import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildAtensiStats } from '../atensi-stats/atensi-stats.service';

/**
 * The ATENSI statistics rollup (atensi-stats.entity.ts), backfilled from the cases in the
 * migration's transaction. Run it with the services stopped, as every migration.
 */
export class AtensiStats1796700000000 implements MigrationInterface {
  name = 'AtensiStats1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`atensi_stats_rollup\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`serviceType\` varchar(40) NOT NULL, \`status\` varchar(10) NOT NULL, \`cases\` int NOT NULL, \`servedCases\` int NOT NULL, \`peopleServed\` int NOT NULL, INDEX \`ix_atensi_stats_rollup_year\` (\`year\`, \`unitCode\`), PRIMARY KEY (\`unitCode\`, \`year\`, \`serviceType\`, \`status\`)) ENGINE=InnoDB`);
    await rebuildAtensiStats(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_atensi_stats_rollup_year\` ON \`atensi_stats_rollup\``);
    await queryRunner.query(`DROP TABLE \`atensi_stats_rollup\``);
  }
}
