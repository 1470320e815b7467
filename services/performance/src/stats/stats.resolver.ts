import { lagTolerant, RequestContext } from '@kesos/infra';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { IndicatorStatsFilter, IndicatorStatsOrder, SurveyStatsFilter, SurveyStatsOrder } from './stats.input';
import { indicatorStats, surveyStats } from './stats.service';
import { IndicatorStatsRow, SurveyStatsDimension, SurveyStatsRow } from './stats.type';

@Resolver()
export class StatsResolver {
  @Query(() => [IndicatorStatsRow], {
    description:
      "Indicator statistics (statistik indikator kinerja): one row per unit, year and indicator, with the same target, realisation and achievement as the unit's performance(year). Analysts and admins read every unit; a viewer or operator only their own unit's rows",
  })
  async indicatorStats(
    @Arg('filter', () => IndicatorStatsFilter, {
      nullable: true,
      description: 'Which units, years, goals and indicators (saringan); omitted: all the caller reads',
    })
    filter: IndicatorStatsFilter | null,
    @Arg('orderBy', () => [IndicatorStatsOrder], {
      nullable: true,
      description: 'Order and rank of the rows (urutan); omitted: by unit, year, goal and indicator, rank null',
    })
    orderBy: IndicatorStatsOrder[] | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: 'Keep only the first rows after ordering (jumlah baris), 1-100000',
    })
    first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<IndicatorStatsRow[]> {
    return indicatorStats(lagTolerant(ctx), filter, orderBy, first);
  }

  @Query(() => [SurveyStatsRow], {
    description:
      'Satisfaction survey statistics (statistik IKM): respondents, index and grade over the responses of each group; without groupBy one row, the index over all responses (for analysts: the ministry). Analysts and admins read every unit; a viewer or operator only their own unit',
  })
  async surveyStats(
    @Arg('filter', () => SurveyStatsFilter, {
      nullable: true,
      description: 'Which units, years, genders and education levels (saringan); omitted: all the caller reads',
    })
    filter: SurveyStatsFilter | null,
    @Arg('groupBy', () => [SurveyStatsDimension], {
      nullable: true,
      description: 'Dimensions of the rows (dikelompokkan menurut); omitted or empty: one total row',
    })
    groupBy: SurveyStatsDimension[] | null,
    @Arg('orderBy', () => [SurveyStatsOrder], {
      nullable: true,
      description: 'Order and rank of the rows (urutan); omitted: by the grouped dimensions, rank null',
    })
    orderBy: SurveyStatsOrder[] | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: 'Keep only the first rows after ordering (jumlah baris), 1-100000',
    })
    first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyStatsRow[]> {
    return surveyStats(lagTolerant(ctx), filter, groupBy, orderBy, first);
  }
}
