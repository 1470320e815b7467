import { Provenance } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import type { DipaSpec } from './dipa.seed';
import { seedDipa } from './dipa.seed';

/**
 * BBPPKS Padang 2018-2021, satker 369283: ceiling and realisation per expense type from the
 * report's table "Matrik Perbandingan Kerangka Keuangan Anggaran dan Realisasi 2018-2022".
 * The report gives one final ceiling per expense type and no revision history or account detail,
 * so each year is recorded as one DIPA state (number 0, dated 1 January: reconstructed) with one
 * summary line per expense type (accounts 51/52/53), and the realisation as a monthly split.
 * Provenance: the DIPA and its summary lines with their ceilings are REPORTED (the table gives
 * them); the dated DIPA state and the monthly transactions are RECONSTRUCTED.
 */
const HISTORY: [number, [number, number], [number, number], [number, number]][] = [
  // year, [PERSONNEL ceiling, realised], [GOODS ...], [CAPITAL ...]
  [2018, [5_333_241_000, 5_330_273_234], [15_954_200_000, 15_932_581_547], [4_290_600_000, 4_286_951_700]],
  [2019, [5_780_350_000, 5_630_301_624], [48_787_321_000, 48_482_166_369], [144_000_000, 143_500_000]],
  [2020, [5_821_080_000, 5_467_163_742], [16_807_366_000, 16_184_949_881], [3_520_000_000, 3_515_087_732]],
  [2021, [6_006_998_000, 5_780_720_412], [6_697_773_000, 6_635_406_211], [200_000_000, 199_920_000]],
];

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

export async function seedPadangHistory(m: EntityManager, documentSeq: { next: number }): Promise<void> {
  for (const [year, personnel, goods, capital] of HISTORY) {
    const line = (account: string, [ceiling, realized]: [number, number]) => ({
      output: null,
      component: null,
      componentName: null,
      account,
      goal: null,
      changes: [ceiling],
      realized,
    });
    const spec: DipaSpec = {
      satkerCode: '369283',
      year,
      revisions: [
        {
          authority: 'DJA',
          date: `${year}-01-01`,
          description: `DIPA ${year} as finally reported (final ceiling per expense type; the report gives no revision history for this year, so the date is reconstructed)`,
          provenance: Provenance.RECONSTRUCTED,
        },
      ],
      provenance: {
        dipa: Provenance.REPORTED,
        lines: Provenance.REPORTED,
        targets: Provenance.REPORTED,
        spending: Provenance.RECONSTRUCTED,
      },
      programmes: [],
      lines: [line('51', personnel), line('52', goods), line('53', capital)],
      schedule: {
        dates: MONTHS.map((mm) => `${year}-${mm}-25`),
        personnel: MONTHS.map(() => 1),
        other: [4, 5, 6, 7, 7, 8, 8, 9, 9, 10, 11, 16],
      },
    };
    await seedDipa(m, spec, documentSeq);
  }
}
