import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { RecordBudgetPerformanceInput } from './budget-score.input';
import { budgetPerformanceScore, recordBudgetPerformance } from './budget-score.service';
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
    const p = await recordBudgetPerformance(ctx, input);
    return {
      unitCode: p.unitCode,
      year: p.year,
      smartScore: p.smartScore,
      ikpaScore: p.ikpaScore,
      budgetPerformanceScore: budgetPerformanceScore(p.smartScore, p.ikpaScore),
      publishedBudgetPerformanceScore: p.publishedScore,
    };
  }
}
