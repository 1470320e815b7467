import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { SignAgreementInput } from './agreement.input';
import { signPerformanceAgreement } from './agreement.service';
import { PerformanceAgreement } from './agreement.type';

@Resolver()
export class AgreementMutationResolver {
  @Mutation(() => PerformanceAgreement, {
    description:
      "Records a new version of a performance agreement (original or revision); earlier versions stay unchanged. By the unit's operator or an admin",
  })
  async signPerformanceAgreement(
    @Arg('input', { description: 'The agreement as signed' }) input: SignAgreementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PerformanceAgreement> {
    return signPerformanceAgreement(ctx, input);
  }
}
