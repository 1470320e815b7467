import type { DataSource, EntityManager } from 'typeorm';
import { SatkerEntity } from '../satker/satker.entity';
import { seedAccounts } from './accounts.seed';
import { seedPadang2022 } from './padang-2022.seed';
import { seedPadangHistory } from './padang-history.seed';
import { seedPadangPerformance } from './budget-score.seed';

/** Loads the 2022 report's budget records into an empty budget database, in one transaction. */
export async function seedBudget(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(SatkerEntity).count()) > 0) return false;
  await dataSource.transaction(async (m: EntityManager) => {
    const documentSeq = { next: 1 };
    await seedAccounts(m);
    await seedPadang2022(m, documentSeq);
    await seedPadangHistory(m, documentSeq);
    await seedPadangPerformance(m);
  });
  return true;
}
