import type { FederatedSchemaSpec } from '@kesos/infra';
import { UnitResolver } from './unit/unit.resolver';
import { unitReference } from './unit/unit.reference';

export const trainingSchema: FederatedSchemaSpec = {
  resolvers: [UnitResolver],
  referenceResolvers: { ...unitReference },
};
