import type { EntityManager } from 'typeorm';
import { PROGRAMMES, SEED_UNIT } from './trainings.plan';

/** Every table whose rows carry a training fact, each with a provenance column. */
export const FACT_TABLES = [
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
] as const;

/**
 * What a row marked as made up ("Sintetis" in its name) is: the report's unit holds only the seed,
 * whose records were made to add up to the report's totals; every other unit's came from the
 * generator, which never writes the report's unit.
 */
const MARKED = `CASE WHEN unitCode = '${SEED_UNIT}' THEN 'RECONSTRUCTED' ELSE 'SYNTHETIC' END`;

/**
 * A record about a marked one is what it is: an enrollment of a made-up person, a result of a
 * made-up candidate, a decision on a made-up institution, a monitoring of a made-up enrollment.
 */
const inherit = (table: string, key: string, parent: string) =>
  `UPDATE ${table} SET provenance = (SELECT x.provenance FROM ${parent} x WHERE x.id = ${table}.${key}) WHERE ${key} IN (SELECT id FROM ${parent} WHERE provenance <> 'OPERATIONAL')`;

/**
 * A class or session whose every record is of one made-up kind was made up with them (the seed's
 * class and session names carry no mark); one with any operational record stays OPERATIONAL.
 */
const uniform = (table: string, children: string, key: string) =>
  `UPDATE ${table} SET provenance = (SELECT MIN(c.provenance) FROM ${children} c WHERE c.${key} = ${table}.id) WHERE id IN (SELECT ${key} FROM ${children} GROUP BY ${key} HAVING MIN(provenance) = MAX(provenance) AND MIN(provenance) <> 'OPERATIONAL')`;

/**
 * Gives the rows the seed and the generator wrote before the provenance column existed what they
 * are, from the marks both leave ("Sintetis" names, the seed's own programmes), so a database that
 * ran them does not present reconstructed or generated records as the centres' own. Unmarked rows
 * are the centres' work through the API and keep OPERATIONAL, the column's default. Standard SQL,
 * for the migration (MariaDB) and an embedded database from before the column (SQLite).
 */
export async function backfillProvenance(m: EntityManager): Promise<void> {
  const q = (sql: string, params?: unknown[]) => m.query(sql, params);
  await q(`UPDATE participant SET provenance = ${MARKED} WHERE name LIKE '%Sintetis%'`);
  await q(`UPDATE certification_candidate SET provenance = ${MARKED} WHERE name LIKE '%Sintetis%'`);
  await q(`UPDATE certification_session SET provenance = 'SYNTHETIC' WHERE name LIKE '%Sintetis%'`);
  await q(`UPDATE lks_institution SET provenance = ${MARKED} WHERE name LIKE '%Sintetis%'`);
  await q(`UPDATE atensi_case SET provenance = ${MARKED} WHERE description LIKE '%sintetis%'`);
  await q(`UPDATE programme SET provenance = 'SYNTHETIC' WHERE name LIKE '%sintetis%' AND unitCode <> ?`, [SEED_UNIT]);
  for (const p of PROGRAMMES)
    await q(`UPDATE programme SET provenance = ? WHERE unitCode = ? AND code = ? AND name = ?`, [
      p.provenance,
      SEED_UNIT,
      p.code,
      p.name,
    ]);
  await q(inherit('enrollment', 'participantId', 'participant'));
  await q(inherit('alumni_monitoring', 'enrollmentId', 'enrollment'));
  await q(inherit('certification_assessment', 'candidateId', 'certification_candidate'));
  await q(inherit('accreditation_assessment', 'institutionId', 'lks_institution'));
  await q(uniform('training_class', 'enrollment', 'classId'));
  await q(uniform('certification_session', 'certification_assessment', 'sessionId'));
}

/**
 * Whether a database holds training facts but none with a provenance other than OPERATIONAL: one
 * from before the column (an embedded database synchronised since), which the backfill has not seen.
 */
export async function provenanceNeverSet(m: EntityManager): Promise<boolean> {
  const [row] = await m.query<{ facts: number | string; marked: number | string }[]>(
    `SELECT (SELECT COUNT(*) FROM participant) + (SELECT COUNT(*) FROM certification_candidate) + (SELECT COUNT(*) FROM lks_institution) + (SELECT COUNT(*) FROM atensi_case) AS facts,
            (SELECT COUNT(*) FROM participant WHERE provenance <> 'OPERATIONAL') + (SELECT COUNT(*) FROM certification_candidate WHERE provenance <> 'OPERATIONAL') + (SELECT COUNT(*) FROM lks_institution WHERE provenance <> 'OPERATIONAL') + (SELECT COUNT(*) FROM atensi_case WHERE provenance <> 'OPERATIONAL') AS marked`,
  );
  return Number(row.facts) > 0 && Number(row.marked) === 0;
}
