import type { ConsumerSpec } from '@kesos/infra';
import { KnownUnitEntity } from './known-unit.entity';

interface UnitRegisteredV1 {
  code: string;
  name: string;
}

/** Records each unit training registers, so evaluations can be checked against real units. */
export const unitRegisteredConsumer: ConsumerSpec = {
  name: 'unit-registered',
  subject: 'training.unit.registered',
  handle: async (event, manager) => {
    const data = event.data as UnitRegisteredV1;
    await manager.upsert(KnownUnitEntity, { code: data.code, name: data.name }, ['code']);
  },
};
