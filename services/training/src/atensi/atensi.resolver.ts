import type { RequestContext } from '@kesos/infra';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { CloseAtensiCaseInput, OpenAtensiCaseInput } from './atensi.input';
import { closeCase, listCases, openCase } from './atensi.service';
import { AtensiCase, AtensiCasePage, AtensiCaseStatus, AtensiServiceType } from './atensi.type';

@Resolver(() => AtensiCase)
export class AtensiResolver {
  @Query(() => AtensiCasePage, {
    description:
      'ATENSI cases of a unit (daftar kasus ATENSI), oldest first, paged by cursor; readable by the unit, analysts and admins',
  })
  async atensiCases(
    @Arg('unit', () => ID, { description: 'Unit code (kode unit), e.g. BBPPKS-PADANG' }) unit: string,
    @Arg('year', () => Int, { nullable: true, description: 'Only cases received in this year (tahun)' })
    year: number | null,
    @Arg('serviceType', () => AtensiServiceType, {
      nullable: true,
      description: 'Only this type of service (jenis layanan)',
    })
    serviceType: AtensiServiceType | null,
    @Arg('status', () => AtensiCaseStatus, { nullable: true, description: 'Only cases in this status (status kasus)' })
    status: AtensiCaseStatus | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size (jumlah per halaman), 1-200' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor from the previous page, pageInfo.endCursor (kursor halaman sebelumnya)',
    })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AtensiCasePage> {
    return listCases(ctx, { unit, year, serviceType, status, first, after });
  }

  @Mutation(() => AtensiCase, {
    description: 'Records a case received (terima kasus ATENSI), status OPEN; operator of the unit or admin',
  })
  async openAtensiCase(
    @Arg('input', { description: 'The case' }) input: OpenAtensiCaseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AtensiCase> {
    return openCase(ctx, input);
  }

  @Mutation(() => AtensiCase, {
    description:
      'Closes an open case, served or not (tutup kasus ATENSI); operator of the unit or admin; publishes training.atensi.case-closed',
  })
  async closeAtensiCase(
    @Arg('input', { description: 'The closing' }) input: CloseAtensiCaseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AtensiCase> {
    return closeCase(ctx, input);
  }
}
