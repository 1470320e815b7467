import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { BudgetTransfer } from '../revision/revision.type';
import { RecordBudgetTransferInput } from './transfer.input';
import { recordTransfer } from './transfer.service';

@Resolver()
export class TransferResolver {
  @Mutation(() => BudgetTransfer, {
    description:
      'Moves budget between satkers (or records budget delegated by another unit): the cutting and the receiving revision and the transfer that links them, all or nothing; optionally closes the giving satker (operator of both units, or admin)',
  })
  async recordBudgetTransfer(
    @Arg('input', { description: 'The transfer and its two sides' }) input: RecordBudgetTransferInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BudgetTransfer> {
    return recordTransfer(ctx, input);
  }
}
