import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addCounterColumnsSql, dropCounterColumnsSql } from '@kesos/infra';
import { RECORD_COUNTERS } from '../stats/stats.entity';
import { rebuildBudgetStatsRollup } from '../stats/stats.service';

/**
 * The budget statistics rollup counts the records each row sums per provenance (issue 12), so a
 * `budgetStats` row says what its figures rest on without reading lines or transactions. The
 * counters start at 0 and the rollup is recomputed from the line changes and transactions (which
 * carry a provenance since Provenance1796221396592) in the migration's transaction. A later
 * migration that changes the rollup's columns must freeze this backfill, as
 * BudgetStatsRollup1796209110344 did. Run it with the services stopped, as every migration.
 */
export class StatsProvenance1796500000000 implements MigrationInterface {
  name = 'StatsProvenance1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of addCounterColumnsSql('budget_stats_rollup', RECORD_COUNTERS)) await queryRunner.query(sql);
    await rebuildBudgetStatsRollup(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of dropCounterColumnsSql('budget_stats_rollup', RECORD_COUNTERS)) await queryRunner.query(sql);
  }
}
