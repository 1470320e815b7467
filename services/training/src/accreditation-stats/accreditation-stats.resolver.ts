import { lagTolerant, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { AccreditationStatsFilter, AccreditationStatsOrder } from './accreditation-stats.input';
import { accreditationStats, accreditationStatsRowUnit } from './accreditation-stats.service';
import { AccreditationStatsDimension, AccreditationStatsRow } from './accreditation-stats.type';

@Resolver(() => AccreditationStatsRow)
export class AccreditationStatsResolver {
  @Query(() => [AccreditationStatsRow], {
    description:
      "LKS accreditation statistics over assessments (statistik akreditasi LKS), one row per combination of the groupBy dimensions that has assessments (one total row without groupBy); an analyst or admin reads every unit, a viewer or operator only their own unit's rows",
  })
  async accreditationStats(
    @Arg('filter', () => AccreditationStatsFilter, {
      nullable: true,
      description: 'Which assessments count (saringan)',
    })
    filter: AccreditationStatsFilter | null,
    @Arg('groupBy', () => [AccreditationStatsDimension], {
      nullable: true,
      description: 'Dimensions to group by, in this order (kelompokkan menurut); none: one total row',
    })
    groupBy: AccreditationStatsDimension[] | null,
    @Arg('orderBy', () => [AccreditationStatsOrder], {
      nullable: true,
      description: 'Order and rank of the rows (urutan); without it, the rows follow the grouped dimensions',
    })
    orderBy: AccreditationStatsOrder[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'Keep only the first rows after ordering (batas baris)' })
    first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AccreditationStatsRow[]> {
    return accreditationStats(lagTolerant(ctx), { filter, groupBy, orderBy, first });
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit (unit pelaksana) when grouped by UNIT' })
  async unit(@Root() row: AccreditationStatsRow, @Ctx() ctx: RequestContext): Promise<Unit | null> {
    return accreditationStatsRowUnit(ctx, row);
  }
}
