import 'reflect-metadata';
import type { ServiceDefinition } from '@kesos/infra';
import {
  AgreementItemEntity,
  AgreementSignatoryEntity,
  PerformanceAgreementEntity,
} from './agreement/agreement.entity';
import { performanceMigrations } from './migrations';
import { IndicatorTargetEntity, PlanGoalEntity, PlanIndicatorEntity, StrategicPlanEntity } from './plan/plan.entity';
import { realizationConsumers } from './realization/realization.consumer';
import {
  MetricCounterEntity,
  MetricFactEntity,
  PublishedFigureEntity,
  RealizationEntryEntity,
} from './realization/realization.entity';
import { SakipEvaluationEntity } from './sakip/sakip.entity';
import { performanceSchema } from './schema';
import { seedPerformance } from './seed/performance.seed';
import { SurveyResponseEntity } from './survey/survey.entity';
import { KnownUnitEntity } from './unit/known-unit.entity';
import { unitRegisteredConsumer } from './unit/unit.consumer';

export const performanceService: ServiceDefinition = {
  name: 'performance',
  defaultPort: 4003,
  entities: [
    KnownUnitEntity,
    StrategicPlanEntity,
    PlanGoalEntity,
    PlanIndicatorEntity,
    IndicatorTargetEntity,
    MetricFactEntity,
    MetricCounterEntity,
    RealizationEntryEntity,
    PublishedFigureEntity,
    PerformanceAgreementEntity,
    AgreementSignatoryEntity,
    AgreementItemEntity,
    SakipEvaluationEntity,
    SurveyResponseEntity,
  ],
  migrations: performanceMigrations,
  schema: performanceSchema,
  consumers: [unitRegisteredConsumer, ...realizationConsumers],
  seed: (dataSource) => seedPerformance(dataSource),
};
