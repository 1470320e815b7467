import { BadInputError } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { KnownUnitEntity } from './known-unit.entity';

/** Writes name a unit the training subgraph has registered (learnt from its event), so a mistyped code is refused. */
export async function assertKnownUnit(m: EntityManager, code: string, field = 'unitCode'): Promise<void> {
  if (!(await m.findOneBy(KnownUnitEntity, { code }))) throw new BadInputError(field, `unit ${code} is not registered in the training subgraph`);
}

export function assertYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadInputError(field, 'year must be between 2000 and 2100');
}
