import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The backfill as the statistics were at this migration, frozen: the live rebuild also fills
 * columns later migrations add (StatsProvenance1796900000000 recomputes the rollups with them).
 */
const BACKFILL = [
  `INSERT INTO training_stats_rollup (unitCode, year, programmeCode, gender, education, province, status, n)
  SELECT e.unitCode, c.year, p.code, pa.gender, pa.education, SUBSTR(pa.nikMasked, 1, 2), e.status, COUNT(*) FROM enrollment e JOIN training_class c ON c.id = e.classId JOIN programme p ON p.id = c.programmeId
  JOIN participant pa ON pa.id = e.participantId
  GROUP BY e.unitCode, c.year, p.code, pa.gender, pa.education, SUBSTR(pa.nikMasked, 1, 2), e.status`,
  `INSERT INTO training_stats_rollup_coarse (unitCode, year, programmeCode, gender, education, status, n)
  SELECT e.unitCode, c.year, p.code, pa.gender, pa.education, e.status, COUNT(*) FROM enrollment e JOIN training_class c ON c.id = e.classId JOIN programme p ON p.id = c.programmeId
  JOIN participant pa ON pa.id = e.participantId
  GROUP BY e.unitCode, c.year, p.code, pa.gender, pa.education, e.status`,
  `INSERT INTO training_stats_person_year (unitCode, year, participantId)
  SELECT DISTINCT e.unitCode, c.year, e.participantId FROM enrollment e JOIN training_class c ON c.id = e.classId`,
  `INSERT INTO training_stats_people (unitCode, year, participants)
  SELECT e.unitCode, c.year, COUNT(DISTINCT e.participantId) FROM enrollment e JOIN training_class c ON c.id = e.classId
  GROUP BY e.unitCode, c.year`,
  `INSERT INTO training_stats_participant (unitCode, year, programmeCode, status, participantId, gender, education, province, n)
  SELECT e.unitCode, c.year, p.code, e.status, e.participantId, MIN(pa.gender), MIN(pa.education),
  MIN(SUBSTR(pa.nikMasked, 1, 2)), COUNT(*) FROM enrollment e JOIN training_class c ON c.id = e.classId JOIN programme p ON p.id = c.programmeId
  JOIN participant pa ON pa.id = e.participantId
  GROUP BY e.unitCode, c.year, p.code, e.status, e.participantId`,
];

/**
 * The training statistics tables (stats.entity.ts), backfilled from the enrollments in the
 * migration's transaction. Run it with the services stopped, as every migration.
 */
export class TrainingStats1796400000000 implements MigrationInterface {
  name = 'TrainingStats1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`training_stats_rollup\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`programmeCode\` varchar(20) NOT NULL, \`gender\` varchar(6) NOT NULL, \`education\` varchar(6) NOT NULL, \`province\` varchar(2) NOT NULL, \`status\` varchar(12) NOT NULL, \`n\` int NOT NULL, INDEX \`ix_training_stats_rollup_year\` (\`year\`, \`unitCode\`), PRIMARY KEY (\`unitCode\`, \`year\`, \`programmeCode\`, \`gender\`, \`education\`, \`province\`, \`status\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`training_stats_participant\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`programmeCode\` varchar(20) NOT NULL, \`status\` varchar(12) NOT NULL, \`participantId\` int NOT NULL, \`gender\` varchar(6) NOT NULL, \`education\` varchar(6) NOT NULL, \`province\` varchar(2) NOT NULL, \`n\` int NOT NULL, INDEX \`ix_training_stats_participant_year\` (\`year\`, \`unitCode\`), PRIMARY KEY (\`unitCode\`, \`year\`, \`programmeCode\`, \`status\`, \`participantId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`training_stats_rollup_coarse\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`programmeCode\` varchar(20) NOT NULL, \`gender\` varchar(6) NOT NULL, \`education\` varchar(6) NOT NULL, \`status\` varchar(12) NOT NULL, \`n\` int NOT NULL, PRIMARY KEY (\`unitCode\`, \`year\`, \`programmeCode\`, \`gender\`, \`education\`, \`status\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`training_stats_person_year\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`participantId\` int NOT NULL, PRIMARY KEY (\`unitCode\`, \`year\`, \`participantId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`training_stats_people\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`participants\` int NOT NULL, PRIMARY KEY (\`unitCode\`, \`year\`)) ENGINE=InnoDB`);
    for (const sql of BACKFILL) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`training_stats_people\``);
    await queryRunner.query(`DROP TABLE \`training_stats_person_year\``);
    await queryRunner.query(`DROP TABLE \`training_stats_rollup_coarse\``);
    await queryRunner.query(`DROP INDEX \`ix_training_stats_participant_year\` ON \`training_stats_participant\``);
    await queryRunner.query(`DROP TABLE \`training_stats_participant\``);
    await queryRunner.query(`DROP INDEX \`ix_training_stats_rollup_year\` ON \`training_stats_rollup\``);
    await queryRunner.query(`DROP TABLE \`training_stats_rollup\``);
  }
}
