import { type RequestContext, unavailableNote } from '@kesos/infra';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { knownToPerformance } from './unit.service';
import { Unit } from './unit.type';

@Resolver(() => Unit)
export class PerformanceUnitResolver {
  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Whether the performance service has recorded this unit from the training service (unit terdaftar, registered event).' +
      unavailableNote('performance'),
  })
  async knownToPerformance(@Root() unit: Unit, @Ctx() ctx: RequestContext): Promise<boolean> {
    return knownToPerformance(ctx, unit.code);
  }
}
