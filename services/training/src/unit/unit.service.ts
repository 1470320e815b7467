import type { RequestContext } from '@kesos/infra';
import { BadInputError, ForbiddenError, Provenance, unitRegisteredV1 } from '@kesos/infra';
import { UnitEntity } from './unit.entity';
import type { RegisterUnitInput } from './unit.input';
import { validateRegisterUnit } from './unit.input';
import { unitByCode } from './unit.loader';
import { toUnit } from './unit.mapper';
import type { Unit } from './unit.type';

/** One unit by code; the unit directory is readable by every signed-in caller. */
export async function findUnit(ctx: RequestContext, code: string): Promise<Unit | null> {
  const row = await unitByCode(ctx).load(code);
  return row ? toUnit(row) : null;
}

/** Every unit, by code; the ministry has a few dozen, so the list is not paged. */
export async function listUnits(ctx: RequestContext): Promise<Unit[]> {
  return (await ctx.db.dataSource.getRepository(UnitEntity).find({ order: { code: 'ASC' } })).map(toUnit);
}

export async function registerUnit(ctx: RequestContext, input: RegisterUnitInput): Promise<Unit> {
  if (ctx.caller.role !== 'admin') throw new ForbiddenError('only an admin can register a unit');
  const valid = validateRegisterUnit(input);
  const unit = await ctx.db.transaction(async (tx) => {
    if (await tx.manager.findOneBy(UnitEntity, { code: valid.code }))
      throw new BadInputError('code', `unit ${valid.code} is already registered`);
    const row = tx.manager.create(UnitEntity, {
      code: valid.code,
      name: valid.name,
      address: valid.address ?? null,
      region: valid.region ?? null,
      // An admin registering a unit at work: the centre's own record, not a report's.
      provenance: Provenance.OPERATIONAL,
    });
    await tx.manager.insert(UnitEntity, row);
    await tx.emit(unitRegisteredV1.event(row.code, { code: row.code, name: row.name }));
    return row;
  });
  return toUnit(unit);
}
