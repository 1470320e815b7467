import 'reflect-metadata';
import type { ServiceDefinition } from '@kesos/infra';
import { performanceMigrations } from './migrations';
import { performanceSchema } from './schema';
import { KnownUnitEntity } from './unit/known-unit.entity';
import { unitRegisteredConsumer } from './unit/unit.consumer';

export const performanceService: ServiceDefinition = {
  name: 'performance',
  defaultPort: 4003,
  entities: [KnownUnitEntity],
  migrations: performanceMigrations,
  schema: performanceSchema,
  consumers: [unitRegisteredConsumer],
  seed: async () => false,
};
