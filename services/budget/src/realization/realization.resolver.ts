import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RecordRealizationInput, ReverseRealizationInput } from './realization.input';
import { listRealizations, recordRealization, reverseRealization } from './realization.service';
import { Realization, RealizationPage } from './realization.type';

@Resolver(() => Realization)
export class RealizationResolver {
  @Query(() => RealizationPage, {
    description:
      "Spending transactions of a satker's DIPA in id order, paged; readable by the unit, analysts and admins",
  })
  async budgetRealizations(
    @Arg('satkerCode', { description: 'Satker code (kode satker)' }) satkerCode: string,
    @Arg('year', () => Int, { description: 'Fiscal year (tahun anggaran)' }) year: number,
    @Arg('first', () => Int, { defaultValue: 100, description: 'Page size (jumlah per halaman), 1-500' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'pageInfo.endCursor (or nextCursor) of the previous page (kursor)',
    })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RealizationPage> {
    return listRealizations(ctx, satkerCode, year, first, after);
  }

  @Mutation(() => Realization, {
    description:
      'Records a spending transaction (operator of the unit or admin); publishes budget.realization.recorded',
  })
  async recordRealization(
    @Arg('input', { description: 'The transaction' }) input: RecordRealizationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Realization> {
    return recordRealization(ctx, input);
  }

  @Mutation(() => Realization, {
    description:
      'Cancels a transaction with a reversing entry (koreksi); publishes budget.realization.recorded with the negative amount',
  })
  async reverseRealization(
    @Arg('input', { description: 'The transaction to cancel and why' }) input: ReverseRealizationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Realization> {
    return reverseRealization(ctx, input);
  }
}

/** The page fields older clients read, kept beside the connection's nodes and pageInfo. */
@Resolver(() => RealizationPage)
export class RealizationPageResolver {
  @FieldResolver(() => [Realization], {
    description: 'Transactions on this page, the same as nodes (daftar realisasi)',
    deprecationReason: 'Use nodes / pageInfo.endCursor',
  })
  items(@Root() page: RealizationPage): Realization[] {
    return page.nodes;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Cursor to pass as `after` for the next page; null on the last page (kursor halaman berikutnya), i.e. pageInfo.endCursor while pageInfo.hasNextPage',
    deprecationReason: 'Use nodes / pageInfo.endCursor',
  })
  nextCursor(@Root() page: RealizationPage): string | null {
    return page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  }
}
