import { Provenance } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { PublishedFigureEntity, RealizationEntryEntity } from '../realization/realization.entity';
import { PADANG } from './plan.seed';

const REPORT = 'LAKIP 2022 BBPPKS Padang';
const ENTERED_BY = 'seed: LAKIP 2022 BBPPKS Padang';
const ENTERED_AT = new Date('2023-02-01T00:00:00Z');

/**
 * Realisations entered by hand: the 2021 figures (no records exist for that year in the graph)
 * and SK5.1 for 2022, which the agreement fills with the latest SAKIP score available. Every
 * other 2022 realisation is derived from the training and budget subgraphs' events.
 */
export const ENTRIES = [
  { year: 2021, indicatorCode: 'SK2.2', value: 2000, note: '2021 measured persons trained (orang), not a percentage' },
  {
    year: 2021,
    indicatorCode: 'SK5.1',
    value: 72.05,
    note: 'SAKIP score of 2020, used for 2021 (berdasarkan nilai tahun sebelumnya)',
  },
  { year: 2021, indicatorCode: 'SK5.2', value: 94.1, note: '2021 budget performance score as reported' },
  {
    year: 2021,
    indicatorCode: 'SK6.1',
    value: 3.5,
    note: '2021 perception index on a 1-4 scale (indeks persepsi), not the 25-100 IKM',
  },
  {
    year: 2022,
    indicatorCode: 'SK5.1',
    value: 80.07,
    note: 'SAKIP score of 2021 (final round, August 2022); 2022 was not yet evaluated when the report was written',
  },
];

type Published = {
  year: number;
  code: string;
  target: number | null;
  realization: number | null;
  achievement: number | null;
  note?: string;
};

/** Figures as printed in the report, kept so that auditors see where derivation and print differ. */
export const PUBLISHED: Published[] = [
  { year: 2021, code: 'SK1.1', target: 0, realization: 0, achievement: 0, note: 'Printed as 0: not measured in 2021' },
  { year: 2021, code: 'SK2.1', target: 0, realization: 0, achievement: 0, note: 'Printed as 0: not measured in 2021' },
  {
    year: 2021,
    code: 'SK2.2',
    target: 2000,
    realization: 2000,
    achievement: 100,
    note: '2021 counted persons (orang), not a percentage',
  },
  { year: 2021, code: 'SK3.1', target: 0, realization: 0, achievement: 0, note: 'Printed as 0: not measured in 2021' },
  { year: 2021, code: 'SK4.1', target: 0, realization: 0, achievement: 0, note: 'Printed as 0: not measured in 2021' },
  { year: 2021, code: 'SK5.1', target: 70, realization: 72.05, achievement: 102.93 },
  {
    year: 2021,
    code: 'SK5.2',
    target: 88.5,
    realization: 94.1,
    achievement: 166.9,
    note: 'Printed 166.9% does not follow from 94.1 / 88.5 x 100 = 106.33',
  },
  {
    year: 2021,
    code: 'SK6.1',
    target: 3.5,
    realization: 3.5,
    achievement: 100,
    note: '2021 used a 1-4 perception scale',
  },
  {
    year: 2022,
    code: 'SK1.1',
    target: 73,
    realization: 84.65,
    achievement: 115.95,
    note: 'Printed 115.95; 84.65 / 73 x 100 = 115.9589 rounds half-up to 115.96. The text also says "85%" and "202 dari 200"',
  },
  {
    year: 2022,
    code: 'SK2.1',
    target: 82,
    realization: 97.05,
    achievement: 118.35,
    note: "The table's last column prints 121.34 for the same achievement",
  },
  {
    year: 2022,
    code: 'SK2.2',
    target: 97,
    realization: 100,
    achievement: 103.09,
    note: 'The closing chapter prints 97.05% against a target of 100% (copied from SK2.1)',
  },
  { year: 2022, code: 'SK3.1', target: 75, realization: 100, achievement: 133.33 },
  { year: 2022, code: 'SK4.1', target: 100, realization: 100, achievement: 100 },
  {
    year: 2022,
    code: 'SK5.1',
    target: 75,
    realization: 80.07,
    achievement: 106.76,
    note: "The table's last column prints 106.07",
  },
  {
    year: 2022,
    code: 'SK5.2',
    target: 75,
    realization: 92.94,
    achievement: 123.92,
    note: 'Printed 92.94 adds rounded parts (55.82 + 37.12); 60% x 93.04 + 40% x 92.82 = 92.952 rounds to 92.95, giving 123.93',
  },
  { year: 2022, code: 'SK6.1', target: 90, realization: 91.6, achievement: 101.78 },
  {
    year: 2022,
    code: 'SK1',
    target: null,
    realization: null,
    achievement: 115.95,
    note: "Efficiency table (analisis efisiensi); follows SK1.1's printed 115.95",
  },
  {
    year: 2022,
    code: 'SK2',
    target: null,
    realization: null,
    achievement: 110.7,
    note: 'Efficiency table; mean(118.35, 103.09) = 110.72',
  },
  { year: 2022, code: 'SK3', target: null, realization: null, achievement: 133.33, note: 'Efficiency table' },
  { year: 2022, code: 'SK4', target: null, realization: null, achievement: 100, note: 'Efficiency table' },
  {
    year: 2022,
    code: 'SK5',
    target: null,
    realization: null,
    achievement: 115.34,
    note: 'Efficiency table; mean(106.76, 123.92) = 115.34 with the printed SK5.2, 115.35 with the derived 123.93',
  },
  { year: 2022, code: 'SK6', target: null, realization: null, achievement: 101.78, note: 'Efficiency table' },
];

export async function seedHistory(m: EntityManager): Promise<void> {
  await m.insert(
    RealizationEntryEntity,
    ENTRIES.map((e) => ({
      ...e,
      unitCode: PADANG,
      enteredBy: ENTERED_BY,
      enteredAt: ENTERED_AT,
      provenance: Provenance.REPORTED,
    })),
  );
  await m.insert(
    PublishedFigureEntity,
    PUBLISHED.map((p) => ({ ...p, unitCode: PADANG, source: REPORT, note: p.note ?? null })),
  );
}
