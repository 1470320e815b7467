import 'reflect-metadata';
import type { ServiceDefinition } from '@kesos/infra';
import { AccountEntity } from './account/account.entity';
import {
  ActivityEntity,
  BudgetLineEntity,
  OutputEntity,
  OutputTargetEntity,
  ProgrammeEntity,
} from './line/line.entity';
import { budgetMigrations } from './migrations';
import { graduationConsumer } from './output/output.consumer';
import { OutputVolumeEntryEntity } from './output/output.entity';
import { BudgetPerformanceEntity, IkpaComponentEntity, IkpaScoreEntity } from './budget-score/budget-score.entity';
import { RealizationEntity } from './realization/realization.entity';
import { LineChangeEntity, RevisionEntity } from './revision/revision.entity';
import { TransferEntity } from './transfer/transfer.entity';
import { budgetSchema } from './schema';
import { seedBudget } from './seed/budget.seed';
import { SatkerEntity } from './satker/satker.entity';
import { DipaEntity } from './dipa/dipa.entity';
import { BudgetStatsRollupEntity } from './stats/stats.entity';
import { OutputVolumeRecordEntity } from './volume/volume.entity';
import {
  accreditationVolumeConsumer,
  atensiVolumeConsumer,
  certificationVolumeConsumer,
} from './volume/volume.consumer';

export const budgetService: ServiceDefinition = {
  name: 'budget',
  defaultPort: 4002,
  entities: [
    AccountEntity,
    SatkerEntity,
    DipaEntity,
    ProgrammeEntity,
    ActivityEntity,
    OutputEntity,
    OutputTargetEntity,
    BudgetLineEntity,
    RevisionEntity,
    LineChangeEntity,
    TransferEntity,
    RealizationEntity,
    OutputVolumeEntryEntity,
    BudgetPerformanceEntity,
    IkpaComponentEntity,
    IkpaScoreEntity,
    BudgetStatsRollupEntity,
    OutputVolumeRecordEntity,
  ],
  migrations: budgetMigrations,
  schema: budgetSchema,
  consumers: [graduationConsumer, accreditationVolumeConsumer, certificationVolumeConsumer, atensiVolumeConsumer],
  seed: (dataSource) => seedBudget(dataSource),
};

/** Recomputes the budget statistics rollup from the base tables (`npm run stats:rebuild`). */
export { rebuildBudgetStatsRollup } from './stats/stats.service';
