import type { RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { atensiSummary } from './atensi.service';
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
    return atensiSummary(ctx, unit.code, year);
  }
}
