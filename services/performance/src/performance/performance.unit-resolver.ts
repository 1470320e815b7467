import { RequestContext, unavailableNote } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { unitPerformance } from './performance.service';
import { UnitPerformance } from './performance.type';

@Resolver(() => Unit)
export class UnitPerformanceResolver {
  @FieldResolver(() => UnitPerformance, {
    nullable: true,
    description:
      'Performance of the unit in a year (capaian kinerja): goals, indicators, targets, realisations and achievements. Readable by the unit, analysts and admins.' +
      unavailableNote('performance'),
  })
  async performance(
    @Root() unit: Unit,
    @Arg('year', () => Int, { description: 'Year (tahun)' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<UnitPerformance> {
    return unitPerformance(ctx, unit.code, year);
  }
}
