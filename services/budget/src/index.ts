import 'reflect-metadata';
import type { ServiceDefinition } from '@kesos/infra';
import { AccountEntity } from './account/account.entity';
import { ActivityEntity, BudgetLineEntity, OutputEntity, OutputTargetEntity, ProgrammeEntity } from './line/line.entity';
import { budgetMigrations } from './migrations';
import { graduationConsumer } from './output/output.consumer';
import { OutputVolumeEntryEntity } from './output/output.entity';
import { BudgetPerformanceEntity, IkpaComponentEntity, IkpaScoreEntity } from './performance/performance.entity';
import { RealizationEntity } from './realization/realization.entity';
import { LineChangeEntity, RevisionEntity, TransferEntity } from './revision/revision.entity';
import { budgetSchema } from './schema';
import { seedBudget } from './seed/budget.seed';
import { DipaEntity, SatkerEntity } from './satker/satker.entity';

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
  ],
  migrations: budgetMigrations,
  schema: budgetSchema,
  consumers: [graduationConsumer],
  seed: (dataSource) => seedBudget(dataSource),
};
