import { assertCanRead, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { validYear } from '../common/common.validation';
import { Unit } from '../unit/unit.type';
import { atensiSummaryByUnitYear } from './atensi.loader';
import { AtensiSummary } from './atensi.type';

@Resolver(() => Unit)
export class UnitAtensiResolver {
  @FieldResolver(() => AtensiSummary, {
    description:
      'ATENSI cases received in a year, in total and per type of service (rekap layanan ATENSI, indikator SK4.1); readable by the unit, analysts and admins',
  })
  async atensiSummary(
    @Root() unit: Unit,
    @Arg('year', () => Int, { description: 'Year the cases were received (tahun)' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<AtensiSummary> {
    assertCanRead(ctx.caller, unit.code);
    return atensiSummaryByUnitYear(ctx).load({ unit: unit.code, year: validYear('year', year) });
  }
}
