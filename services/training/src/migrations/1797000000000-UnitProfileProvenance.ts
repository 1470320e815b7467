import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillProfileProvenance, PROFILE_TABLES } from '../seed/profile-provenance.service';

/**
 * A provenance on the unit profile records (issue 12): units, work area, staff counts, campuses,
 * facilities and job counts. The column's default makes every row OPERATIONAL; the backfill then
 * marks what the seed wrote from the report REPORTED (seed/profile-provenance.service.ts). Run it with the
 * services stopped, as every migration.
 */
export class UnitProfileProvenance1797000000000 implements MigrationInterface {
  name = 'UnitProfileProvenance1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of PROFILE_TABLES)
      await queryRunner.query(`ALTER TABLE \`${table}\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await backfillProfileProvenance(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...PROFILE_TABLES].reverse())
      await queryRunner.query(`ALTER TABLE \`${table}\` DROP COLUMN \`provenance\``);
  }
}
