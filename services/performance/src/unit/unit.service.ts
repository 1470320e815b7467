import { BadInputError, FIRST_YEAR, isYearInRange, LAST_YEAR, type RequestContext } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { KnownUnitEntity } from './known-unit.entity';
import { knownUnits } from './unit.loader';

/** Writes name a unit the training subgraph has registered (learnt from its event), so a mistyped code is refused. */
export async function assertKnownUnit(m: EntityManager, code: string, field = 'unitCode'): Promise<void> {
  if (!(await m.findOneBy(KnownUnitEntity, { code })))
    throw new BadInputError(field, `unit ${code} is not registered in the training subgraph`);
}

export function assertYear(year: number, field = 'year'): void {
  if (!isYearInRange(year)) throw new BadInputError(field, `year must be between ${FIRST_YEAR} and ${LAST_YEAR}`);
}

/** Whether this service has recorded the unit from training's `training.unit.registered`; any caller may ask. */
export function knownToPerformance(ctx: RequestContext, unitCode: string): Promise<boolean> {
  return knownUnits(ctx).load(unitCode);
}
