import type { FederatedSchemaSpec } from '@kesos/infra';
import { AgreementMutationResolver } from './agreement/agreement.resolver';
import { UnitAgreementResolver } from './agreement/agreement.unit-resolver';
import { goalReference } from './performance/performance.reference';
import { IndicatorResultResolver } from './performance/performance.resolver';
import { UnitPerformanceResolver } from './performance/performance.unit-resolver';
import { Goal } from './performance/performance.type';
import { PlanResolver } from './plan/plan.resolver';
import { UnitPlanResolver } from './plan/plan.unit-resolver';
import { RealizationResolver } from './realization/realization.resolver';
import { ReportConsistencyResolver } from './report-consistency/report-consistency.resolver';
import { SakipResolver } from './sakip/sakip.resolver';
import { StatsResolver } from './stats/stats.resolver';
import { SurveyMutationResolver } from './survey/survey.resolver';
import { UnitSurveyResolver } from './survey/survey.unit-resolver';
import { PerformanceUnitResolver } from './unit/unit.resolver';
import { Unit } from './unit/unit.type';

export const performanceSchema: FederatedSchemaSpec = {
  resolvers: [
    PerformanceUnitResolver,
    UnitPlanResolver,
    PlanResolver,
    UnitPerformanceResolver,
    IndicatorResultResolver,
    RealizationResolver,
    SakipResolver,
    UnitSurveyResolver,
    SurveyMutationResolver,
    UnitAgreementResolver,
    AgreementMutationResolver,
    StatsResolver,
    ReportConsistencyResolver,
  ],
  orphanedTypes: [Unit, Goal],
  referenceResolvers: { ...goalReference },
};
