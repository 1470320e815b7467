import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PROGRAMMES, SEED_UNIT } from '../seed/trainings.plan';

/** Every table whose rows carry a training fact; each gets the provenance column. */
const FACT_TABLES = [
  'programme',
  'training_class',
  'participant',
  'enrollment',
  'alumni_monitoring',
  'certification_candidate',
  'certification_session',
  'certification_assessment',
  'lks_institution',
  'accreditation_assessment',
  'atensi_case',
];

/**
 * What a row marked as made up ("Sintetis" in its name) is: the report's unit holds only the seed,
 * whose records were made to add up to the report's totals; every other unit's came from the
 * generator, which never writes the report's unit.
 */
const MARKED = `CASE WHEN unitCode = '${SEED_UNIT}' THEN 'RECONSTRUCTED' ELSE 'SYNTHETIC' END`;

/**
 * A provenance on every training fact (issue 12). The column's default makes every existing row
 * OPERATIONAL; the backfill then gives the rows the seed and the generator wrote before the column
 * existed what they are, from the marks both leave ("Sintetis" names, the seed's own programmes):
 * a database that ran them must not present reconstructed or generated records as the centre's own.
 * Rows without a mark are the centres' work through the API and stay OPERATIONAL. MariaDB only
 * (UPDATE ... JOIN); the embedded mode synchronises its schema. Run it with the services stopped.
 */
export class Provenance1796800000000 implements MigrationInterface {
  name = 'Provenance1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string, params?: unknown[]) => queryRunner.query(sql, params);
    for (const table of FACT_TABLES)
      await q(`ALTER TABLE \`${table}\` ADD \`provenance\` varchar(13) NOT NULL DEFAULT 'OPERATIONAL'`);

    // Records that carry the mark themselves.
    await q(`UPDATE \`participant\` SET provenance = ${MARKED} WHERE name LIKE '%Sintetis%'`);
    await q(`UPDATE \`certification_candidate\` SET provenance = ${MARKED} WHERE name LIKE '%Sintetis%'`);
    await q(`UPDATE \`certification_session\` SET provenance = 'SYNTHETIC' WHERE name LIKE '%Sintetis%'`);
    await q(`UPDATE \`lks_institution\` SET provenance = ${MARKED} WHERE name LIKE '%Sintetis%'`);
    await q(`UPDATE \`atensi_case\` SET provenance = ${MARKED} WHERE description LIKE '%sintetis%'`);
    await q(`UPDATE \`programme\` SET provenance = 'SYNTHETIC' WHERE name LIKE '%sintetis%' AND unitCode <> ?`, [
      SEED_UNIT,
    ]);
    for (const p of PROGRAMMES)
      await q(`UPDATE \`programme\` SET provenance = ? WHERE unitCode = ? AND code = ? AND name = ?`, [
        p.provenance,
        SEED_UNIT,
        p.code,
        p.name,
      ]);

    // Records about a marked one are what it is: an enrollment of a made-up person, a result of a
    // made-up candidate, a decision on a made-up institution, a monitoring of a made-up enrollment.
    await q(
      `UPDATE \`enrollment\` e JOIN \`participant\` p ON p.id = e.participantId SET e.provenance = p.provenance WHERE p.provenance <> 'OPERATIONAL'`,
    );
    await q(
      `UPDATE \`alumni_monitoring\` m JOIN \`enrollment\` e ON e.id = m.enrollmentId SET m.provenance = e.provenance WHERE e.provenance <> 'OPERATIONAL'`,
    );
    await q(
      `UPDATE \`certification_assessment\` a JOIN \`certification_candidate\` c ON c.id = a.candidateId SET a.provenance = c.provenance WHERE c.provenance <> 'OPERATIONAL'`,
    );
    await q(
      `UPDATE \`accreditation_assessment\` a JOIN \`lks_institution\` i ON i.id = a.institutionId SET a.provenance = i.provenance WHERE i.provenance <> 'OPERATIONAL'`,
    );
    // A class or session whose every record is of one made-up kind was made up with them (the seed's
    // names carry no mark); one with any operational record stays OPERATIONAL.
    await q(
      `UPDATE \`training_class\` c JOIN (SELECT classId, MIN(provenance) lo, MAX(provenance) hi FROM \`enrollment\` GROUP BY classId) e ON e.classId = c.id SET c.provenance = e.lo WHERE e.lo = e.hi AND e.lo <> 'OPERATIONAL'`,
    );
    await q(
      `UPDATE \`certification_session\` s JOIN (SELECT sessionId, MIN(provenance) lo, MAX(provenance) hi FROM \`certification_assessment\` GROUP BY sessionId) a ON a.sessionId = s.id SET s.provenance = a.lo WHERE a.lo = a.hi AND a.lo <> 'OPERATIONAL'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...FACT_TABLES].reverse())
      await queryRunner.query(`ALTER TABLE \`${table}\` DROP COLUMN \`provenance\``);
  }
}
