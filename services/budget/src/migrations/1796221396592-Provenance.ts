import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Provenance1796221396592 implements MigrationInterface {
  name = 'Provenance1796221396592';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`budget_output_target\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`budget_line\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`dipa\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`output_volume_entry\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`budget_performance\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`ikpa_component_score\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`realization\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`budget_revision\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`budget_line_change\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`budget_transfer\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    // Transactions written before this migration carry the marks of who wrote them: the seed's
    // monthly split of the report's annual totals, and the generator's.
    await queryRunner.query(`UPDATE \`realization\` SET \`provenance\` = 'RECONSTRUCTED' WHERE \`description\` = 'Synthetic monthly split of the reported annual realisation'`);
    await queryRunner.query(`UPDATE \`realization\` SET \`provenance\` = 'SYNTHETIC' WHERE \`description\` = 'Data sintetis' AND \`documentNumber\` LIKE 'SP2D-SINTETIS-%'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`budget_transfer\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`budget_line_change\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`budget_revision\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`realization\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`ikpa_component_score\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`budget_performance\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`output_volume_entry\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`dipa\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`budget_line\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`budget_output_target\` DROP COLUMN \`provenance\``);
  }
}
