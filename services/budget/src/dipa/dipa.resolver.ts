import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { BudgetRevision } from '../revision/revision.type';
import { OpenDipaInput } from './dipa.input';
import { openDipa } from './dipa.service';

@Resolver()
export class DipaResolver {
  @Mutation(() => BudgetRevision, {
    description:
      'Records the initial DIPA (DIPA awal, revision 0) of a satker for a fiscal year, and the satker when it is new (operator of the unit or admin); later changes are revisions',
  })
  async openDipa(
    @Arg('input', { description: 'The DIPA with its hierarchy and line ceilings' }) input: OpenDipaInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BudgetRevision> {
    return openDipa(ctx, input);
  }
}
