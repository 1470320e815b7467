import { assertCanRead, assertCanWrite, BadInputError, RequestContext } from '@kesos/infra';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { UnitEntity } from '../unit/unit.entity';
import { ProgrammeEntity } from './programme.entity';
import { CreateProgrammeInput, validateCreateProgramme } from './programme.input';
import { Programme } from './programme.type';

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => [Programme], { description: 'Training programmes (jenis pelatihan) of a unit, ordered by code' })
  async programmes(
    @Arg('unit', () => ID, { description: 'Unit code, e.g. BBPPKS-PADANG' }) unit: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Programme[]> {
    assertCanRead(ctx.caller, unit);
    return (await ctx.db.dataSource
      .getRepository(ProgrammeEntity)
      .find({ where: { unitCode: unit }, order: { code: 'ASC' } })) as Programme[];
  }

  @Mutation(() => Programme, { description: "Adds a training programme to a unit (the unit's operator or an admin)" })
  async createProgramme(
    @Arg('input', { description: 'The programme' }) input: CreateProgrammeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Programme> {
    assertCanWrite(ctx.caller, input.unit);
    const valid = validateCreateProgramme(input);
    return ctx.db.transaction(async (tx) => {
      if (!(await tx.manager.existsBy(UnitEntity, { code: valid.unit })))
        throw new BadInputError('unit', `unit ${valid.unit} is not registered`);
      if (await tx.manager.existsBy(ProgrammeEntity, { unitCode: valid.unit, code: valid.code }))
        throw new BadInputError('code', `unit ${valid.unit} already has a programme ${valid.code}`);
      const row = tx.manager.create(ProgrammeEntity, {
        unitCode: valid.unit,
        code: valid.code,
        name: valid.name,
        description: valid.description,
        participantCategory: valid.participantCategory,
        budgetOutputCode: valid.budgetOutputCode,
        indicatorCode: valid.indicatorCode,
        partner: valid.partner,
      });
      await tx.manager.insert(ProgrammeEntity, row);
      return row as Programme;
    });
  }
}
