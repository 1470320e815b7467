/**
 * The training figures of the 2022 annual report (LAKIP) of BBPPKS Padang as printed, with where
 * each stands. The printed text is copied from the report, typos included; `reads` is the number
 * it states. What the graph makes of each is derived live (report-consistency.rules.ts).
 */
import { ConsistencyVerdict, type PrintedFigure } from '@kesos/infra';

const II = 'II Perencanaan Kinerja';
const III = 'III Akuntabilitas Kinerja';

const SK1_TEXT = 'SK1 analysis text (analisis capaian indikator kinerja 1.1)';
const SK2_TEXT = 'SK2 analysis text (analisis capaian indikator kinerja 2.1)';

const TEXT: PrintedFigure[] = [
  {
    key: 'text.accreditation.achieved',
    measure: 'accreditation.accredited',
    chapter: III,
    table: SK1_TEXT,
    row: '"... sudah terakreditasi ... dengan capaian 202 orang dari 200 orang ..."',
    label: 'Institutions accredited, as the text states them (LKS terakreditasi)',
    printed: '202 orang',
    reads: '202',
    why: {
      [ConsistencyVerdict.CONTRADICTION]:
        '202 institutions (not persons) were assessed and 171 accredited; the realisation 84.65 is 171 / 202',
    },
  },
  {
    key: 'text.accreditation.target',
    measure: 'accreditation.target',
    chapter: III,
    table: SK1_TEXT,
    row: '"... dengan capaian 202 orang dari 200 orang yang telah ditetapkan ..."',
    label: 'Institutions planned for assessment (target akreditasi RKT)',
    printed: '200 orang',
    reads: '200',
  },
  {
    key: 'text.certification.achieved',
    measure: 'certification.competent',
    chapter: III,
    table: SK2_TEXT,
    row: '"... sudah memiliki sertifikat ... dengan capaian 2.987 orang dari 3.000 orang ..."',
    label: 'SDM Kesos certified, as the text states them (SDM Kesos tersertifikasi)',
    printed: '2.987 orang',
    reads: '2987',
    why: {
      [ConsistencyVerdict.CONTRADICTION]:
        '2,987 were assessed (of 3,000 planned); 2,899 were found competent, and the realisation 97.05 is 2,899 / 2,987',
    },
  },
  {
    key: 'text.certification.planned',
    measure: 'certification.planned',
    chapter: III,
    table: SK2_TEXT,
    row: '"... dari 3.000 orang yang telah direncanakan"',
    label: 'SDM Kesos planned for certification (SDM Kesos yang direncanakan disertifikasi)',
    printed: '3.000 orang',
    reads: '3000',
  },
];

const FORMULAS: PrintedFigure[] = [
  {
    key: 'formula.SK2.1',
    measure: 'certification.printedFormula',
    chapter: II,
    table: 'Indicator definitions (indikator kinerja), 2 Persentase SDM Kesos yang Tersertifikasi',
    row: 'formula: Jumlah SDM Kesos yang memiliki Sertifikat ... / jumlah SDM Kesos yang belum memiliki Sertifikat ... x 100',
    label: "SK2.1's printed formula applied to the records, against the realisation printed for it (rumus SK2.1)",
    printed: '97,05%',
    reads: '97.05',
    why: {
      [ConsistencyVerdict.CONTRADICTION]:
        'The printed denominator is those who do not yet hold a certificate ("belum memiliki"); the 97.05 printed divides by those assessed',
    },
  },
  {
    key: 'formula.SK4.1',
    measure: 'atensi.printedFormula',
    chapter: II,
    table: 'Indicator definitions (indikator kinerja), 4 Persentase Penerima Pelayanan ATENSI',
    row: 'formula: Jumlah penerima manfaat yang mendapatkan pelayanan ATENSI / Jumlah kasus x 100',
    label: "SK4.1's printed formula applied to the records, against the realisation printed for it (rumus SK4.1)",
    printed: '100 %',
    reads: '100',
    why: {
      [ConsistencyVerdict.CONTRADICTION]:
        "The printed formula divides people by cases; the graph's SK4.1 is served cases / closed cases, which gives the printed 100",
    },
  },
];

const VOLUMES = 'Five-year training table (matrik perbandingan capaian pelaksanaan diklat 2018-2022)';
type Column = 'target' | 'realized' | 'achievement';
const COLUMN: Record<Column, string> = {
  target: 'Target',
  realized: 'Capaian Realisasi',
  achievement: 'Persentase (%) Capaian',
};
const volume = (
  year: number,
  column: Column,
  printed: string,
  reads: string,
  why?: PrintedFigure['why'],
): PrintedFigure => ({
  key: `volume.${year}.${column}`,
  chapter: III,
  table: VOLUMES,
  row: `${COLUMN[column]}, column ${year}`,
  label: `${year} participants ${column === 'achievement' ? 'achievement (persentase capaian)' : column === 'target' ? 'planned (target peserta)' : 'trained (realisasi peserta)'}`,
  printed,
  reads,
  why,
});

const VOLUME_TABLE: PrintedFigure[] = [
  volume(2018, 'target', '792 orang', '792'),
  volume(2018, 'realized', '792 orang', '792'),
  volume(2018, 'achievement', '100 %', '100'),
  volume(2019, 'target', '4.636 orang', '4636'),
  volume(2019, 'realized', '4.636 orang', '4636'),
  volume(2019, 'achievement', '100 %', '100'),
  volume(2020, 'target', '1.852 orang', '1852'),
  volume(2020, 'realized', '1.852 orang', '1852'),
  volume(2020, 'achievement', '100 %', '100'),
  volume(2021, 'target', '2.060 orang', '2060'),
  volume(2021, 'realized', '2.090 orang', '2090'),
  volume(2021, 'achievement', '101,5 %', '101.5', {
    [ConsistencyVerdict.ROUNDING]: '2,090 / 2,060 x 100 = 101.46; the report prints one decimal',
  }),
  volume(2022, 'target', '2.790 orang', '2790'),
  volume(2022, 'realized', '2.790 orang', '2790'),
  volume(2022, 'achievement', '100 %', '100'),
];

const BUDGET_TEXT = 'Budget realisation 2022 text (realisasi anggaran tahun 2022), below the five-year budget table';
const PROGRAMMES: PrintedFigure[] = [
  {
    key: 'programme.PPPS.target',
    measure: 'volume.2022.PPPS.target',
    chapter: III,
    table: BUDGET_TEXT,
    row: '"... pelatihan pencegahan dan penanganan stunting sebanyak 2.400 orang ..."',
    label: 'Stunting prevention training participants planned (target PPPS)',
    printed: '2.400 orang',
    reads: '2400',
  },
  {
    key: 'programme.PPPS.realized',
    measure: 'volume.2022.PPPS.realized',
    chapter: III,
    table: BUDGET_TEXT,
    row: '"... realisasi 2.400 orang ..."',
    label: 'Stunting prevention training participants trained (realisasi PPPS)',
    printed: '2.400 orang',
    reads: '2400',
  },
  {
    key: 'programme.PPM.target',
    measure: 'volume.2022.PPM.target',
    chapter: III,
    table: BUDGET_TEXT,
    row: '"... Pelatihan Pemberdayaan Masyarakat dengan target peserta sebanyak 390 orang ..."',
    label: 'Community empowerment training participants planned (target PPM)',
    printed: '390 orang',
    reads: '390',
  },
  {
    key: 'programme.PPM.realized',
    measure: 'volume.2022.PPM.realized',
    chapter: III,
    table: BUDGET_TEXT,
    row: '"... dan realisasi sebanyak 390 orang"',
    label: 'Community empowerment training participants trained (realisasi PPM)',
    printed: '390 orang',
    reads: '390',
  },
];

export const BBPPKS_PADANG_2022: readonly PrintedFigure[] = [...TEXT, ...FORMULAS, ...VOLUME_TABLE, ...PROGRAMMES];
