import { lagTolerant, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { AtensiStatsFilter, AtensiStatsOrder } from './atensi-stats.input';
import { atensiStats, atensiStatsRowUnit } from './atensi-stats.service';
import { AtensiStatsDimension, AtensiStatsRow } from './atensi-stats.type';

@Resolver(() => AtensiStatsRow)
export class AtensiStatsResolver {
  @Query(() => [AtensiStatsRow], {
    description:
      "ATENSI statistics over cases (statistik layanan ATENSI), one row per combination of the groupBy dimensions that has cases (one total row without groupBy); an analyst or admin reads every unit, a viewer or operator only their own unit's rows",
  })
  async atensiStats(
    @Arg('filter', () => AtensiStatsFilter, {
      nullable: true,
      description: 'Which cases count (saringan)',
    })
    filter: AtensiStatsFilter | null,
    @Arg('groupBy', () => [AtensiStatsDimension], {
      nullable: true,
      description: 'Dimensions to group by, in this order (kelompokkan menurut); none: one total row',
    })
    groupBy: AtensiStatsDimension[] | null,
    @Arg('orderBy', () => [AtensiStatsOrder], {
      nullable: true,
      description: 'Order and rank of the rows (urutan); without it, the rows follow the grouped dimensions',
    })
    orderBy: AtensiStatsOrder[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'Keep only the first rows after ordering (batas baris)' })
    first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AtensiStatsRow[]> {
    return atensiStats(lagTolerant(ctx), { filter, groupBy, orderBy, first });
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit (unit pelaksana) when grouped by UNIT' })
  async unit(@Root() row: AtensiStatsRow, @Ctx() ctx: RequestContext): Promise<Unit | null> {
    return atensiStatsRowUnit(ctx, row);
  }
}
