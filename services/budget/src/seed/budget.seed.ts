import type { DataSource, EntityManager } from 'typeorm';
import { SatkerEntity } from '../satker/satker.entity';
import { rebuildBudgetStatsRollup } from '../stats/stats.service';
import { seedAccounts } from './accounts.seed';
import { seedPadang2022 } from './padang-2022.seed';
import { seedPadangHistory } from './padang-history.seed';
import { seedPadangPerformance } from './budget-score.seed';

/** Loads the 2022 report's budget records into an empty budget database, in one transaction. */
export async function seedBudget(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(SatkerEntity).count()) > 0) {
    // An embedded (SQLite, schema synchronised) database from before the rollup's per-provenance
    // counters got them at 0: every rollup row sums at least one record, so a row counting none
    // means the counters were never filled. MariaDB gets them from StatsProvenance1796500000000.
    if (dataSource.options.type === 'better-sqlite3') {
      const unfilled = await dataSource.query<unknown[]>(
        'SELECT 1 FROM budget_stats_rollup WHERE operationalRecords + reportedRecords + reconstructedRecords + syntheticRecords = 0 LIMIT 1',
      );
      if (unfilled.length) await dataSource.transaction((m) => rebuildBudgetStatsRollup(m));
    }
    return false;
  }
  await dataSource.transaction(async (m: EntityManager) => {
    const documentSeq = { next: 1 };
    await seedAccounts(m);
    await seedPadang2022(m, documentSeq);
    await seedPadangHistory(m, documentSeq);
    await seedPadangPerformance(m);
  });
  return true;
}
