import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { changesByRevision } from './revision.loader';
import { RecordRevisionInput } from './revision.input';
import { recordRevision } from './revision.service';
import { BudgetRevision, LineChange } from './revision.type';

@Resolver(() => BudgetRevision)
export class RevisionResolver {
  @FieldResolver(() => [LineChange], { description: 'The line-level changes the revision made' })
  async changes(@Root() r: BudgetRevision, @Ctx() ctx: RequestContext): Promise<LineChange[]> {
    return changesByRevision(ctx).load(r.id);
  }

  @Mutation(() => BudgetRevision, {
    description:
      "Appends the next revision of a satker's DIPA (operator of the unit or admin); earlier revisions are never changed",
  })
  async recordBudgetRevision(
    @Arg('input', { description: 'The revision and its line changes' }) input: RecordRevisionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BudgetRevision> {
    return recordRevision(ctx, input);
  }
}
