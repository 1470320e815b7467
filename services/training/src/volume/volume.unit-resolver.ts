import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { trainingVolume } from './volume.service';
import { TrainingVolumeYear } from './volume.type';

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
    return trainingVolume(ctx, unit.code, fromYear, toYear);
  }
}
