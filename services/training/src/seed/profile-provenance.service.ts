import type { EntityManager } from 'typeorm';
import { UNITS } from './units.seed';

/** The unit profile tables, each with a provenance column. */
export const PROFILE_TABLES = [
  'unit',
  'work_area_province',
  'staff_count',
  'campus',
  'facility',
  'staff_job_count',
] as const;

/**
 * Gives the profile records the seed wrote before the provenance column what they are: REPORTED.
 * The units are the seed's when code and name are the report's; work areas, staff counts,
 * campuses, facilities and job counts have no write path but the seed, so every row is the
 * report's. Standard SQL, for the migration (MariaDB) and an embedded database from before the
 * column (SQLite), where it runs only while no profile row says anything but OPERATIONAL.
 */
export async function backfillProfileProvenance(m: EntityManager): Promise<void> {
  for (const u of UNITS)
    await m.query(`UPDATE unit SET provenance = 'REPORTED' WHERE code = ? AND name = ?`, [u.code, u.name]);
  for (const table of PROFILE_TABLES.slice(1)) await m.query(`UPDATE ${table} SET provenance = 'REPORTED'`);
}

/** Whether the profile holds rows but none with another provenance than OPERATIONAL (a database from before the column). */
export async function profileProvenanceNeverSet(m: EntityManager): Promise<boolean> {
  const [row] = await m.query<{ rows: number | string; marked: number | string }[]>(
    `SELECT ${PROFILE_TABLES.map((t) => `(SELECT COUNT(*) FROM ${t})`).join(' + ')} AS \`rows\`,
            ${PROFILE_TABLES.map((t) => `(SELECT COUNT(*) FROM ${t} WHERE provenance <> 'OPERATIONAL')`).join(' + ')} AS marked`,
  );
  return Number(row.rows) > 0 && Number(row.marked) === 0;
}
