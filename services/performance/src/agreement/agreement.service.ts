import type { RequestContext } from '@kesos/infra';
import { assertCanRead, assertCanWrite, Provenance } from '@kesos/infra';
import { assertKnownUnit, assertYear } from '../unit/unit.service';
import { AgreementItemEntity, AgreementSignatoryEntity, PerformanceAgreementEntity } from './agreement.entity';
import type { SignAgreementInput } from './agreement.input';
import { validateAgreement } from './agreement.input';
import { agreementsByUnitYear } from './agreement.loader';
import type { PerformanceAgreement } from './agreement.type';

/** Every version of a unit's agreements for a year, oldest first; the unit, analysts and admins may read them. */
export async function performanceAgreements(
  ctx: RequestContext,
  unitCode: string,
  year: number,
): Promise<PerformanceAgreement[]> {
  assertCanRead(ctx.caller, unitCode);
  return agreementsByUnitYear(ctx).load({ unit: unitCode, year });
}

/**
 * Records the next version of a unit's agreement for a year (the first, or a revision); earlier
 * versions stay as they were signed. The unit's operator or an admin, for a registered unit.
 */
export async function signPerformanceAgreement(
  ctx: RequestContext,
  input: SignAgreementInput,
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
      provenance: Provenance.OPERATIONAL,
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
        provenance: Provenance.OPERATIONAL,
      })),
    );
  });
  // Read back through the loader, as a query would show it (the new version is the current one).
  const versions = await agreementsByUnitYear(ctx).load({ unit: input.unitCode, year: input.year });
  return versions[versions.length - 1];
}
