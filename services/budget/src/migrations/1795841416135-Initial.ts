import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795841416135 implements MigrationInterface {
  name = 'Initial1795841416135';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`account\` (\`code\` varchar(6) NOT NULL, \`name\` varchar(200) NOT NULL, \`expenseType\` varchar(10) NOT NULL, PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`budget_programme\` (\`id\` int NOT NULL AUTO_INCREMENT, \`dipaId\` int NOT NULL, \`code\` varchar(20) NOT NULL, \`name\` varchar(200) NOT NULL, UNIQUE INDEX \`ux_programme_dipa_code\` (\`dipaId\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`budget_activity\` (\`id\` int NOT NULL AUTO_INCREMENT, \`dipaId\` int NOT NULL, \`programmeId\` int NOT NULL, \`code\` varchar(10) NOT NULL, \`name\` varchar(200) NOT NULL, \`note\` varchar(300) NULL, UNIQUE INDEX \`ux_activity_dipa_code\` (\`dipaId\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`budget_output\` (\`id\` int NOT NULL AUTO_INCREMENT, \`dipaId\` int NOT NULL, \`activityId\` int NOT NULL, \`kroCode\` varchar(20) NOT NULL, \`kroName\` varchar(200) NOT NULL, \`code\` varchar(30) NOT NULL, \`name\` varchar(300) NOT NULL, \`volumeUnit\` varchar(30) NOT NULL, INDEX \`ix_output_code\` (\`code\`), UNIQUE INDEX \`ux_output_dipa_code\` (\`dipaId\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`budget_output_target\` (\`id\` int NOT NULL AUTO_INCREMENT, \`outputId\` int NOT NULL, \`revisionId\` int NOT NULL, \`volumeTarget\` int NOT NULL, UNIQUE INDEX \`ux_output_target_revision\` (\`outputId\`, \`revisionId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`budget_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`dipaId\` int NOT NULL, \`outputId\` int NULL, \`componentCode\` varchar(10) NULL, \`componentName\` varchar(200) NULL, \`accountCode\` varchar(6) NOT NULL, \`goalCode\` varchar(10) NULL, INDEX \`ix_line_dipa\` (\`dipaId\`), INDEX \`ix_line_goal\` (\`goalCode\`), UNIQUE INDEX \`ux_line_key\` (\`dipaId\`, \`outputId\`, \`componentCode\`, \`accountCode\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`satker\` (\`code\` varchar(6) NOT NULL, \`unitCode\` varchar(40) NOT NULL, \`name\` varchar(200) NOT NULL, \`organisation\` varchar(200) NOT NULL, \`closedOn\` date NULL, INDEX \`ix_satker_unit\` (\`unitCode\`), PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`dipa\` (\`id\` int NOT NULL AUTO_INCREMENT, \`satkerCode\` varchar(6) NOT NULL, \`year\` int NOT NULL, INDEX \`ix_dipa_year\` (\`year\`), UNIQUE INDEX \`ux_dipa_satker_year\` (\`satkerCode\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`output_volume_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`outputId\` int NOT NULL, \`enrollmentId\` varchar(60) NOT NULL, \`sourceEventId\` varchar(36) NOT NULL, \`quantity\` int NOT NULL DEFAULT '1', \`recordedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`ux_output_volume_enrollment\` (\`outputId\`, \`enrollmentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`outbox_event\` (\`seq\` int NOT NULL AUTO_INCREMENT, \`eventId\` varchar(36) NOT NULL, \`subject\` varchar(200) NOT NULL, \`envelope\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`publishedAt\` datetime NULL, \`attempts\` int NOT NULL DEFAULT '0', \`lastError\` varchar(500) NULL, UNIQUE INDEX \`ux_outbox_event_id\` (\`eventId\`), INDEX \`ix_outbox_pending\` (\`publishedAt\`, \`seq\`), PRIMARY KEY (\`seq\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`processed_event\` (\`eventId\` varchar(36) NOT NULL, \`consumer\` varchar(100) NOT NULL, \`processedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`eventId\`, \`consumer\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`budget_performance\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`smartScore\` decimal(6,2) NULL, \`ikpaScore\` decimal(6,2) NULL, \`publishedScore\` decimal(6,2) NULL, \`note\` varchar(500) NULL, UNIQUE INDEX \`ux_budget_performance_unit_year\` (\`unitCode\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`ikpa_component\` (\`id\` int NOT NULL AUTO_INCREMENT, \`year\` int NOT NULL, \`code\` varchar(40) NOT NULL, \`name\` varchar(200) NOT NULL, \`position\` int NOT NULL, \`weight\` int NOT NULL, UNIQUE INDEX \`ux_ikpa_component_year_code\` (\`year\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`realization\` (\`id\` int NOT NULL AUTO_INCREMENT, \`lineId\` int NOT NULL, \`date\` date NOT NULL, \`amount\` bigint NOT NULL, \`documentNumber\` varchar(60) NOT NULL, \`description\` varchar(500) NULL, \`reversesId\` int NULL, \`recordedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_realization_line\` (\`lineId\`), UNIQUE INDEX \`ux_realization_reverses\` (\`reversesId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`budget_revision\` (\`id\` int NOT NULL AUTO_INCREMENT, \`dipaId\` int NOT NULL, \`number\` int NOT NULL, \`authority\` varchar(4) NOT NULL, \`date\` date NOT NULL, \`description\` varchar(1000) NOT NULL, \`recordedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`ux_revision_dipa_number\` (\`dipaId\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`budget_line_change\` (\`id\` int NOT NULL AUTO_INCREMENT, \`revisionId\` int NOT NULL, \`lineId\` int NOT NULL, \`ceilingChange\` bigint NOT NULL, \`blockedChange\` bigint NOT NULL DEFAULT '0', INDEX \`ix_line_change_line\` (\`lineId\`), UNIQUE INDEX \`ux_line_change\` (\`revisionId\`, \`lineId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`budget_transfer\` (\`id\` int NOT NULL AUTO_INCREMENT, \`year\` int NOT NULL, \`fromUnitCode\` varchar(40) NOT NULL, \`fromSatkerCode\` varchar(6) NULL, \`fromRevisionId\` int NULL, \`toUnitCode\` varchar(40) NOT NULL, \`toSatkerCode\` varchar(6) NOT NULL, \`toRevisionId\` int NOT NULL, \`amount\` bigint NOT NULL, \`date\` date NOT NULL, \`reference\` varchar(200) NULL, \`description\` varchar(500) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`budget_transfer\``);
    await queryRunner.query(`DROP INDEX \`ux_line_change\` ON \`budget_line_change\``);
    await queryRunner.query(`DROP INDEX \`ix_line_change_line\` ON \`budget_line_change\``);
    await queryRunner.query(`DROP TABLE \`budget_line_change\``);
    await queryRunner.query(`DROP INDEX \`ux_revision_dipa_number\` ON \`budget_revision\``);
    await queryRunner.query(`DROP TABLE \`budget_revision\``);
    await queryRunner.query(`DROP INDEX \`ux_realization_reverses\` ON \`realization\``);
    await queryRunner.query(`DROP INDEX \`ix_realization_line\` ON \`realization\``);
    await queryRunner.query(`DROP TABLE \`realization\``);
    await queryRunner.query(`DROP INDEX \`ux_ikpa_component_year_code\` ON \`ikpa_component\``);
    await queryRunner.query(`DROP TABLE \`ikpa_component\``);
    await queryRunner.query(`DROP INDEX \`ux_budget_performance_unit_year\` ON \`budget_performance\``);
    await queryRunner.query(`DROP TABLE \`budget_performance\``);
    await queryRunner.query(`DROP TABLE \`processed_event\``);
    await queryRunner.query(`DROP INDEX \`ix_outbox_pending\` ON \`outbox_event\``);
    await queryRunner.query(`DROP INDEX \`ux_outbox_event_id\` ON \`outbox_event\``);
    await queryRunner.query(`DROP TABLE \`outbox_event\``);
    await queryRunner.query(`DROP INDEX \`ux_output_volume_enrollment\` ON \`output_volume_entry\``);
    await queryRunner.query(`DROP TABLE \`output_volume_entry\``);
    await queryRunner.query(`DROP INDEX \`ux_dipa_satker_year\` ON \`dipa\``);
    await queryRunner.query(`DROP INDEX \`ix_dipa_year\` ON \`dipa\``);
    await queryRunner.query(`DROP TABLE \`dipa\``);
    await queryRunner.query(`DROP INDEX \`ix_satker_unit\` ON \`satker\``);
    await queryRunner.query(`DROP TABLE \`satker\``);
    await queryRunner.query(`DROP INDEX \`ux_line_key\` ON \`budget_line\``);
    await queryRunner.query(`DROP INDEX \`ix_line_goal\` ON \`budget_line\``);
    await queryRunner.query(`DROP INDEX \`ix_line_dipa\` ON \`budget_line\``);
    await queryRunner.query(`DROP TABLE \`budget_line\``);
    await queryRunner.query(`DROP INDEX \`ux_output_target_revision\` ON \`budget_output_target\``);
    await queryRunner.query(`DROP TABLE \`budget_output_target\``);
    await queryRunner.query(`DROP INDEX \`ux_output_dipa_code\` ON \`budget_output\``);
    await queryRunner.query(`DROP INDEX \`ix_output_code\` ON \`budget_output\``);
    await queryRunner.query(`DROP TABLE \`budget_output\``);
    await queryRunner.query(`DROP INDEX \`ux_activity_dipa_code\` ON \`budget_activity\``);
    await queryRunner.query(`DROP TABLE \`budget_activity\``);
    await queryRunner.query(`DROP INDEX \`ux_programme_dipa_code\` ON \`budget_programme\``);
    await queryRunner.query(`DROP TABLE \`budget_programme\``);
    await queryRunner.query(`DROP TABLE \`account\``);
  }
}
