import { lagTolerant, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { CertificationStatsFilter, CertificationStatsOrder } from './certification-stats.input';
import { certificationStats, certificationStatsRowUnit } from './certification-stats.service';
import { CertificationStatsDimension, CertificationStatsRow } from './certification-stats.type';

@Resolver(() => CertificationStatsRow)
export class CertificationStatsResolver {
  @Query(() => [CertificationStatsRow], {
    description:
      "Certification statistics over candidates (statistik sertifikasi SDM Kesos), one row per combination of the groupBy dimensions that has candidates (one total row without groupBy); an analyst or admin reads every unit, a viewer or operator only their own unit's rows",
  })
  async certificationStats(
    @Arg('filter', () => CertificationStatsFilter, {
      nullable: true,
      description: 'Which candidates count (saringan)',
    })
    filter: CertificationStatsFilter | null,
    @Arg('groupBy', () => [CertificationStatsDimension], {
      nullable: true,
      description: 'Dimensions to group by, in this order (kelompokkan menurut); none: one total row',
    })
    groupBy: CertificationStatsDimension[] | null,
    @Arg('orderBy', () => [CertificationStatsOrder], {
      nullable: true,
      description: 'Order and rank of the rows (urutan); without it, the rows follow the grouped dimensions',
    })
    orderBy: CertificationStatsOrder[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'Keep only the first rows after ordering (batas baris)' })
    first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationStatsRow[]> {
    return certificationStats(lagTolerant(ctx), { filter, groupBy, orderBy, first });
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit (unit pelaksana) when grouped by UNIT' })
  async unit(@Root() row: CertificationStatsRow, @Ctx() ctx: RequestContext): Promise<Unit | null> {
    return certificationStatsRowUnit(ctx, row);
  }
}
