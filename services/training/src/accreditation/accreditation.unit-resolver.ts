import type { RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { accreditationSummary } from './accreditation.service';
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
    return accreditationSummary(ctx, unit.code, year);
  }
}
