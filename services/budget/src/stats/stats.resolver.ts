import { lagTolerant, MAX_STATS_ROWS, RequestContext } from '@kesos/infra';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { BudgetStatsFilter, BudgetStatsOrder } from './stats.input';
import { budgetStats } from './stats.service';
import { BudgetStatsDimension, BudgetStatsRow } from './stats.type';

@Resolver(() => BudgetStatsRow)
export class BudgetStatsResolver {
  @Query(() => [BudgetStatsRow], {
    description:
      "Budget statistics (statistik anggaran): ceiling, realisation and absorption per any combination of unit, year, satker, expense type, programme, goal and month, from a rollup kept current with every write; the same figures as Unit.budget(year). Analysts and admins read every unit, a unit's staff only their own unit's rows",
  })
  async budgetStats(
    @Arg('filter', () => BudgetStatsFilter, {
      nullable: true,
      description: 'Which figures to cover (saringan); omitted: everything you may read',
    })
    filter: BudgetStatsFilter | null,
    @Arg('groupBy', () => [BudgetStatsDimension], {
      nullable: true,
      description: 'Dimensions to group by (kelompokkan menurut); omitted or empty: one total row',
    })
    groupBy: BudgetStatsDimension[] | null,
    @Arg('orderBy', () => [BudgetStatsOrder], {
      nullable: true,
      description: 'Orderings (urutan), first one first; sets rank. Omitted: by the grouped dimensions, rank null',
    })
    orderBy: BudgetStatsOrder[] | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: `Only the first rows after ordering (jumlah baris), 1-${MAX_STATS_ROWS}`,
    })
    first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<BudgetStatsRow[]> {
    return budgetStats(lagTolerant(ctx), { filter, groupBy, orderBy, first });
  }
}
