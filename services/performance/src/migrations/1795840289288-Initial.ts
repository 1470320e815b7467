import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795840289288 implements MigrationInterface {
  name = 'Initial1795840289288';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`known_unit\` (\`code\` varchar(40) NOT NULL, \`name\` varchar(200) NOT NULL, PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`outbox_event\` (\`seq\` int NOT NULL AUTO_INCREMENT, \`eventId\` varchar(36) NOT NULL, \`subject\` varchar(200) NOT NULL, \`envelope\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`publishedAt\` datetime NULL, \`attempts\` int NOT NULL DEFAULT '0', \`lastError\` varchar(500) NULL, UNIQUE INDEX \`ux_outbox_event_id\` (\`eventId\`), INDEX \`ix_outbox_pending\` (\`publishedAt\`, \`seq\`), PRIMARY KEY (\`seq\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`processed_event\` (\`eventId\` varchar(36) NOT NULL, \`consumer\` varchar(100) NOT NULL, \`processedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`eventId\`, \`consumer\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`processed_event\``);
    await queryRunner.query(`DROP INDEX \`ix_outbox_pending\` ON \`outbox_event\``);
    await queryRunner.query(`DROP INDEX \`ux_outbox_event_id\` ON \`outbox_event\``);
    await queryRunner.query(`DROP TABLE \`outbox_event\``);
    await queryRunner.query(`DROP TABLE \`known_unit\``);
  }
}
