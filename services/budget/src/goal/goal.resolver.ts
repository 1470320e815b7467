import { ProvenanceSummary, RequestContext, unavailableNote } from '@kesos/infra';
import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { goalBudgetAbsorption, goalBudgetEvidence } from './goal.service';
import { Goal } from './goal.type';

@Resolver(() => Goal)
export class GoalResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Budget absorption (realisasi anggaran) of the budget lines tagged with this goal = realized / ceiling x 100, rounded half-up to 2 decimals; null where the goal has no budget lines of its own.' +
      unavailableNote('budget'),
  })
  async budgetAbsorption(@Root() goal: Goal, @Ctx() ctx: RequestContext): Promise<number | null> {
    return goalBudgetAbsorption(ctx, goal);
  }

  @FieldResolver(() => ProvenanceSummary, {
    nullable: true,
    description:
      'The revision changes and spending transactions behind budgetAbsorption, counted by provenance (asal data); null where the goal has no budget lines of its own.' +
      unavailableNote('budget'),
  })
  async budgetAbsorptionEvidence(@Root() goal: Goal, @Ctx() ctx: RequestContext): Promise<ProvenanceSummary | null> {
    return goalBudgetEvidence(ctx, goal);
  }
}
