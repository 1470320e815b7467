import { Provenance } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { SakipEvaluationEntity } from '../sakip/sakip.entity';

const SOURCE = 'Inspektorat Bidang Penunjang, as printed in LAKIP 2022 BBPPKS Padang';

/** SAKIP scores of the eight units: 2020 (one round), 2021 (March and August 2022 rounds), in the report's order. */
const UNITS = [
  'POLTEKESOS-BANDUNG',
  'B2P3KS-YOGYAKARTA',
  'BBPPKS-PADANG',
  'BBPPKS-BANDUNG',
  'BBPPKS-YOGYAKARTA',
  'BBPPKS-BANJARMASIN',
  'BBPPKS-MAKASSAR',
  'BBPPKS-JAYAPURA',
];
const ROUNDS: { year: number; round: number; roundLabel: string; scores: number[] }[] = [
  { year: 2020, round: 1, roundLabel: 'Evaluasi 2020', scores: [82.93, 80.63, 72.05, 74.86, 76.83, 80.77, 82.4, 72.3] },
  { year: 2021, round: 1, roundLabel: 'Maret 2022', scores: [82.03, 66.98, 80.07, 80.26, 81.38, 80.95, 81.99, 80.95] },
  {
    year: 2021,
    round: 2,
    roundLabel: 'Agustus 2022 (final)',
    scores: [82.03, 70.04, 80.07, 80.26, 81.38, 80.95, 81.99, 80.95],
  },
];

export async function seedSakip(m: EntityManager): Promise<void> {
  const enteredAt = new Date('2023-02-01T00:00:00Z');
  await m.insert(
    SakipEvaluationEntity,
    ROUNDS.flatMap((r) =>
      UNITS.map((unitCode, i) => ({
        unitCode,
        year: r.year,
        round: r.round,
        roundLabel: r.roundLabel,
        score: r.scores[i],
        source: SOURCE,
        enteredBy: 'seed: LAKIP 2022 BBPPKS Padang',
        enteredAt,
        provenance: Provenance.REPORTED,
      })),
    ),
  );
}
