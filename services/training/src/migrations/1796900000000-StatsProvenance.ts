import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addCounterColumnsSql, dropCounterColumnsSql } from '@kesos/infra';
import { rebuildAccreditationStats } from '../accreditation-stats/accreditation-stats.service';
import { ASSESSMENT_COUNTERS } from '../accreditation-stats/accreditation-stats.rollup';
import { rebuildAtensiStats } from '../atensi-stats/atensi-stats.service';
import { CASE_COUNTERS } from '../atensi-stats/atensi-stats.rollup';
import { rebuildCertificationStats } from '../certification-stats/certification-stats.service';
import { CANDIDATE_COUNTERS } from '../certification-stats/certification-stats.rollup';
import { rebuildTrainingStats } from '../stats/stats.service';
import { ENROLLMENT_COUNTERS } from '../stats/stats.rollup';

const COUNTERS = [
  { table: 'training_stats_rollup', columns: ENROLLMENT_COUNTERS },
  { table: 'training_stats_rollup_coarse', columns: ENROLLMENT_COUNTERS },
  { table: 'certification_stats_rollup', columns: CANDIDATE_COUNTERS },
  { table: 'accreditation_stats_rollup', columns: ASSESSMENT_COUNTERS },
  { table: 'atensi_stats_rollup', columns: CASE_COUNTERS },
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
