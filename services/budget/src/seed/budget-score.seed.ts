import { Provenance } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { IkpaComponentEntity } from '../budget-score/budget-score.entity';
import { saveBudgetPerformance } from '../budget-score/budget-score.service';
import { PADANG } from './padang-2022.seed';

/**
 * Budget performance of BBPPKS Padang. 2022: SMART 93.04 and IKPA 92.82 as published; the report
 * prints the combined score as 92.94 (it truncated 40% x 92.82 = 37.128 to 37.12), while the
 * derived score is 92.95; both are kept. 2021: the report gives only the combined score (NKA 94.1,
 * indicator SK5.2), so SMART and IKPA stay empty and no score is derived or published as an event.
 * IKPA 2022 weights are the finance ministry's; the report gives no component scores, so none are recorded.
 */
export const IKPA_2022: [string, string, number][] = [
  ['REVISI_DIPA', 'Revisi DIPA', 10],
  ['DEVIASI_HALAMAN_III_DIPA', 'Deviasi Halaman III DIPA', 10],
  ['PENYERAPAN_ANGGARAN', 'Penyerapan Anggaran', 20],
  ['DATA_KONTRAK', 'Data Kontrak (belanja kontraktual)', 10],
  ['PENYELESAIAN_TAGIHAN', 'Penyelesaian Tagihan', 10],
  ['PENGELOLAAN_UP_TUP', 'Pengelolaan UP dan TUP', 10],
  ['DISPENSASI_SPM', 'Dispensasi SPM', 5],
  ['CAPAIAN_OUTPUT', 'Capaian Output', 25],
];

export async function seedPadangPerformance(m: EntityManager): Promise<void> {
  await m.insert(
    IkpaComponentEntity,
    IKPA_2022.map(([code, name, weight], i) => ({ year: 2022, code, name, weight, position: i + 1 })),
  );
  await saveBudgetPerformance(m, {
    unitCode: PADANG,
    year: 2021,
    smartScore: null,
    ikpaScore: null,
    publishedScore: 94.1,
    note: 'Report gives only the combined score (NKA 94.1)',
    provenance: Provenance.REPORTED,
  });
  // Written to the outbox like any later recording, so the performance service derives SK5.2 from the event.
  await saveBudgetPerformance(m, {
    unitCode: PADANG,
    year: 2022,
    smartScore: 93.04,
    ikpaScore: 92.82,
    publishedScore: 92.94,
    note: 'SMART and IKPA as published; the report prints 92.94 after truncating 37.128 to 37.12',
    provenance: Provenance.REPORTED,
  });
}
