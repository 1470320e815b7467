import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CreateProgrammeInput } from './programme.input';
import { createProgramme, listProgrammes } from './programme.service';
import { Programme } from './programme.type';

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => [Programme], { description: 'Training programmes (jenis pelatihan) of a unit, ordered by code' })
  async programmes(
    @Arg('unit', () => ID, { description: 'Unit code, e.g. BBPPKS-PADANG' }) unit: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Programme[]> {
    return listProgrammes(ctx, unit);
  }

  @Mutation(() => Programme, { description: "Adds a training programme to a unit (the unit's operator or an admin)" })
  async createProgramme(
    @Arg('input', { description: 'The programme' }) input: CreateProgrammeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Programme> {
    return createProgramme(ctx, input);
  }
}
