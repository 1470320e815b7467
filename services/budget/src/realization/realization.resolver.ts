import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
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
    @Arg('first', () => Int, { defaultValue: 100, description: 'Page size, 1-500' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'nextCursor of the previous page' })
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
