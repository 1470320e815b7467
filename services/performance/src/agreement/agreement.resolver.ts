import { assertCanWrite, RequestContext } from '@kesos/infra';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { assertKnownUnit, assertYear } from '../unit/unit.service';
import { AgreementItemEntity, AgreementSignatoryEntity, PerformanceAgreementEntity } from './agreement.entity';
import { SignAgreementInput, validateAgreement } from './agreement.input';
import { agreementsByUnitYear } from './agreement.loader';
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
    assertCanWrite(ctx.caller, input.unitCode);
    assertYear(input.year);
    validateAgreement(input);
    await ctx.db.transaction(async (tx) => {
      const m = tx.manager;
      await assertKnownUnit(m, input.unitCode);
      const last = await m.findOne(PerformanceAgreementEntity, {
        where: { unitCode: input.unitCode, year: input.year },
        order: { version: 'DESC' },
      });
      const agreement = m.create(PerformanceAgreementEntity, {
        unitCode: input.unitCode,
        year: input.year,
        version: (last?.version ?? 0) + 1,
        title: input.title.trim(),
        reason: input.reason?.trim() || null,
        signedPlace: input.signedPlace?.trim() || null,
        signedMonth: input.signedMonth ?? null,
        recordedBy: ctx.caller.subject,
        recordedAt: new Date(),
      });
      await m.insert(PerformanceAgreementEntity, agreement);
      await m.insert(
        AgreementSignatoryEntity,
        input.signatories.map((s) => ({
          agreementId: agreement.id,
          party: s.party,
          positionTitle: s.positionTitle.trim(),
        })),
      );
      await m.insert(
        AgreementItemEntity,
        input.items.map((item, i) => ({
          agreementId: agreement.id,
          position: i + 1,
          goal: item.goal.trim(),
          indicator: item.indicator.trim(),
          indicatorCode: item.indicatorCode ?? null,
          target: item.target,
          targetUnit: item.targetUnit.trim(),
        })),
      );
    });
    const versions = await agreementsByUnitYear(ctx).load({ unit: input.unitCode, year: input.year });
    return versions[versions.length - 1]!;
  }
}
