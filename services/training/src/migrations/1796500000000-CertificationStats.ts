import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildCertificationStats } from '../certification-stats/certification-stats.service';

/**
 * The certification statistics rollup (certification-stats.entity.ts), backfilled from the
 * candidates and their results in the migration's transaction. Run it with the services stopped,
 * as every migration.
 */
export class CertificationStats1796500000000 implements MigrationInterface {
  name = 'CertificationStats1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`certification_stats_rollup\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`category\` varchar(20) NOT NULL, \`outcome\` varchar(20) NOT NULL, \`n\` int NOT NULL, INDEX \`ix_certification_stats_rollup_year\` (\`year\`, \`unitCode\`), PRIMARY KEY (\`unitCode\`, \`year\`, \`category\`, \`outcome\`)) ENGINE=InnoDB`);
    await rebuildCertificationStats(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_certification_stats_rollup_year\` ON \`certification_stats_rollup\``);
    await queryRunner.query(`DROP TABLE \`certification_stats_rollup\``);
  }
}
