import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportHeartbeat1796012565207 implements MigrationInterface {
  name = 'ImportHeartbeat1796012565207';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`import_job\` ADD \`heartbeatAt\` datetime NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`import_job\` DROP COLUMN \`heartbeatAt\``);
  }
}
