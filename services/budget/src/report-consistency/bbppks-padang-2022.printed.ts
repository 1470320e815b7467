/**
 * The budget figures of the 2022 annual report (LAKIP) of BBPPKS Padang as printed, with where
 * each stands. The printed text is copied from the report, typos included; `reads` is the number
 * it states. What the graph makes of each is derived live (report-consistency.rules.ts).
 */
import { ConsistencyVerdict, type PrintedFigure } from '@kesos/infra';

const III = 'III Akuntabilitas Kinerja';
const NEW = '690552';
const OLD = '369283';

const FIVE_YEARS = 'Five-year budget table (matrik perbandingan kerangka keuangan anggaran dan realisasi 2018-2022)';
type Column = 'ceiling' | 'realized' | 'absorption';
const COLUMN: Record<Column, string> = {
  ceiling: 'Anggaran',
  realized: 'Realisasi',
  absorption: 'Persentase (%)',
};
const COLUMN_LABEL: Record<Column, string> = {
  ceiling: 'ceiling (anggaran)',
  realized: 'realisation (realisasi)',
  absorption: 'absorption (persentase realisasi)',
};

/** A cell of the five-year table; the 2022 rows are measured against satker 690552, the only one they hold. */
function fiveYear(
  year: number,
  row: 'PERSONNEL' | 'GOODS' | 'CAPITAL' | 'total',
  column: Column,
  printed: string,
  reads: string,
  why?: PrintedFigure['why'],
): PrintedFigure {
  const rowName = { PERSONNEL: 'Belanja Pegawai', GOODS: 'Belanja Barang', CAPITAL: 'Belanja Modal', total: 'TOTAL' }[
    row
  ];
  return {
    key: `fiveYear.${year}.${row}.${column}`,
    measure: year === 2022 ? `satker.${NEW}.${row}.${column}` : `year.${year}.${row}.${column}`,
    chapter: III,
    table: FIVE_YEARS,
    row: `${year} ${rowName}, column ${COLUMN[column]}`,
    label: `${year} ${rowName} ${COLUMN_LABEL[column]}`,
    printed,
    reads,
    why,
  };
}

const FIVE_YEAR_TABLE: PrintedFigure[] = [
  fiveYear(2018, 'total', 'ceiling', '25.578.041.000', '25578041000'),
  fiveYear(2018, 'total', 'realized', '25.549.806.481', '25549806481'),
  fiveYear(2018, 'total', 'absorption', '99.89', '99.89'),
  fiveYear(2019, 'total', 'ceiling', '54.711.671.000', '54711671000'),
  fiveYear(2019, 'total', 'realized', '54.255.967.993', '54255967993'),
  fiveYear(2019, 'total', 'absorption', '99.17', '99.17'),
  fiveYear(2020, 'total', 'ceiling', '26.148.446.000', '26148446000'),
  fiveYear(2020, 'total', 'realized', '25.167.201.355', '25167201355'),
  fiveYear(2020, 'total', 'absorption', '96.25', '96.25'),
  fiveYear(2021, 'total', 'ceiling', '12.904.771.000', '12904771000'),
  fiveYear(2021, 'total', 'realized', '12.616.046.623', '12616046623'),
  fiveYear(2021, 'total', 'absorption', '97.76', '97.76'),
  fiveYear(2022, 'PERSONNEL', 'ceiling', '2.122.774.000', '2122774000'),
  fiveYear(2022, 'PERSONNEL', 'realized', '2.106.024.974', '2106024974'),
  fiveYear(2022, 'PERSONNEL', 'absorption', '99.21', '99.21'),
  fiveYear(2022, 'GOODS', 'ceiling', '6.056.979.00', '6056979.00', {
    [ConsistencyVerdict.CONTRADICTION]:
      'A digit group is missing: it reads 6,056,979.00; the lines hold 6,056,979,000, and 2,122,774,000 + 6,056,979,000 = the printed total 8,179,753,000',
  }),
  fiveYear(2022, 'GOODS', 'realized', '6.012.907.987', '6012907987'),
  fiveYear(2022, 'GOODS', 'absorption', '99.27', '99.27'),
  fiveYear(2022, 'CAPITAL', 'ceiling', '0', '0'),
  fiveYear(2022, 'CAPITAL', 'absorption', '0', '0', {
    [ConsistencyVerdict.NOT_DERIVABLE]:
      'A ceiling of 0 has no absorption; the printed 0 is not a percentage of anything',
  }),
  fiveYear(2022, 'total', 'ceiling', '8.179.753.000', '8179753000'),
  fiveYear(2022, 'total', 'realized', '8.118.932.961', '8118932961'),
  fiveYear(2022, 'total', 'absorption', '99.26', '99.26'),
  {
    key: 'fiveYear.2022.total.ceiling.year',
    measure: 'year.2022.total.ceiling',
    chapter: III,
    table: FIVE_YEARS,
    row: '2022 TOTAL, column Anggaran, read as the whole year like the rows 2018-2021',
    label: "2022 ceiling of the unit's year, all satkers (pagu tahun 2022)",
    printed: '8.179.753.000',
    reads: '8179753000',
    why: {
      [ConsistencyVerdict.CONTRADICTION]:
        'The 2022 row holds satker 690552 only; the rows before are whole years, and 2022 also had satker 369283 until September',
    },
  },
  {
    key: 'fiveYear.2022.total.realized.year',
    measure: 'year.2022.total.realized',
    chapter: III,
    table: FIVE_YEARS,
    row: '2022 TOTAL, column Realisasi, read as the whole year like the rows 2018-2021',
    label: "2022 realisation of the unit's year, all satkers (realisasi tahun 2022)",
    printed: '8.118.932.961',
    reads: '8118932961',
    why: {
      [ConsistencyVerdict.CONTRADICTION]:
        'The 2022 row holds satker 690552 only; the year spent over both satkers, 369283 (8,713,841,838) and 690552',
    },
  },
];

const YEAR_TEXT = 'Budget realisation 2022 text and charts (realisasi anggaran tahun 2022)';
const text = (
  key: string,
  measure: string,
  row: string,
  label: string,
  printed: string,
  reads: string,
  why?: PrintedFigure['why'],
): PrintedFigure => ({
  key,
  measure,
  chapter: III,
  table: YEAR_TEXT,
  row,
  label,
  printed,
  reads,
  why,
});

const SATKERS: PrintedFigure[] = [
  text(
    'satker.369283.originalCeiling',
    `satker.${OLD}.originalCeiling`,
    '"SOTK lama 369283 ... dengan pagu total sebesar"',
    "Satker 369283's initial ceiling (pagu awal OTK lama)",
    'Rp.27.531.508.000,-',
    '27531508000',
  ),
  text(
    'satker.369283.parts',
    `satker.${OLD}.sumOfParts`,
    '"pagu total sebesar Rp.27.531.508.000,-" against its parts',
    "Satker 369283's initial ceiling against its final ceiling and what moved to 690552 (pagu awal dan rinciannya)",
    'Rp.27.531.508.000,-',
    '27531508000',
    {
      [ConsistencyVerdict.CONTRADICTION]:
        '8,721,102,000 final + 7,550,496,000 moved to 690552 = 16,271,598,000: the report leaves 11,259,910,000 of the cut unexplained',
    },
  ),
  text(
    'satker.369283.ceiling',
    `satker.${OLD}.total.ceiling`,
    'Realisasi OTK Lama, Pagu',
    "Satker 369283's final ceiling (pagu akhir OTK lama)",
    'Rp. 8.721.102.000,-',
    '8721102000',
  ),
  text(
    'satker.369283.realized',
    `satker.${OLD}.total.realized`,
    'Realisasi OTK Lama, Realisasi',
    "Satker 369283's realisation (realisasi OTK lama)",
    'Rp. 8.713.841.838,-',
    '8713841838',
  ),
  text(
    'satker.690552.ceiling',
    `satker.${NEW}.total.ceiling`,
    '"SOTK baru 690552 ... dengan pagu sebesar"',
    "Satker 690552's ceiling (pagu OTK baru)",
    'Rp. 8,179,753,000,-',
    '8179753000',
  ),
  text(
    'satker.690552.realized',
    `satker.${NEW}.total.realized`,
    'Realisasi OTK Baru, Realisasi',
    "Satker 690552's realisation (realisasi OTK baru)",
    'Rp. 8.118.932.961,-',
    '8118932961',
  ),
  {
    key: 'closing.369283.absorption',
    measure: `satker.${OLD}.total.absorption`,
    chapter: 'IV Penutup',
    table: 'Closing text (penutup)',
    row: '"... Kode Satker 369283 sebesar Rp. 8.713.841.838,- atau sebesar 99,92% ..."',
    label: "Satker 369283's absorption (penyerapan anggaran OTK lama)",
    printed: '99,92%',
    reads: '99.92',
  },
  {
    key: 'closing.690552.absorption',
    measure: `satker.${NEW}.total.absorption`,
    chapter: 'IV Penutup',
    table: 'Closing text (penutup)',
    row: '"... Kode Satker 690552 penyerapan anggaran ... atau sebesar 99,26 % ..."',
    label: "Satker 690552's absorption (penyerapan anggaran OTK baru)",
    printed: '99,26 %',
    reads: '99.26',
  },
  {
    key: 'rkt.ceiling',
    measure: `satker.${NEW}.total.ceiling`,
    chapter: 'II Perencanaan Kinerja',
    table: 'Annual work plan (rencana kinerja tahunan, RKT)',
    row: 'Jumlah Anggaran',
    label: 'Budget of the annual work plan (jumlah anggaran RKT)',
    printed: 'Rp.8.179.753.000,-',
    reads: '8179753000',
  },
];

const REVISIONS = 'DIPA revision matrix of satker 690552 (matrik revisi anggaran OTK baru)';
const revision = (n: number, name: string, printed: string, reads: string): PrintedFigure => ({
  key: `revision.${NEW}.${n}.ceiling`,
  measure: `satker.${NEW}.revision.${n}.ceiling`,
  chapter: III,
  table: REVISIONS,
  row: `${n + 1} ${name}, Perubahan Pagu`,
  label: `Ceiling after ${name} (pagu setelah revisi)`,
  printed,
  reads,
});

const REVISION_MATRIX: PrintedFigure[] = [
  revision(0, 'Data Awal OTK Baru (DJA) 10 September 2022', 'Rp. 7.550.496.000,-', '7550496000'),
  revision(1, 'Revisi 01 (DJA) 19 Oktober 2022', 'Rp. 7.550.496.000,-', '7550496000'),
  revision(2, 'Revisi 02 (DJA) 4 November 2022', 'Rp. 8.179.753.000,-', '8179753000'),
  revision(3, 'Revisi 03 (DJPB) 30 November 2022', 'Rp. 8.179.753.000,-', '8179753000'),
  revision(4, 'Revisi 04 (DJPB) 13 Desember 2022', 'Rp. 8.179.753.000,-', '8179753000'),
  revision(5, 'Revisi 05 (DJPB) 15 Desember 2022', 'Rp. 8.179.753.000,-', '8179753000'),
  revision(6, 'Revisi 06 (DJPB) 22 Desember 2022', 'Rp. 8.179.753.000,-', '8179753000'),
  revision(7, 'Revisi 07 (DJPB) 27 Desember 2022', 'Rp. 8.179.753.000,-', '8179753000'),
];

const APPENDIX =
  'Allocation appendix of the performance agreement, signed "Jakarta, Oktober 2022" (program/kegiatan tahun 2022)';
const allocation = (key: string, measure: string, row: string, printed: string, reads: string): PrintedFigure => ({
  key: `appendix.${key}`,
  measure,
  chapter: 'Lampiran',
  table: APPENDIX,
  row,
  label: `${row} (anggaran)`,
  printed,
  reads,
});

const ALLOCATION: PrintedFigure[] = [
  allocation(
    '027.DN',
    `satker.${NEW}.programme.027.DN.ceiling`,
    'Program Perlindungan Sosial',
    '4,628,236,000',
    '4628236000',
  ),
  allocation(
    '6391',
    `satker.${NEW}.activity.6391.ceiling`,
    'Penyelenggaraan Diklat Pemberdayaan Masyarakat',
    '2,791,294,000',
    '2791294000',
  ),
  allocation(
    '6392',
    `satker.${NEW}.activity.6392.ceiling`,
    'Pembinaan Lembaga dan Sumber Daya Manusia Kesejahteraan Sosial',
    '1,379,896,000',
    '1379896000',
  ),
  allocation(
    '6393',
    `satker.${NEW}.activity.6393.ceiling`,
    'Penyelenggaraan Diklat Program Keluarga Harapan',
    '457,046,000',
    '457046000',
  ),
  allocation(
    '027.WA',
    `satker.${NEW}.programme.027.WA.ceiling`,
    'Program Dukungan Manajemen',
    '3,551,517,000',
    '3551517000',
  ),
  allocation(
    '6397',
    `satker.${NEW}.activity.6397.ceiling`,
    'Pengelolaan Komunikasi dan Informasi Publik',
    '11,553,000',
    '11553000',
  ),
  allocation(
    '6398',
    `satker.${NEW}.activity.6398.ceiling`,
    'Pengelolaan Perencanaan, Keuangan, BMN, dan',
    '3,389,369,000',
    '3389369000',
  ),
  {
    key: 'appendix.dated',
    measure: `satker.${NEW}.ceilingAtEndOf.2022-10`,
    chapter: 'Lampiran',
    table: APPENDIX,
    row: 'the two programme totals, against the date the appendix is signed',
    label:
      "The appendix's total (4,628,236,000 + 3,551,517,000) against satker 690552's ceiling in October 2022 (pagu per Oktober)",
    printed: '4,628,236,000 + 3,551,517,000 (Jakarta, Oktober 2022)',
    reads: '8179753000',
    why: {
      [ConsistencyVerdict.CONTRADICTION]:
        'In October the ceiling was 7,550,496,000; 8,179,753,000 exists only from Revisi 02 of 4 November 2022, after the date signed',
    },
  },
];

const EFFICIENCY = 'Efficiency analysis table (analisis efisiensi): Realisasi Anggaran column';
const absorption = (goal: string, printed: string, reads: string, why?: PrintedFigure['why']): PrintedFigure => ({
  key: `goal.${goal}.absorption`,
  chapter: III,
  table: EFFICIENCY,
  row: `goal ${goal}`,
  label: `${goal} budget absorption (realisasi anggaran sasaran)`,
  printed,
  reads,
  why,
});

const GOALS: PrintedFigure[] = [
  absorption('SK1', '99,71%', '99.71'),
  absorption('SK2', '98,98%', '98.98'),
  absorption('SK3', '99,40%', '99.40'),
  absorption('SK4', '99,42%', '99.42'),
  absorption('SK5', '99,27%', '99.27'),
];

const NKA = 'SK5.2 budget performance score (nilai kinerja anggaran): (60% x Nilai SMART) + (40% x IKPA)';
const nka = (
  key: string,
  row: string,
  label: string,
  printed: string,
  reads: string,
  why?: PrintedFigure['why'],
): PrintedFigure => ({
  key: `nka.${key}`,
  chapter: III,
  table: NKA,
  row,
  label,
  printed,
  reads,
  why,
});

const BUDGET_SCORE: PrintedFigure[] = [
  nka('smart', '60% x 93,04', 'SMART score (nilai SMART)', '93,04', '93.04'),
  nka('ikpa', '40% x 92,82', 'IKPA score (nilai IKPA)', '92,82', '92.82'),
  nka('smartPart', '55,82 + 37,12', '60% of SMART (bobot SMART)', '55,82', '55.82', {
    [ConsistencyVerdict.ROUNDING]: '60% x 93.04 = 55.824 exactly; the report prints 2 decimals',
  }),
  nka('ikpaPart', '55,82 + 37,12', '40% of IKPA (bobot IKPA)', '37,12', '37.12', {
    [ConsistencyVerdict.ROUNDING]: '40% x 92.82 = 37.128 exactly; the report truncates it to 37.12 (half-up: 37.13)',
  }),
  nka('score', 'result', 'Budget performance score (nilai kinerja anggaran)', '92,94', '92.94', {
    [ConsistencyVerdict.ROUNDING]:
      '55.824 + 37.128 = 92.952 rounds half-up to 92.95; the report added the truncated parts',
  }),
];

export const BBPPKS_PADANG_2022: readonly PrintedFigure[] = [
  ...FIVE_YEAR_TABLE,
  ...SATKERS,
  ...REVISION_MATRIX,
  ...ALLOCATION,
  ...GOALS,
  ...BUDGET_SCORE,
];
