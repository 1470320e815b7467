import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795840342877 implements MigrationInterface {
  name = 'Initial1795840342877';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`outbox_event\` (\`seq\` int NOT NULL AUTO_INCREMENT, \`eventId\` varchar(36) NOT NULL, \`subject\` varchar(200) NOT NULL, \`envelope\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`publishedAt\` datetime NULL, \`attempts\` int NOT NULL DEFAULT '0', \`lastError\` varchar(500) NULL, UNIQUE INDEX \`ux_outbox_event_id\` (\`eventId\`), INDEX \`ix_outbox_pending\` (\`publishedAt\`, \`seq\`), PRIMARY KEY (\`seq\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`processed_event\` (\`eventId\` varchar(36) NOT NULL, \`consumer\` varchar(100) NOT NULL, \`processedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`eventId\`, \`consumer\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`unit\` (\`code\` varchar(40) NOT NULL, \`name\` varchar(200) NOT NULL, \`address\` varchar(300) NULL, \`region\` varchar(100) NULL, PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`work_area_province\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`position\` int NOT NULL, \`province\` varchar(100) NOT NULL, \`regencies\` int NOT NULL, \`cities\` int NOT NULL, \`districts\` int NOT NULL, \`villages\` int NOT NULL, UNIQUE INDEX \`ux_work_area_unit_province\` (\`unitCode\`, \`province\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`staff_count\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`employment\` varchar(10) NOT NULL, \`gender\` varchar(10) NOT NULL, \`count\` int NOT NULL, UNIQUE INDEX \`ux_staff_count\` (\`unitCode\`, \`employment\`, \`gender\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ux_staff_count\` ON \`staff_count\``);
    await queryRunner.query(`DROP TABLE \`staff_count\``);
    await queryRunner.query(`DROP INDEX \`ux_work_area_unit_province\` ON \`work_area_province\``);
    await queryRunner.query(`DROP TABLE \`work_area_province\``);
    await queryRunner.query(`DROP TABLE \`unit\``);
    await queryRunner.query(`DROP TABLE \`processed_event\``);
    await queryRunner.query(`DROP INDEX \`ix_outbox_pending\` ON \`outbox_event\``);
    await queryRunner.query(`DROP INDEX \`ux_outbox_event_id\` ON \`outbox_event\``);
    await queryRunner.query(`DROP TABLE \`outbox_event\``);
  }
}
