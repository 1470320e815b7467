import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addCounterColumnsSql, dropCounterColumnsSql, provenanceCounterColumns } from '@kesos/infra';
import { rebuildAccreditationStats } from '../accreditation-stats/accreditation-stats.service';
import { rebuildAtensiStats } from '../atensi-stats/atensi-stats.service';
import { rebuildCertificationStats } from '../certification-stats/certification-stats.service';
import { rebuildTrainingStats } from '../stats/stats.service';

// The columns as the rollups name them (stats.rollup.ts and the *-stats.rollup.ts files).
const COUNTERS = [
  { table: 'training_stats_rollup', columns: provenanceCounterColumns('Enrollments') },
  { table: 'training_stats_rollup_coarse', columns: provenanceCounterColumns('Enrollments') },
  { table: 'certification_stats_rollup', columns: provenanceCounterColumns('Candidates') },
  { table: 'accreditation_stats_rollup', columns: provenanceCounterColumns('Assessments') },
  { table: 'atensi_stats_rollup', columns: provenanceCounterColumns('Cases') },
];

/**
 * The statistics rollups count their records per provenance (issue 12), so a statistics row says
 * what its figures rest on without reading the records. The counters start at 0 and the rollups
 * are recomputed from the records (which carry a provenance since Provenance1796800000000) in the
 * migration's transaction. Run it with the services stopped, as every migration.
 */
export class StatsProvenance1796900000000 implements MigrationInterface {
  name = 'StatsProvenance1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, columns } of COUNTERS)
      for (const sql of addCounterColumnsSql(table, columns)) await queryRunner.query(sql);
    await rebuildTrainingStats(queryRunner.manager);
    await rebuildCertificationStats(queryRunner.manager);
    await rebuildAccreditationStats(queryRunner.manager);
    await rebuildAtensiStats(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, columns } of [...COUNTERS].reverse())
      for (const sql of dropCounterColumnsSql(table, columns)) await queryRunner.query(sql);
  }
}
