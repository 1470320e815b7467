import { type RequestContext, unavailableNote } from '@kesos/infra';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { KnownUnitEntity } from './known-unit.entity';
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
    return ctx.loaders
      .get<string, boolean>('knownUnit', async (codes) => {
        const rows = await ctx.db.dataSource.getRepository(KnownUnitEntity).find();
        const known = new Set(rows.map((r) => r.code));
        return codes.map((c) => known.has(c));
      })
      .load(unit.code);
  }
}
