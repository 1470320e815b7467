import { RequestContext, unavailableNote } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { performanceAgreements } from './agreement.service';
import { PerformanceAgreement } from './agreement.type';

@Resolver(() => Unit)
export class UnitAgreementResolver {
  @FieldResolver(() => [PerformanceAgreement], {
    nullable: true,
    description:
      'Performance agreements (perjanjian kinerja) of the unit for a year, every version, oldest first. Readable by the unit, analysts and admins.' +
      unavailableNote('performance'),
  })
  async performanceAgreements(
    @Root() unit: Unit,
    @Arg('year', () => Int, { description: 'Year' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<PerformanceAgreement[]> {
    return performanceAgreements(ctx, unit.code, year);
  }
}
