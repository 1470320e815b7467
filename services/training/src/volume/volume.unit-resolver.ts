import { assertCanRead, BadInputError, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { volumeByUnit } from './volume.loader';
import { TrainingVolumeYear } from './volume.type';

const MAX_YEARS = 30;

@Resolver(() => Unit)
export class TrainingVolumeResolver {
  @FieldResolver(() => [TrainingVolumeYear], {
    description:
      "Participants per year, target against realisation (matriks capaian pelaksanaan diklat), one entry per year of the range; readable by the unit's staff, analysts and admins",
  })
  async trainingVolume(
    @Root() unit: Unit,
    @Arg('fromYear', () => Int, { description: 'First year of the range' }) fromYear: number,
    @Arg('toYear', () => Int, { description: 'Last year of the range, at most 30 years after the first' })
    toYear: number,
    @Ctx() ctx: RequestContext,
  ): Promise<TrainingVolumeYear[]> {
    assertCanRead(ctx.caller, unit.code);
    if (fromYear < 1900 || fromYear > 2999) throw new BadInputError('fromYear', 'fromYear must be a year such as 2018');
    if (toYear < fromYear) throw new BadInputError('toYear', 'toYear cannot be before fromYear');
    if (toYear - fromYear >= MAX_YEARS) throw new BadInputError('toYear', `a range covers at most ${MAX_YEARS} years`);
    return volumeByUnit(ctx, fromYear, toYear).load(unit.code);
  }
}
