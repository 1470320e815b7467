import 'reflect-metadata';
import type { ServiceDefinition } from '@kesos/infra';
import { runTransaction } from '@kesos/infra';
import type { DataSource } from 'typeorm';
import {
  AgreementItemEntity,
  AgreementSignatoryEntity,
  PerformanceAgreementEntity,
} from './agreement/agreement.entity';
import { performanceMigrations } from './migrations';
import {
  BACKFILL_QUARTER_COUNTERS,
  BACKFILL_SURVEY_TOTALS,
} from './migrations/1796200968582-QuarterCountersSurveyTotals';
import { FILL_FACT_PROVENANCE_COUNTS, FILL_RESPONSE_PROVENANCE_COUNTS } from './migrations/1796221402279-Provenance';
import { FILL_DEMOGRAPHIC_PROVENANCE_COUNTS } from './migrations/1796500000000-SurveyDemographicProvenance';
import { BACKFILL_SURVEY_DEMOGRAPHIC_TOTALS } from './migrations/1796208842876-SurveyDemographicTotals';
import { IndicatorTargetEntity, PlanGoalEntity, PlanIndicatorEntity, StrategicPlanEntity } from './plan/plan.entity';
import { realizationConsumers } from './realization/realization.consumer';
import {
  MetricCounterEntity,
  MetricFactEntity,
  MetricQuarterCounterEntity,
  PublishedFigureEntity,
  RealizationEntryEntity,
} from './realization/realization.entity';
import { SakipEvaluationEntity } from './sakip/sakip.entity';
import { performanceSchema } from './schema';
import { seedPerformance } from './seed/performance.seed';
import { SurveyDemographicTotalEntity, SurveyResponseEntity, SurveyTotalEntity } from './survey/survey.entity';
import { KnownUnitEntity } from './unit/known-unit.entity';
import { unitRegisteredConsumer } from './unit/unit.consumer';

/**
 * The embedded mode's SQLite schema is synchronized, not migrated: a database written by an
 * older release gets the quarterly counters and survey sums (also per gender and education) as empty tables, filled here once
 * from its facts and responses, and the counts per provenance (what the migrations do on MariaDB).
 */
async function fillNewCounters(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'better-sqlite3') return;
  await runTransaction(dataSource, async (m) => {
    const any = async (sql: string) => (await m.query<unknown[]>(sql)).length > 0;
    if (
      !(await any('SELECT 1 FROM metric_quarter_counter LIMIT 1')) &&
      (await any('SELECT 1 FROM metric_fact WHERE quarter IS NOT NULL LIMIT 1'))
    )
      await m.query(BACKFILL_QUARTER_COUNTERS);
    if (!(await any('SELECT 1 FROM survey_total LIMIT 1')) && (await any('SELECT 1 FROM survey_response LIMIT 1')))
      await m.query(BACKFILL_SURVEY_TOTALS);
    if (
      !(await any('SELECT 1 FROM survey_demographic_total LIMIT 1')) &&
      (await any('SELECT 1 FROM survey_response LIMIT 1'))
    )
      await m.query(BACKFILL_SURVEY_DEMOGRAPHIC_TOTALS);
    // Idempotent: they touch only rows whose per-provenance counts are all still 0.
    await m.query(FILL_FACT_PROVENANCE_COUNTS);
    await m.query(FILL_RESPONSE_PROVENANCE_COUNTS);
    await m.query(FILL_DEMOGRAPHIC_PROVENANCE_COUNTS);
  });
}

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
    MetricQuarterCounterEntity,
    RealizationEntryEntity,
    PublishedFigureEntity,
    PerformanceAgreementEntity,
    AgreementSignatoryEntity,
    AgreementItemEntity,
    SakipEvaluationEntity,
    SurveyResponseEntity,
    SurveyTotalEntity,
    SurveyDemographicTotalEntity,
  ],
  migrations: performanceMigrations,
  schema: performanceSchema,
  consumers: [unitRegisteredConsumer, ...realizationConsumers],
  seed: async (dataSource) => {
    const seeded = await seedPerformance(dataSource);
    if (!seeded) await fillNewCounters(dataSource);
    return seeded;
  },
};

/** Recomputes the survey's running sums from the responses (`npm run stats:rebuild`). */
export { rebuildSurveyTotals } from './survey/survey.service';
