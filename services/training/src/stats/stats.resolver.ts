import { lagTolerant, RequestContext } from '@kesos/infra';
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { TrainingStatsFilter, TrainingStatsOrder } from './stats.input';
import { selectsField } from './stats.selection';
import { statsRowUnit, trainingStats } from './stats.service';
import { TrainingStatsDimension, TrainingStatsRow } from './stats.type';

@Resolver(() => TrainingStatsRow)
export class TrainingStatsResolver {
  @Query(() => [TrainingStatsRow], {
    description:
      "Training statistics over enrollments (statistik pelatihan), one row per combination of the groupBy dimensions that has enrollments (one total row without groupBy); an analyst or admin reads every unit, a viewer or operator only their own unit's rows",
  })
  async trainingStats(
    @Arg('filter', () => TrainingStatsFilter, { nullable: true, description: 'Which enrollments count (saringan)' })
    filter: TrainingStatsFilter | null,
    @Arg('groupBy', () => [TrainingStatsDimension], {
      nullable: true,
      description: 'Dimensions to group by, in this order (kelompokkan menurut); none: one total row',
    })
    groupBy: TrainingStatsDimension[] | null,
    @Arg('orderBy', () => [TrainingStatsOrder], {
      nullable: true,
      description: 'Order and rank of the rows (urutan); without it, the rows follow the grouped dimensions',
    })
    orderBy: TrainingStatsOrder[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'Keep only the first rows after ordering (batas baris)' })
    first: number | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TrainingStatsRow[]> {
    return trainingStats(lagTolerant(ctx), {
      filter,
      groupBy,
      orderBy,
      first,
      participantsSelected: selectsField(info, 'participants'),
    });
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit (unit pelaksana) when grouped by UNIT' })
  async unit(@Root() row: TrainingStatsRow, @Ctx() ctx: RequestContext): Promise<Unit | null> {
    return statsRowUnit(ctx, row);
  }
}
