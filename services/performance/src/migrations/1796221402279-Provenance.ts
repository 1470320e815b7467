import type { MigrationInterface, QueryRunner } from 'typeorm';

const NO_COUNTS = (suffix: string) =>
  ['operational', 'reported', 'reconstructed', 'synthetic'].map((p) => `\`${p}${suffix}\``).join(' + ') + ' = 0';

/**
 * Counters written before facts had a provenance: every fact then came from an event without one
 * (OPERATIONAL), so the per-provenance counts start as the counts. Portable SQL: the embedded
 * mode (SQLite, synchronized) runs it at start too.
 */
export const FILL_FACT_PROVENANCE_COUNTS = `UPDATE \`metric_counter\` SET \`operationalFacts\` = \`facts\` WHERE \`facts\` > 0 AND ${NO_COUNTS('Facts')}`;

const sheets = (p: string) =>
  `(SELECT COUNT(*) FROM \`survey_response\` r WHERE r.\`unitCode\` = \`survey_total\`.\`unitCode\` AND r.\`year\` = \`survey_total\`.\`year\` AND r.\`provenance\` = '${p}')`;

/** The survey sums' respondents per provenance, counted from the sheets as rebuildSurveyTotals counts them. */
export const FILL_RESPONSE_PROVENANCE_COUNTS = `UPDATE \`survey_total\` SET \`operationalResponses\` = ${sheets('OPERATIONAL')}, \`reportedResponses\` = ${sheets('REPORTED')}, \`reconstructedResponses\` = ${sheets('RECONSTRUCTED')}, \`syntheticResponses\` = ${sheets('SYNTHETIC')} WHERE \`respondents\` > 0 AND ${NO_COUNTS('Responses')}`;

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
    await queryRunner.query(FILL_FACT_PROVENANCE_COUNTS);
    await queryRunner.query(FILL_RESPONSE_PROVENANCE_COUNTS);
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
