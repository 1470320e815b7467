import { Provenance, writeEvents } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { rebuildCertificationStats } from '../certification-stats/certification-stats.service';
import {
  CertificationAssessmentEntity,
  CertificationCandidateEntity,
  CertificationSessionEntity,
} from '../certification/certification.entity';
import { certificationAssessedEvent } from '../certification/certification.events';
import { CertificationCategory, CertificationResult } from '../certification/certification.type';
import { addDays, insertInChunks, pad, spread, WORK_AREA_PLACES } from './seed.helpers';
import { PADANG_WORK_AREA } from './units.seed';

/**
 * Certification of SDM Kesos by BBPPKS Padang in 2022 (report, SK2.1): 3,000 TKS and RS planned,
 * 2,987 assessed, 2,899 competent (97.05%). The report prints only these totals and no candidate,
 * session or result, so every record below is RECONSTRUCTED: made so that the records add up to
 * the printed totals. Their details are invented and say so:
 * - the people: "Asesi Sintetis 0001" ... "Asesi Sintetis 3000", split 1,750 TKS and 1,250 RS,
 *   375 from each of the eight work-area provinces;
 * - 24 sessions, three per province, one a week from June to November 2022;
 * - the 13 candidates not assessed and the 88 not (yet) competent, spread evenly over the list.
 * The database is empty when the seed runs, so the seed numbers its records itself and can write
 * multi-row inserts instead of reading generated ids back.
 */
export const CERTIFICATION_2022 = {
  unit: 'BBPPKS-PADANG',
  year: 2022,
  planned: 3000,
  assessed: 2987,
  competent: 2899,
  sessionsPerProvince: 3,
  firstSession: '2022-06-06',
};

export async function seedCertification(m: EntityManager): Promise<void> {
  const { unit, year, planned, assessed, competent, sessionsPerProvince } = CERTIFICATION_2022;
  const provinces = PADANG_WORK_AREA.map(([name]) => name);
  const perProvince = planned / provinces.length;
  const perSession = perProvince / sessionsPerProvince;

  const sessions: CertificationSessionEntity[] = provinces.flatMap((province, p) =>
    Array.from({ length: sessionsPerProvince }, (_, s) => {
      const n = p * sessionsPerProvince + s;
      const startDate = addDays(CERTIFICATION_2022.firstSession, 7 * n);
      const regency = (WORK_AREA_PLACES[province] ?? [])[0] ?? province;
      return {
        id: n + 1,
        unitCode: unit,
        year,
        name: `Uji Kompetensi SDM Kesos ${province} Angkatan ${s + 1}`,
        province,
        regency,
        startDate,
        endDate: addDays(startDate, 2),
        provenance: Provenance.RECONSTRUCTED,
      };
    }),
  );

  const candidates: CertificationCandidateEntity[] = [];
  const assessments: CertificationAssessmentEntity[] = [];
  let k = 0;
  for (let i = 0; i < planned; i++) {
    const p = Math.floor(i / perProvince);
    const province = provinces[p];
    const places = WORK_AREA_PLACES[province] ?? [province];
    candidates.push({
      id: i + 1,
      unitCode: unit,
      year,
      name: `Asesi Sintetis ${pad(i + 1, 4)}`,
      category: i % 12 < 7 ? CertificationCategory.TKS : CertificationCategory.RS,
      originProvince: province,
      originRegency: places[i % places.length],
      provenance: Provenance.RECONSTRUCTED,
    });
    if (spread(planned, planned - assessed, i)) continue;
    const session = sessions[p * sessionsPerProvince + Math.floor((i % perProvince) / perSession)];
    assessments.push({
      id: k + 1,
      unitCode: unit,
      year,
      sessionId: session.id,
      candidateId: i + 1,
      result: spread(assessed, assessed - competent, k)
        ? CertificationResult.BELUM_KOMPETEN
        : CertificationResult.KOMPETEN,
      assessedOn: addDays(session.startDate, i % 3),
      provenance: Provenance.RECONSTRUCTED,
    });
    k++;
  }

  await insertInChunks(m, CertificationSessionEntity, sessions);
  await insertInChunks(m, CertificationCandidateEntity, candidates);
  await insertInChunks(m, CertificationAssessmentEntity, assessments);
  await rebuildCertificationStats(m);
  await writeEvents(
    m,
    assessments.map((a) => certificationAssessedEvent(a, `${a.assessedOn}T03:00:00.000Z`)),
  );
}
