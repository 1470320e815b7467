import type { DataSource, EntityManager } from 'typeorm';
import { RECOUNT_CLASS_GRADUATES } from '../class/class.entity';
import { rebuildAccreditationStats } from '../accreditation-stats/accreditation-stats.service';
import { rebuildAtensiStats } from '../atensi-stats/atensi-stats.service';
import { rebuildCertificationStats } from '../certification-stats/certification-stats.service';
import { rebuildTrainingStats } from '../stats/stats.service';
import { UnitEntity } from '../unit/unit.entity';
import { backfillProfileProvenance, profileProvenanceNeverSet } from './profile-provenance.service';
import { seedAccreditation } from './accreditation.seed';
import { seedAtensi } from './atensi.seed';
import { backfillProvenance, provenanceNeverSet } from './seed.service';
import { seedCertification } from './certification.seed';
import { seedUnits } from './units.seed';
import { seedCampuses } from './campuses.seed';
import { seedTrainings } from './trainings.seed';

/** Feature seeders, in dependency order; each writes its records (and their events) with the given manager. */
const SEEDERS: ((m: EntityManager) => Promise<void>)[] = [
  seedUnits,
  seedCampuses,
  seedTrainings,
  seedCertification,
  seedAccreditation,
  seedAtensi,
];

/**
 * Loads the 2022 report into an empty training database, in one transaction: the few records the
 * report gives one by one (REPORTED) and the records made to add up to its printed totals
 * (RECONSTRUCTED); each record says which.
 */
export async function seedTraining(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(UnitEntity).count()) > 0) {
    // An embedded (SQLite, schema synchronised) database from before the class graduate counter got
    // the column at 0; recount it before serving. MariaDB gets it from its migration.
    // The same for the statistics rollup (stats.rollup.ts): recomputed from the enrollments.
    if (dataSource.options.type === 'better-sqlite3') {
      await dataSource.query(RECOUNT_CLASS_GRADUATES);
      // And from before the provenance column: synchronize gave every row OPERATIONAL. Before the
      // rebuilds, which count the records per provenance.
      await dataSource.transaction(async (m) => {
        if (await provenanceNeverSet(m)) await backfillProvenance(m);
        if (await profileProvenanceNeverSet(m)) await backfillProfileProvenance(m);
      });
      await dataSource.transaction((m) => rebuildTrainingStats(m));
      await dataSource.transaction((m) => rebuildCertificationStats(m));
      await dataSource.transaction((m) => rebuildAccreditationStats(m));
      await dataSource.transaction((m) => rebuildAtensiStats(m));
    }
    return false;
  }
  await dataSource.transaction(async (m) => {
    for (const seed of SEEDERS) await seed(m);
  });
  return true;
}
