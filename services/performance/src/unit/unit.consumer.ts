import { ConsumerSpec, EventContractError } from '@kesos/infra';
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
    const data = (event.data ?? {}) as Partial<UnitRegisteredV1>;
    if (typeof data.code !== 'string' || !data.code || typeof data.name !== 'string') throw new EventContractError('payload fields code and name must be strings');
    await manager.upsert(KnownUnitEntity, { code: data.code, name: data.name }, ['code']);
  },
};
