import 'reflect-metadata';
import type { ServiceDefinition } from '@kesos/infra';
import { trainingMigrations } from './migrations';
import { trainingSchema } from './schema';
import { seedTraining } from './seed/training.seed';
import { StaffCountEntity, UnitEntity, WorkAreaProvinceEntity } from './unit/unit.entity';

export const trainingService: ServiceDefinition = {
  name: 'training',
  defaultPort: 4001,
  entities: [UnitEntity, WorkAreaProvinceEntity, StaffCountEntity],
  migrations: trainingMigrations,
  schema: trainingSchema,
  consumers: [],
  seed: (dataSource) => seedTraining(dataSource),
};
