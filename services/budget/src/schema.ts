import type { FederatedSchemaSpec } from '@kesos/infra';
import { UnitBudgetResolver } from './budget/budget.resolver';
import { DipaResolver } from './dipa/dipa.resolver';
import { goalReference } from './goal/goal.reference';
import { GoalResolver } from './goal/goal.resolver';
import { Goal } from './goal/goal.type';
import { BudgetScoreResolver } from './budget-score/budget-score.resolver';
import { RealizationPageResolver, RealizationResolver } from './realization/realization.resolver';
import { ReportConsistencyBudgetResolver } from './report-consistency/report-consistency.resolver';
import { reportConsistencyReference } from './report-consistency/report-consistency.reference';
import { ReportConsistency } from './report-consistency/report-consistency.type';
import { RevisionResolver } from './revision/revision.resolver';
import { SatkerBudgetResolver } from './satker/satker.resolver';
import { BudgetStatsResolver } from './stats/stats.resolver';
import { TransferResolver } from './transfer/transfer.resolver';
import { BudgetUnitResolver } from './budget/budget.unit-resolver';
import { Unit } from './unit/unit.type';
import {
  BudgetOutputAchievementResolver,
  OutputVolumeResolver,
  UnitOutputAchievementResolver,
} from './volume/volume.resolver';

export const budgetSchema: FederatedSchemaSpec = {
  resolvers: [
    BudgetUnitResolver,
    UnitBudgetResolver,
    SatkerBudgetResolver,
    DipaResolver,
    RevisionResolver,
    TransferResolver,
    RealizationResolver,
    RealizationPageResolver,
    BudgetScoreResolver,
    GoalResolver,
    BudgetStatsResolver,
    ReportConsistencyBudgetResolver,
    OutputVolumeResolver,
    BudgetOutputAchievementResolver,
    UnitOutputAchievementResolver,
  ],
  orphanedTypes: [Unit, Goal, ReportConsistency],
  referenceResolvers: { ...goalReference, ...reportConsistencyReference },
};
