import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutputVolumeRecords1796400000000 implements MigrationInterface {
  name = 'OutputVolumeRecords1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`output_volume_record\` (\`id\` int NOT NULL AUTO_INCREMENT, \`outputId\` int NOT NULL, \`source\` varchar(20) NOT NULL, \`sourceKey\` varchar(80) NOT NULL, \`sourceEventId\` varchar(36) NULL, \`quantity\` int NOT NULL, \`date\` date NULL, \`note\` varchar(500) NULL, \`recordedBy\` varchar(100) NOT NULL, \`recordedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`reversesId\` int NULL, \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL', UNIQUE INDEX \`ux_output_volume_record_reverses\` (\`reversesId\`), UNIQUE INDEX \`ux_output_volume_record_source\` (\`outputId\`, \`sourceKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ux_output_volume_record_source\` ON \`output_volume_record\``);
    await queryRunner.query(`DROP INDEX \`ux_output_volume_record_reverses\` ON \`output_volume_record\``);
    await queryRunner.query(`DROP TABLE \`output_volume_record\``);
  }
}
