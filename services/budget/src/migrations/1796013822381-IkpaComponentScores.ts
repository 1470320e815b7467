import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IkpaComponentScores1796013822381 implements MigrationInterface {
  name = 'IkpaComponentScores1796013822381';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`ikpa_component_score\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`componentCode\` varchar(40) NOT NULL, \`score\` decimal(6,2) NOT NULL, UNIQUE INDEX \`ux_ikpa_component_score\` (\`unitCode\`, \`year\`, \`componentCode\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ux_ikpa_component_score\` ON \`ikpa_component_score\``);
    await queryRunner.query(`DROP TABLE \`ikpa_component_score\``);
  }
}
