import type { RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { certificationSummary } from './certification.service';
import { CertificationSummary } from './certification.type';

@Resolver(() => Unit)
export class UnitCertificationResolver {
  @FieldResolver(() => CertificationSummary, {
    description:
      'Certification of SDM Kesos in a year (rekap sertifikasi SDM Kesos, indikator SK2.1); readable by the unit, analysts and admins',
  })
  async certificationSummary(
    @Root() unit: Unit,
    @Arg('year', () => Int, { description: 'Year (tahun)' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationSummary> {
    return certificationSummary(ctx, unit.code, year);
  }
}
