import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RECOUNT_CLASS_GRADUATES } from '../class/class.entity';

/**
 * A graduate counter on each class, which the volume figures read instead of counting enrollments;
 * backfilled from the enrollments (GRADUATED is final, so the count is the counter's starting value).
 * Run it with the services stopped, as every migration, so no graduation happens between the two statements.
 */
export class ClassGraduates1796300000000 implements MigrationInterface {
  name = 'ClassGraduates1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`training_class\` ADD \`graduates\` int NOT NULL DEFAULT 0`);
    await queryRunner.query(RECOUNT_CLASS_GRADUATES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`training_class\` DROP COLUMN \`graduates\``);
  }
}
