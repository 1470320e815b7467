import { consumerOf, unitRegisteredV1 } from '@kesos/infra';
import { KnownUnitEntity } from './known-unit.entity';

/** Records each unit training registers, so evaluations can be checked against real units. */
export const unitRegisteredConsumer = consumerOf(unitRegisteredV1, 'unit-registered', async (event, manager) => {
  await manager.upsert(KnownUnitEntity, { code: event.data.code, name: event.data.name }, ['code']);
});
