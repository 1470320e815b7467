import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795841431109 implements MigrationInterface {
  name = 'Initial1795841431109';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`outbox_event\` (\`seq\` int NOT NULL AUTO_INCREMENT, \`eventId\` varchar(36) NOT NULL, \`subject\` varchar(200) NOT NULL, \`envelope\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`publishedAt\` datetime NULL, \`attempts\` int NOT NULL DEFAULT '0', \`lastError\` varchar(500) NULL, UNIQUE INDEX \`ux_outbox_event_id\` (\`eventId\`), INDEX \`ix_outbox_pending\` (\`publishedAt\`, \`seq\`), PRIMARY KEY (\`seq\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`processed_event\` (\`eventId\` varchar(36) NOT NULL, \`consumer\` varchar(100) NOT NULL, \`processedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`eventId\`, \`consumer\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`performance_agreement\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`version\` int NOT NULL, \`title\` varchar(300) NOT NULL, \`reason\` varchar(1000) NULL, \`signedPlace\` varchar(100) NULL, \`signedMonth\` varchar(7) NULL, \`recordedBy\` varchar(100) NOT NULL, \`recordedAt\` datetime NOT NULL, UNIQUE INDEX \`ux_performance_agreement_version\` (\`unitCode\`, \`year\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`agreement_signatory\` (\`id\` int NOT NULL AUTO_INCREMENT, \`agreementId\` int NOT NULL, \`party\` varchar(10) NOT NULL, \`positionTitle\` varchar(300) NOT NULL, INDEX \`ix_agreement_signatory\` (\`agreementId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`agreement_item\` (\`id\` int NOT NULL AUTO_INCREMENT, \`agreementId\` int NOT NULL, \`position\` int NOT NULL, \`goal\` varchar(300) NOT NULL, \`indicator\` varchar(400) NOT NULL, \`indicatorCode\` varchar(10) NULL, \`target\` decimal(10,2) NOT NULL, \`targetUnit\` varchar(20) NOT NULL, INDEX \`ix_agreement_item\` (\`agreementId\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`strategic_plan\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`title\` varchar(200) NOT NULL, \`fromYear\` int NOT NULL, \`toYear\` int NOT NULL, UNIQUE INDEX \`ux_strategic_plan_unit_from\` (\`unitCode\`, \`fromYear\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`plan_goal\` (\`id\` int NOT NULL AUTO_INCREMENT, \`planId\` int NOT NULL, \`unitCode\` varchar(40) NOT NULL, \`code\` varchar(10) NOT NULL, \`position\` int NOT NULL, \`title\` varchar(300) NOT NULL, \`titleId\` varchar(300) NOT NULL, UNIQUE INDEX \`ux_plan_goal_code\` (\`planId\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`plan_indicator\` (\`id\` int NOT NULL AUTO_INCREMENT, \`planId\` int NOT NULL, \`unitCode\` varchar(40) NOT NULL, \`goalCode\` varchar(10) NOT NULL, \`code\` varchar(10) NOT NULL, \`position\` int NOT NULL, \`name\` varchar(300) NOT NULL, \`nameId\` varchar(300) NOT NULL, \`measure\` varchar(10) NOT NULL, \`polarity\` varchar(20) NOT NULL, \`metric\` varchar(30) NOT NULL, \`numeratorDefinition\` varchar(400) NOT NULL, \`denominatorDefinition\` varchar(400) NULL, \`achievementCap\` decimal(6,2) NULL, UNIQUE INDEX \`ux_plan_indicator_code\` (\`planId\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`indicator_target\` (\`id\` int NOT NULL AUTO_INCREMENT, \`planId\` int NOT NULL, \`unitCode\` varchar(40) NOT NULL, \`indicatorCode\` varchar(10) NOT NULL, \`year\` int NOT NULL, \`target\` decimal(8,2) NOT NULL, \`unitLabel\` varchar(40) NULL, \`volumeTarget\` int NULL, UNIQUE INDEX \`ux_indicator_target\` (\`planId\`, \`indicatorCode\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`metric_fact\` (\`id\` int NOT NULL AUTO_INCREMENT, \`metric\` varchar(30) NOT NULL, \`sourceId\` varchar(100) NOT NULL, \`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`numerator\` int NOT NULL, \`denominator\` int NOT NULL, \`value\` decimal(10,4) NULL, \`eventId\` varchar(36) NOT NULL, \`eventType\` varchar(100) NOT NULL, \`occurredAt\` datetime NOT NULL, INDEX \`ix_metric_fact_unit_year\` (\`unitCode\`, \`year\`, \`metric\`), UNIQUE INDEX \`ux_metric_fact_source\` (\`metric\`, \`sourceId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`metric_counter\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`metric\` varchar(30) NOT NULL, \`numerator\` int NOT NULL DEFAULT '0', \`denominator\` int NOT NULL DEFAULT '0', \`value\` decimal(10,4) NULL, \`facts\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`unitCode\`, \`year\`, \`metric\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`realization_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`indicatorCode\` varchar(10) NOT NULL, \`value\` decimal(8,2) NOT NULL, \`enteredBy\` varchar(100) NOT NULL, \`enteredAt\` datetime NOT NULL, \`note\` varchar(500) NULL, UNIQUE INDEX \`ux_realization_entry\` (\`unitCode\`, \`year\`, \`indicatorCode\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`published_figure\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`code\` varchar(10) NOT NULL, \`target\` decimal(8,2) NULL, \`realization\` decimal(8,2) NULL, \`achievement\` decimal(8,2) NULL, \`source\` varchar(200) NOT NULL, \`note\` varchar(500) NULL, UNIQUE INDEX \`ux_published_figure\` (\`unitCode\`, \`year\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`sakip_evaluation\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`round\` int NOT NULL, \`roundLabel\` varchar(60) NOT NULL, \`score\` decimal(6,2) NOT NULL, \`source\` varchar(200) NULL, \`enteredBy\` varchar(100) NOT NULL, \`enteredAt\` datetime NOT NULL, INDEX \`ix_sakip_evaluation_year\` (\`year\`), UNIQUE INDEX \`ux_sakip_evaluation\` (\`unitCode\`, \`year\`, \`round\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`known_unit\` (\`code\` varchar(40) NOT NULL, \`name\` varchar(200) NOT NULL, PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`survey_response\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`gender\` varchar(10) NOT NULL, \`education\` varchar(10) NOT NULL, \`u1\` smallint NOT NULL, \`u2\` smallint NOT NULL, \`u3\` smallint NOT NULL, \`u4\` smallint NOT NULL, \`u5\` smallint NOT NULL, \`u6\` smallint NOT NULL, \`u7\` smallint NOT NULL, \`u8\` smallint NOT NULL, \`u9\` smallint NOT NULL, \`submittedBy\` varchar(100) NOT NULL, \`submittedAt\` datetime NOT NULL, INDEX \`ix_survey_response_unit_year\` (\`unitCode\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_survey_response_unit_year\` ON \`survey_response\``);
    await queryRunner.query(`DROP TABLE \`survey_response\``);
    await queryRunner.query(`DROP TABLE \`known_unit\``);
    await queryRunner.query(`DROP INDEX \`ux_sakip_evaluation\` ON \`sakip_evaluation\``);
    await queryRunner.query(`DROP INDEX \`ix_sakip_evaluation_year\` ON \`sakip_evaluation\``);
    await queryRunner.query(`DROP TABLE \`sakip_evaluation\``);
    await queryRunner.query(`DROP INDEX \`ux_published_figure\` ON \`published_figure\``);
    await queryRunner.query(`DROP TABLE \`published_figure\``);
    await queryRunner.query(`DROP INDEX \`ux_realization_entry\` ON \`realization_entry\``);
    await queryRunner.query(`DROP TABLE \`realization_entry\``);
    await queryRunner.query(`DROP TABLE \`metric_counter\``);
    await queryRunner.query(`DROP INDEX \`ux_metric_fact_source\` ON \`metric_fact\``);
    await queryRunner.query(`DROP INDEX \`ix_metric_fact_unit_year\` ON \`metric_fact\``);
    await queryRunner.query(`DROP TABLE \`metric_fact\``);
    await queryRunner.query(`DROP INDEX \`ux_indicator_target\` ON \`indicator_target\``);
    await queryRunner.query(`DROP TABLE \`indicator_target\``);
    await queryRunner.query(`DROP INDEX \`ux_plan_indicator_code\` ON \`plan_indicator\``);
    await queryRunner.query(`DROP TABLE \`plan_indicator\``);
    await queryRunner.query(`DROP INDEX \`ux_plan_goal_code\` ON \`plan_goal\``);
    await queryRunner.query(`DROP TABLE \`plan_goal\``);
    await queryRunner.query(`DROP INDEX \`ux_strategic_plan_unit_from\` ON \`strategic_plan\``);
    await queryRunner.query(`DROP TABLE \`strategic_plan\``);
    await queryRunner.query(`DROP INDEX \`ix_agreement_item\` ON \`agreement_item\``);
    await queryRunner.query(`DROP TABLE \`agreement_item\``);
    await queryRunner.query(`DROP INDEX \`ix_agreement_signatory\` ON \`agreement_signatory\``);
    await queryRunner.query(`DROP TABLE \`agreement_signatory\``);
    await queryRunner.query(`DROP INDEX \`ux_performance_agreement_version\` ON \`performance_agreement\``);
    await queryRunner.query(`DROP TABLE \`performance_agreement\``);
    await queryRunner.query(`DROP TABLE \`processed_event\``);
    await queryRunner.query(`DROP INDEX \`ix_outbox_pending\` ON \`outbox_event\``);
    await queryRunner.query(`DROP INDEX \`ux_outbox_event_id\` ON \`outbox_event\``);
    await queryRunner.query(`DROP TABLE \`outbox_event\``);
  }
}
