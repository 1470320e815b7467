import type { FederatedSchemaSpec } from '@kesos/infra';
import { PerformanceUnitResolver } from './unit/unit.resolver';
import { Unit } from './unit/unit.type';

export const performanceSchema: FederatedSchemaSpec = {
  resolvers: [PerformanceUnitResolver],
  orphanedTypes: [Unit],
};
