import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillProvenance, FACT_TABLES } from '../seed/seed.service';

/**
 * A provenance on every training fact (issue 12). The column's default makes every existing row
 * OPERATIONAL; the backfill then gives the rows the seed and the generator wrote before the column
 * what they are (seed.service.ts). Run it with the services stopped, as every migration.
 */
export class Provenance1796800000000 implements MigrationInterface {
  name = 'Provenance1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of FACT_TABLES)
      await queryRunner.query(`ALTER TABLE \`${table}\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await backfillProvenance(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...FACT_TABLES].reverse())
      await queryRunner.query(`ALTER TABLE \`${table}\` DROP COLUMN \`provenance\``);
  }
}
