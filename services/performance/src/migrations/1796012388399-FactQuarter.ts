import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FactQuarter1796012388399 implements MigrationInterface {
  name = 'FactQuarter1796012388399';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`metric_fact\` ADD \`quarter\` int NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`metric_fact\` DROP COLUMN \`quarter\``);
  }
}
