import { Provenance, writeEvents } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { rebuildAccreditationStats } from '../accreditation-stats/accreditation-stats.service';
import {
  AccreditationAssessmentEntity,
  AccreditationTargetEntity,
  LksInstitutionEntity,
} from '../accreditation/accreditation.entity';
import { accreditationDecidedEvent } from '../accreditation/accreditation.events';
import { AccreditationResult, LksKind } from '../accreditation/accreditation.type';
import { addDays, insertInChunks, pad, spread, WORK_AREA_PLACES } from './seed.helpers';
import { PADANG_WORK_AREA } from './units.seed';

/**
 * Accreditation of LKS by BBPPKS Padang in 2022 (report, SK1.1 and RKT): target 200 LKS,
 * 202 assessed, 171 accredited (84.65%). The report prints only these totals and no institution
 * or decision, so every institution and assessment below is RECONSTRUCTED: made so that the
 * records add up to the printed totals. Their details are invented and say so:
 * - the institutions: "LKS Sintetis 001" ... "LKS Sintetis 202", spread over the eight
 *   work-area provinces, four in ten child welfare institutions (the commonest kind);
 * - the 171 accredited split A 38, B 86, C 47 (a plausible spread, most institutions at B),
 *   31 not accredited, spread evenly over the list;
 * - visits from July to November 2022 by teams of two of twelve synthetic assessors
 *   ("Asesor Sintetis 01" ...), decided 14 days after the visit.
 * Ids are numbered here: the seed runs only on an empty database.
 */
export const ACCREDITATION_2022 = {
  unit: 'BBPPKS-PADANG',
  year: 2022,
  target: 200,
  assessed: 202,
  results: { A: 38, B: 86, C: 47, NOT_ACCREDITED: 31 } as Record<AccreditationResult, number>,
  firstVisit: '2022-07-04',
  visitDays: 150,
  assessors: 12,
};

const KINDS: LksKind[] = [
  LksKind.CHILDREN,
  LksKind.CHILDREN,
  LksKind.CHILDREN,
  LksKind.CHILDREN,
  LksKind.ELDERLY,
  LksKind.ELDERLY,
  LksKind.DISABILITY,
  LksKind.DISABILITY,
  LksKind.SOCIAL_REHABILITATION,
  LksKind.COMMUNITY,
];

/** Results in list order: not-accredited spread over all, A spread over the accredited, C over the rest, then B. */
function results(): AccreditationResult[] {
  const { assessed, results: r } = ACCREDITATION_2022;
  const accredited = assessed - r.NOT_ACCREDITED;
  const out: AccreditationResult[] = [];
  let a = 0;
  let notA = 0;
  for (let i = 0; i < assessed; i++) {
    if (spread(assessed, r.NOT_ACCREDITED, i)) out.push(AccreditationResult.NOT_ACCREDITED);
    else if (spread(accredited, r.A, a++)) out.push(AccreditationResult.A);
    else out.push(spread(accredited - r.A, r.C, notA++) ? AccreditationResult.C : AccreditationResult.B);
  }
  return out;
}

export async function seedAccreditation(m: EntityManager): Promise<void> {
  const { unit, year, target, assessed, firstVisit, visitDays, assessors } = ACCREDITATION_2022;
  const provinces = PADANG_WORK_AREA.map(([name]) => name);
  const decided = results();
  const institutions: LksInstitutionEntity[] = [];
  const assessments: AccreditationAssessmentEntity[] = [];
  for (let j = 0; j < assessed; j++) {
    const province = provinces[j % provinces.length];
    const places = WORK_AREA_PLACES[province] ?? [province];
    institutions.push({
      id: j + 1,
      unitCode: unit,
      name: `LKS Sintetis ${pad(j + 1, 3)}`,
      kind: KINDS[j % KINDS.length],
      province,
      regency: places[Math.floor(j / provinces.length) % places.length],
      provenance: Provenance.RECONSTRUCTED,
    });
    const visitDate = addDays(firstVisit, Math.floor((j * visitDays) / assessed));
    assessments.push({
      id: j + 1,
      unitCode: unit,
      year,
      institutionId: j + 1,
      visitDate,
      assessorTeam: [
        `Asesor Sintetis ${pad(((2 * j) % assessors) + 1, 2)}`,
        `Asesor Sintetis ${pad(((2 * j + 1) % assessors) + 1, 2)}`,
      ],
      result: decided[j],
      decidedOn: addDays(visitDate, 14),
      provenance: Provenance.RECONSTRUCTED,
    });
  }
  await m.insert(AccreditationTargetEntity, { unitCode: unit, year, institutions: target });
  await insertInChunks(m, LksInstitutionEntity, institutions);
  await insertInChunks(m, AccreditationAssessmentEntity, assessments);
  await rebuildAccreditationStats(m);
  await writeEvents(
    m,
    assessments.map((a) => accreditationDecidedEvent(a, `${a.decidedOn}T03:00:00.000Z`)),
  );
}
