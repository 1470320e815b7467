import { assertCanRead, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { validYear } from '../common/common.validation';
import { Unit } from '../unit/unit.type';
import { accreditationSummaryByUnitYear } from './accreditation.loader';
import { AccreditationSummary } from './accreditation.type';

@Resolver(() => Unit)
export class UnitAccreditationResolver {
  @FieldResolver(() => AccreditationSummary, {
    description:
      'Accreditation of LKS in a year (rekap akreditasi LKS, indikator SK1.1); readable by the unit, analysts and admins',
  })
  async accreditationSummary(
    @Root() unit: Unit,
    @Arg('year', () => Int, { description: 'Year (tahun)' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<AccreditationSummary> {
    assertCanRead(ctx.caller, unit.code);
    return accreditationSummaryByUnitYear(ctx).load({ unit: unit.code, year: validYear('year', year) });
  }
}
