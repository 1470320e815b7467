import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { RecordBudgetPerformanceInput } from './budget-score.input';
import { recordBudgetPerformance } from './budget-score.service';
import { BudgetPerformance } from './budget-score.type';

@Resolver(() => BudgetPerformance)
export class BudgetScoreResolver {
  @Mutation(() => BudgetPerformance, {
    description:
      "Records a year's SMART and IKPA scores (operator of the unit or admin), replacing an earlier record of that year; publishes budget.performance.scored",
  })
  async recordBudgetPerformance(
    @Arg('input', { description: 'The published scores' }) input: RecordBudgetPerformanceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BudgetPerformance> {
    return recordBudgetPerformance(ctx, input);
  }
}
