import type { RequestContext } from '@kesos/infra';
import { assertCanRead, assertCanWrite, BadInputError } from '@kesos/infra';
import { UnitEntity } from '../unit/unit.entity';
import { ProgrammeEntity } from './programme.entity';
import type { CreateProgrammeInput } from './programme.input';
import { validateCreateProgramme } from './programme.input';
import { toProgramme } from './programme.mapper';
import type { Programme } from './programme.type';
import { writtenProvenance } from '../common/common.provenance';

/** The programmes of a unit, ordered by code; a unit runs a handful, so the list is not paged. */
export async function listProgrammes(ctx: RequestContext, unit: string): Promise<Programme[]> {
  assertCanRead(ctx.caller, unit);
  const rows = await ctx.db.dataSource
    .getRepository(ProgrammeEntity)
    .find({ where: { unitCode: unit }, order: { code: 'ASC' } });
  return rows.map(toProgramme);
}

export async function createProgramme(ctx: RequestContext, input: CreateProgrammeInput): Promise<Programme> {
  assertCanWrite(ctx.caller, input.unit);
  const valid = validateCreateProgramme(input);
  const provenance = writtenProvenance(ctx.caller, input.provenance);
  const row = await ctx.db.transaction(async (tx) => {
    if (!(await tx.manager.existsBy(UnitEntity, { code: valid.unit })))
      throw new BadInputError('unit', `unit ${valid.unit} is not registered`);
    if (await tx.manager.existsBy(ProgrammeEntity, { unitCode: valid.unit, code: valid.code }))
      throw new BadInputError('code', `unit ${valid.unit} already has a programme ${valid.code}`);
    const created = tx.manager.create(ProgrammeEntity, {
      unitCode: valid.unit,
      code: valid.code,
      name: valid.name,
      description: valid.description,
      participantCategory: valid.participantCategory,
      budgetOutputCode: valid.budgetOutputCode,
      indicatorCode: valid.indicatorCode,
      partner: valid.partner,
      provenance,
    });
    await tx.manager.insert(ProgrammeEntity, created);
    return created;
  });
  return toProgramme(row);
}
