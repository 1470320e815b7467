import { runTransaction } from '@kesos/infra';
import type { DataSource, EntityManager } from 'typeorm';
import { StrategicPlanEntity } from '../plan/plan.entity';
import { seedAgreements } from './agreement.seed';
import { seedHistory } from './history.seed';
import { seedPlan } from './plan.seed';
import { seedSakip } from './sakip.seed';
import { seedSurvey } from './survey.seed';

/**
 * Plans, agreements, entered and published figures, SAKIP scores and (reconstructed) survey answers
 * of the 2022 report. No 2022 realisation derived from records is seeded: those arrive as events
 * from the training and budget subgraphs.
 */
const SEEDERS: ((m: EntityManager) => Promise<void>)[] = [seedPlan, seedAgreements, seedHistory, seedSakip, seedSurvey];

export async function seedPerformance(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(StrategicPlanEntity).count()) > 0) return false;
  await runTransaction(dataSource, async (m) => {
    for (const seed of SEEDERS) await seed(m);
  });
  return true;
}
