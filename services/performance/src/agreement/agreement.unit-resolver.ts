import { assertCanRead, RequestContext, unavailableNote } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { agreementsByUnitYear } from './agreement.loader';
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
    assertCanRead(ctx.caller, unit.code);
    return agreementsByUnitYear(ctx).load({ unit: unit.code, year });
  }
}
