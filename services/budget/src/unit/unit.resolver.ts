import type { RequestContext } from '@kesos/infra';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Unit } from './unit.type';

@Resolver(() => Unit)
export class BudgetUnitResolver {
  @FieldResolver(() => Boolean, { description: 'Whether the budget service holds any record for this unit' })
  async hasBudgetRecords(@Root() _unit: Unit, @Ctx() _ctx: RequestContext): Promise<boolean> {
    return false;
  }
}
