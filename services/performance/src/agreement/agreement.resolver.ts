import { assertCanRead, assertCanWrite, RequestContext, unavailableNote } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { assertKnownUnit, assertYear } from '../unit/unit.service';
import { AgreementItemEntity, AgreementSignatoryEntity, PerformanceAgreementEntity } from './agreement.entity';
import { SignAgreementInput, validateAgreement } from './agreement.input';
import { agreementsByUnitYear } from './agreement.loader';
import { PerformanceAgreement } from './agreement.type';

@Resolver(() => Unit)
export class UnitAgreementResolver {
  @FieldResolver(() => [PerformanceAgreement], { nullable: true, description: 'Performance agreements (perjanjian kinerja) of the unit for a year, every version, oldest first. Readable by the unit, analysts and admins.' + unavailableNote('performance') })
  async performanceAgreements(@Root() unit: Unit, @Arg('year', () => Int, { description: 'Year' }) year: number, @Ctx() ctx: RequestContext): Promise<PerformanceAgreement[]> {
    assertCanRead(ctx.caller, unit.code);
    return agreementsByUnitYear(ctx).load({ unit: unit.code, year });
  }
}

@Resolver()
export class AgreementMutationResolver {
  @Mutation(() => PerformanceAgreement, { description: 'Records a new version of a performance agreement (original or revision); earlier versions stay unchanged. By the unit\'s operator or an admin' })
  async signPerformanceAgreement(@Arg('input', { description: 'The agreement as signed' }) input: SignAgreementInput, @Ctx() ctx: RequestContext): Promise<PerformanceAgreement> {
    assertCanWrite(ctx.caller, input.unitCode);
    assertYear(input.year);
    validateAgreement(input);
    await ctx.db.transaction(async (tx) => {
      const m = tx.manager;
      await assertKnownUnit(m, input.unitCode);
      const last = await m.findOne(PerformanceAgreementEntity, { where: { unitCode: input.unitCode, year: input.year }, order: { version: 'DESC' } });
      const agreement = m.create(PerformanceAgreementEntity, {
        unitCode: input.unitCode, year: input.year, version: (last?.version ?? 0) + 1, title: input.title.trim(), reason: input.reason?.trim() || null,
        signedPlace: input.signedPlace?.trim() || null, signedMonth: input.signedMonth ?? null, recordedBy: ctx.caller.subject, recordedAt: new Date(),
      });
      await m.insert(PerformanceAgreementEntity, agreement);
      await m.insert(AgreementSignatoryEntity, input.signatories.map((s) => ({ agreementId: agreement.id, party: s.party, positionTitle: s.positionTitle.trim() })));
      await m.insert(AgreementItemEntity, input.items.map((item, i) => ({ agreementId: agreement.id, position: i + 1, goal: item.goal.trim(), indicator: item.indicator.trim(), indicatorCode: item.indicatorCode ?? null, target: item.target, targetUnit: item.targetUnit.trim() })));
    });
    const versions = await agreementsByUnitYear(ctx).load({ unit: input.unitCode, year: input.year });
    return versions[versions.length - 1]!;
  }
}
