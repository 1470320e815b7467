import type { FederatedSchemaSpec } from '@kesos/infra';
import { AgreementMutationResolver, UnitAgreementResolver } from './agreement/agreement.resolver';
import { goalReference } from './performance/performance.reference';
import { UnitPerformanceResolver } from './performance/performance.resolver';
import { Goal } from './performance/performance.type';
import { PlanResolver, UnitPlanResolver } from './plan/plan.resolver';
import { RealizationResolver } from './realization/realization.resolver';
import { SakipResolver } from './sakip/sakip.resolver';
import { SurveyMutationResolver, UnitSurveyResolver } from './survey/survey.resolver';
import { PerformanceUnitResolver } from './unit/unit.resolver';
import { Unit } from './unit/unit.type';

export const performanceSchema: FederatedSchemaSpec = {
  resolvers: [
    PerformanceUnitResolver,
    UnitPlanResolver,
    PlanResolver,
    UnitPerformanceResolver,
    RealizationResolver,
    SakipResolver,
    UnitSurveyResolver,
    SurveyMutationResolver,
    UnitAgreementResolver,
    AgreementMutationResolver,
  ],
  orphanedTypes: [Unit, Goal],
  referenceResolvers: { ...goalReference },
};
