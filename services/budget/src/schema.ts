import type { FederatedSchemaSpec } from '@kesos/infra';
import { BudgetUnitResolver } from './unit/unit.resolver';
import { Unit } from './unit/unit.type';

export const budgetSchema: FederatedSchemaSpec = {
  resolvers: [BudgetUnitResolver],
  orphanedTypes: [Unit],
};
