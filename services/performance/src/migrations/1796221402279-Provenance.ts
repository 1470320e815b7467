import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Provenance1796221402279 implements MigrationInterface {
  name = 'Provenance1796221402279';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`performance_agreement\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`agreement_item\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`strategic_plan\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`indicator_target\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`metric_fact\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`metric_counter\` ADD \`operationalFacts\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`metric_counter\` ADD \`reportedFacts\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`metric_counter\` ADD \`reconstructedFacts\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`metric_counter\` ADD \`syntheticFacts\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`realization_entry\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`survey_response\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    await queryRunner.query(`ALTER TABLE \`survey_total\` ADD \`operationalResponses\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`survey_total\` ADD \`reportedResponses\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`survey_total\` ADD \`reconstructedResponses\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`survey_total\` ADD \`syntheticResponses\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`sakip_evaluation\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);
    // Records the seed wrote before this migration carry its marks: the answer sheets made up to
    // the report's IKM totals, and what it entered from the report.
    const SEEDED = 'seed: LAKIP 2022 BBPPKS Padang';
    await queryRunner.query(`UPDATE \`survey_response\` SET \`provenance\` = 'RECONSTRUCTED' WHERE \`submittedBy\` = 'seed: synthetic IKM responses (Responden Sintetis)'`);
    await queryRunner.query(`UPDATE \`realization_entry\` SET \`provenance\` = 'REPORTED' WHERE \`enteredBy\` = ?`, [SEEDED]);
    await queryRunner.query(`UPDATE \`sakip_evaluation\` SET \`provenance\` = 'REPORTED' WHERE \`enteredBy\` = ?`, [SEEDED]);
    await queryRunner.query(`UPDATE \`performance_agreement\` SET \`provenance\` = 'REPORTED' WHERE \`recordedBy\` = ?`, [SEEDED]);
    await queryRunner.query(`UPDATE \`agreement_item\` i INNER JOIN \`performance_agreement\` a ON a.\`id\` = i.\`agreementId\` SET i.\`provenance\` = a.\`provenance\``);
    // Every fact so far came from an event without a provenance (OPERATIONAL), so the per-provenance
    // counts start as the counts; the survey's from its sheets, as rebuildSurveyTotals counts them.
    await queryRunner.query(`UPDATE \`metric_counter\` SET \`operationalFacts\` = \`facts\``);
    await queryRunner.query(`UPDATE \`survey_total\` t INNER JOIN (SELECT \`unitCode\`, \`year\`, SUM(\`provenance\` = 'OPERATIONAL') AS o, SUM(\`provenance\` = 'RECONSTRUCTED') AS r FROM \`survey_response\` GROUP BY \`unitCode\`, \`year\`) s ON s.\`unitCode\` = t.\`unitCode\` AND s.\`year\` = t.\`year\` SET t.\`operationalResponses\` = s.o, t.\`reconstructedResponses\` = s.r`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sakip_evaluation\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`survey_total\` DROP COLUMN \`syntheticResponses\``);
    await queryRunner.query(`ALTER TABLE \`survey_total\` DROP COLUMN \`reconstructedResponses\``);
    await queryRunner.query(`ALTER TABLE \`survey_total\` DROP COLUMN \`reportedResponses\``);
    await queryRunner.query(`ALTER TABLE \`survey_total\` DROP COLUMN \`operationalResponses\``);
    await queryRunner.query(`ALTER TABLE \`survey_response\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`realization_entry\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`metric_counter\` DROP COLUMN \`syntheticFacts\``);
    await queryRunner.query(`ALTER TABLE \`metric_counter\` DROP COLUMN \`reconstructedFacts\``);
    await queryRunner.query(`ALTER TABLE \`metric_counter\` DROP COLUMN \`reportedFacts\``);
    await queryRunner.query(`ALTER TABLE \`metric_counter\` DROP COLUMN \`operationalFacts\``);
    await queryRunner.query(`ALTER TABLE \`metric_fact\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`indicator_target\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`strategic_plan\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`agreement_item\` DROP COLUMN \`provenance\``);
    await queryRunner.query(`ALTER TABLE \`performance_agreement\` DROP COLUMN \`provenance\``);
  }
}
