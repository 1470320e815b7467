import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificate numbers end in 16 random characters instead of 4 and can reach 97 characters.
 * Widened in place (the generator dropped and re-added the column, which would erase every
 * certificate number already issued); the unique index stays as it is.
 */
export class CertificateNumberLength1796187399792 implements MigrationInterface {
  name = 'CertificateNumberLength1796187399792';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`enrollment\` MODIFY \`certificateNumber\` varchar(120) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`enrollment\` MODIFY \`certificateNumber\` varchar(80) NULL`);
  }
}
