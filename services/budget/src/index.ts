import 'reflect-metadata';
import type { ServiceDefinition } from '@kesos/infra';
import { budgetMigrations } from './migrations';
import { budgetSchema } from './schema';

export const budgetService: ServiceDefinition = {
  name: 'budget',
  defaultPort: 4002,
  entities: [],
  migrations: budgetMigrations,
  schema: budgetSchema,
  consumers: [],
  seed: async () => false,
};
