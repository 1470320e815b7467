import { assertCanRead, RequestContext, unavailableNote } from '@kesos/infra';
import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { goalFigure } from './goal.loader';
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
    assertCanRead(ctx.caller, goal.unitCode);
    const figure =
      goal.figure !== undefined
        ? goal.figure
        : await goalFigure(ctx).load({ unitCode: goal.unitCode, year: goal.year, code: goal.code });
    return figure?.absorptionRate ?? null;
  }
}
