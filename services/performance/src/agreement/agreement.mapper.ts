import type { AgreementItemEntity, AgreementSignatoryEntity, PerformanceAgreementEntity } from './agreement.entity';
import type { AgreementItem, AgreementSignatory, PerformanceAgreement } from './agreement.type';

export function toAgreementSignatory(s: AgreementSignatoryEntity): AgreementSignatory {
  return { party: s.party, positionTitle: s.positionTitle };
}

export function toAgreementItem(i: AgreementItemEntity): AgreementItem {
  return {
    position: i.position,
    goal: i.goal,
    indicator: i.indicator,
    indicatorCode: i.indicatorCode,
    target: i.target,
    targetUnit: i.targetUnit,
    provenance: i.provenance,
  };
}

/** One version with its signatories and lines (already in their order); `current` when it is the year's latest. */
export function toPerformanceAgreement(
  a: PerformanceAgreementEntity,
  signatories: AgreementSignatoryEntity[],
  items: AgreementItemEntity[],
  current: boolean,
): PerformanceAgreement {
  return {
    year: a.year,
    version: a.version,
    title: a.title,
    reason: a.reason,
    signedPlace: a.signedPlace,
    signedMonth: a.signedMonth,
    current,
    signatories: signatories.map(toAgreementSignatory),
    items: items.map(toAgreementItem),
    provenance: a.provenance,
  };
}
