/**
 * The performance figures of the 2022 annual report (LAKIP) of BBPPKS Padang as printed, with
 * where each stands. The printed text is copied from the report, typos included; `reads` is the
 * number it states. What the graph makes of each is derived live (report-consistency.rules.ts).
 */
import { ConsistencyVerdict, type PrintedFigure } from '@kesos/infra';

const III = 'III Akuntabilitas Kinerja';
const IV = 'IV Penutup';

type Column = 'target' | 'realization' | 'achievement';
const COLUMN_NAME: Record<Column, string> = { target: 'T', realization: 'R', achievement: '%' };
const COLUMN_LABEL: Record<Column, string> = {
  target: 'target (target)',
  realization: 'realisation (realisasi)',
  achievement: 'achievement (% capaian)',
};

/** A cell of an indicator's table in chapter III (columns 2021 T R %, 2022 T R %, 2023 T, 2024 T, % capaian 2022). */
function cell(
  code: string,
  year: number,
  column: Column,
  printed: string,
  reads: string,
  why?: PrintedFigure['why'],
): PrintedFigure {
  return {
    key: `indicator.${code}.${year}.${column}`,
    measure: `${code}.${year}.${column}`,
    chapter: III,
    table: `Indicator table ${code} (tabel capaian indikator kinerja)`,
    row: `column ${year} ${COLUMN_NAME[column]}`,
    label: `${code} ${year} ${COLUMN_LABEL[column]}`,
    printed,
    reads,
    why,
  };
}

/** The table's last column, "% Capaian Target 2022", which should repeat the 2022 % column. */
function lastColumn(code: string, printed: string, reads: string, why?: PrintedFigure['why']): PrintedFigure {
  return {
    ...cell(code, 2022, 'achievement', printed, reads, why),
    key: `indicator.${code}.2022.lastColumn`,
    row: 'column "% Capaian Target 2022"',
    label: `${code} 2022 achievement, last column (% capaian target 2022)`,
  };
}

const NOT_MEASURED = {
  [ConsistencyVerdict.NOT_DERIVABLE]:
    'Not measured in 2021: no record and no entry; the printed 0 would read as a failure',
};

const INDICATOR_TABLES: PrintedFigure[] = [
  cell('SK1.1', 2021, 'realization', '0', '0', NOT_MEASURED),
  cell('SK1.1', 2022, 'target', '73 %', '73'),
  cell('SK1.1', 2022, 'realization', '84,65%', '84.65'),
  cell('SK1.1', 2022, 'achievement', '115,95%', '115.95', {
    [ConsistencyVerdict.ROUNDING]: '84.65 / 73 x 100 = 115.9589: the report truncated, half-up gives 115.96',
  }),
  lastColumn('SK1.1', '115,95', '115.95', {
    [ConsistencyVerdict.ROUNDING]: '84.65 / 73 x 100 = 115.9589: the report truncated, half-up gives 115.96',
  }),
  cell('SK2.1', 2021, 'realization', '0', '0', NOT_MEASURED),
  cell('SK2.1', 2022, 'target', '82%', '82'),
  cell('SK2.1', 2022, 'realization', '97,05%', '97.05'),
  cell('SK2.1', 2022, 'achievement', '118,35%', '118.35'),
  lastColumn('SK2.1', '121,34', '121.34', {
    [ConsistencyVerdict.CONTRADICTION]: 'The same row prints 118.35 two columns before; 97.05 / 82 x 100 = 118.35',
  }),
  cell('SK2.2', 2021, 'realization', '2000', '2000', {
    [ConsistencyVerdict.MATCHES]: 'Entered as printed; 2021 counted persons trained (orang), not a percentage',
  }),
  cell('SK2.2', 2022, 'target', '97%', '97'),
  cell('SK2.2', 2022, 'realization', '100%', '100'),
  cell('SK2.2', 2022, 'achievement', '103,09%', '103.09'),
  lastColumn('SK2.2', '103,09', '103.09'),
  cell('SK3.1', 2021, 'realization', '0', '0', NOT_MEASURED),
  cell('SK3.1', 2022, 'target', '75 %', '75'),
  cell('SK3.1', 2022, 'realization', '100 %', '100'),
  cell('SK3.1', 2022, 'achievement', '133,33%', '133.33'),
  lastColumn('SK3.1', '133,33', '133.33'),
  cell('SK4.1', 2021, 'realization', '0', '0', NOT_MEASURED),
  cell('SK4.1', 2022, 'target', '100 %', '100'),
  cell('SK4.1', 2022, 'realization', '100 %', '100'),
  cell('SK4.1', 2022, 'achievement', '100%', '100'),
  lastColumn('SK4.1', '100', '100'),
  cell('SK5.1', 2021, 'realization', '72,05', '72.05'),
  cell('SK5.1', 2021, 'achievement', '102,93', '102.93'),
  cell('SK5.1', 2022, 'target', '75', '75'),
  cell('SK5.1', 2022, 'realization', '80,07 *', '80.07', {
    [ConsistencyVerdict.MATCHES]:
      "Entered: the 2021 SAKIP score (final round, August 2022); 2022's was not evaluated yet",
  }),
  cell('SK5.1', 2022, 'achievement', '106,76', '106.76'),
  lastColumn('SK5.1', '106,07', '106.07', {
    [ConsistencyVerdict.CONTRADICTION]: 'The same row prints 106.76; 80.07 / 75 x 100 = 106.76 (digits swapped)',
  }),
  cell('SK5.2', 2021, 'realization', '94,1', '94.1'),
  cell('SK5.2', 2021, 'achievement', '166,9', '166.9', {
    [ConsistencyVerdict.CONTRADICTION]: '94.1 / 88.5 x 100 = 106.33; 166.9 follows from no printed figure',
  }),
  cell('SK5.2', 2022, 'target', '75', '75'),
  cell('SK5.2', 2022, 'realization', '92,94', '92.94', {
    [ConsistencyVerdict.ROUNDING]:
      '60% x 93.04 + 40% x 92.82 = 92.952 rounds to 92.95; the report added the parts truncated to 55.82 + 37.12',
  }),
  cell('SK5.2', 2022, 'achievement', '123,92', '123.92', {
    [ConsistencyVerdict.ROUNDING]: 'Follows from the printed 92.94; the derived 92.95 / 75 x 100 = 123.93',
  }),
  lastColumn('SK5.2', '123,92', '123.92', {
    [ConsistencyVerdict.ROUNDING]: 'Follows from the printed 92.94; the derived 92.95 / 75 x 100 = 123.93',
  }),
  cell('SK6.1', 2021, 'realization', '3,5', '3.5', {
    [ConsistencyVerdict.MATCHES]: 'Entered as printed; 2021 used a 1-4 perception scale, not the 25-100 IKM',
  }),
  cell('SK6.1', 2022, 'target', '90', '90'),
  cell('SK6.1', 2022, 'realization', '91,60', '91.60'),
  cell('SK6.1', 2022, 'achievement', '101,78', '101.78'),
  lastColumn('SK6.1', '101,78', '101.78'),
];

const EFFICIENCY = 'Efficiency analysis table (analisis efisiensi): Realisasi Kinerja column';
const goalRow = (code: string, printed: string, reads: string, why?: PrintedFigure['why']): PrintedFigure => ({
  key: `goal.${code}.2022.achievement`,
  measure: `${code}.2022.achievement`,
  chapter: III,
  table: EFFICIENCY,
  row: `goal ${code}`,
  label: `${code} goal achievement 2022 (capaian sasaran kegiatan)`,
  printed,
  reads,
  why,
});

const GOALS: PrintedFigure[] = [
  goalRow('SK1', '115,95 %', '115.95', {
    [ConsistencyVerdict.ROUNDING]: "Follows SK1.1's truncated 115.95; half-up gives 115.96",
  }),
  goalRow('SK2', '110,70%', '110.70', {
    [ConsistencyVerdict.CONTRADICTION]: 'mean(118.35, 103.09) = 110.72; 110.70 is not a rounding of it',
  }),
  goalRow('SK3', '133,33 %', '133.33'),
  goalRow('SK4', '100%', '100'),
  goalRow('SK5', '115,34%', '115.34', {
    [ConsistencyVerdict.ROUNDING]:
      'mean(106.76, 123.92) = 115.34 with the printed SK5.2; the derived 123.93 gives 115.35',
  }),
  goalRow('SK6', '101,78 %', '101.78'),
];

const TEXT: PrintedFigure[] = [
  {
    key: 'text.SK1.1.realization',
    measure: 'SK1.1.2022.realization',
    chapter: III,
    table: 'SK1 analysis text (analisis capaian indikator kinerja 1.1)',
    row: '"Dengan realisasi sebesar 85 % ..."',
    label: 'SK1.1 realisation as the text states it (realisasi)',
    printed: '85 %',
    reads: '85',
    why: { [ConsistencyVerdict.ROUNDING]: 'The table above prints 84.65; the text rounds it to 85' },
  },
  {
    key: 'text.SK1.1.overTarget',
    measure: 'SK1.1.2022.overTarget',
    chapter: III,
    table: 'SK1 analysis text (analisis capaian indikator kinerja 1.1)',
    row: '"... sudah melebihi sebesar 12% dari target ..."',
    label: 'SK1.1: how far the realisation is over its target (kelebihan dari target)',
    printed: 'melebihi sebesar 12%',
    reads: '12',
    why: {
      [ConsistencyVerdict.CONTRADICTION]:
        'The text subtracts the target (84.65 - 73 = 11.65 points, rounded to 12) and calls it percent; over the target it is 15.96%',
    },
  },
  {
    key: 'text.SK2.1.overTarget',
    measure: 'SK2.1.2022.overTarget',
    chapter: III,
    table: 'SK2 analysis text (analisis capaian indikator kinerja 2.1)',
    row: '"... artinya ada kelebihan sebesar 15,05%"',
    label: 'SK2.1: how far the realisation is over its target (kelebihan dari target)',
    printed: 'kelebihan sebesar 15,05%',
    reads: '15.05',
    why: {
      [ConsistencyVerdict.CONTRADICTION]:
        'The text subtracts the target (97.05 - 82 = 15.05 points) and calls it percent; over the target it is 18.35%',
    },
  },
  {
    key: 'text.efficiency.goals',
    measure: 'plan.goals',
    chapter: III,
    table: 'Efficiency analysis text (analisis efisiensi)',
    row: '"... dari 2 (dua) sasaran yang ditetapkan ..."',
    label: 'Goals the efficiency analysis compares (jumlah sasaran kegiatan)',
    printed: '2 (dua) sasaran',
    reads: '2',
    why: { [ConsistencyVerdict.CONTRADICTION]: 'The plan has 6 goals, and the efficiency table below it lists 6 rows' },
  },
];

const CLOSING = 'Closing text (penutup)';
const closing = (
  key: string,
  measure: string,
  row: string,
  label: string,
  printed: string,
  reads: string,
  why?: PrintedFigure['why'],
): PrintedFigure => ({
  key: `closing.${key}`,
  measure,
  chapter: IV,
  table: CLOSING,
  row,
  label,
  printed,
  reads,
  why,
});

const CLOSING_TEXT: PrintedFigure[] = [
  closing(
    'goals',
    'plan.goals',
    '"... sebanyak 6 (enam) Sasaran Kegiatan ..."',
    'Goals of the agreement (jumlah sasaran kegiatan)',
    '6 (enam)',
    '6',
  ),
  closing(
    'indicators',
    'plan.indicators',
    '"... dengan 8 (delapan) Indikator Kinerja ..."',
    'Indicators of the agreement (jumlah indikator kinerja)',
    '8 (delapan)',
    '8',
  ),
  closing(
    'SK1.1',
    'SK1.1.2022.realization',
    'lembaga kesos yang terakreditasi',
    'SK1.1 realisation (realisasi)',
    '84,65%',
    '84.65',
  ),
  closing(
    'SK2.1',
    'SK2.1.2022.realization',
    'SDM kesos yang tersertifikasi',
    'SK2.1 realisation (realisasi)',
    '97,05 %',
    '97.05',
  ),
  closing(
    'SK2.2',
    'SK2.2.2022.realization',
    'SDM kesos pendamping bantuan tunai bersyarat yang mengikuti diklat',
    'SK2.2 realisation (realisasi)',
    '97,05%',
    '97.05',
    {
      [ConsistencyVerdict.CONTRADICTION]: "Copied from SK2.1: SK2.2's realisation is 100 (its table prints 100% too)",
    },
  ),
  closing(
    'SK2.2.target',
    'SK2.2.2022.target',
    'SDM kesos pendamping ... dari target',
    'SK2.2 target (target)',
    '100%',
    '100',
    {
      [ConsistencyVerdict.CONTRADICTION]: 'The agreement and the indicator table set 97% for SK2.2',
    },
  ),
  closing(
    'SK3.1',
    'SK3.1.2022.realization',
    'penerima manfaat peserta diklat yang memiliki kecakapan hidup',
    'SK3.1 realisation (realisasi)',
    '100%',
    '100',
  ),
  closing(
    'SK4.1',
    'SK4.1.2022.realization',
    'penerima layanan Atensi',
    'SK4.1 realisation (realisasi)',
    '100 %',
    '100',
  ),
  closing(
    'SK5.2',
    'SK5.2.2022.realization',
    'nilai kinerja anggaran',
    'SK5.2 realisation (nilai kinerja anggaran)',
    '92,94',
    '92.94',
    {
      [ConsistencyVerdict.ROUNDING]:
        '60% x 93.04 + 40% x 92.82 = 92.952 rounds to 92.95; the report added truncated parts',
    },
  ),
  closing(
    'SK6.1',
    'SK6.1.2022.realization',
    'nilai kepuasan masyarakat',
    'SK6.1 realisation (indeks kepuasan masyarakat)',
    '91,60',
    '91.60',
  ),
];

const IKM_TABLE = 'IKM result (indeks kepuasan masyarakat), SK6.1 section';
const ikm = (
  key: string,
  measure: string,
  row: string,
  label: string,
  printed: string,
  reads: string,
  why?: PrintedFigure['why'],
): PrintedFigure => ({
  key: `survey.${key}`,
  measure,
  chapter: III,
  table: IKM_TABLE,
  row,
  label,
  printed,
  reads,
  why,
});

const SURVEY: PrintedFigure[] = [
  {
    key: 'survey.formula',
    measure: 'survey.formula',
    chapter: 'II Perencanaan Kinerja',
    table: 'Indicator definitions (indikator kinerja), 8 Nilai Kepuasan Stakeholder / IKM',
    row: 'formula',
    label: 'How the satisfaction index is computed (rumus nilai IKM)',
    printed:
      'Nilai IKM = Jumlah NRR Pertanyaan / Jumlah NRR Tertimbang x Nilai Penimbang; Nilai Rata-rata hasil IKM x 25 = Nilai Konversi',
    reads: null,
  },
  ikm('index', 'survey.index', 'NILAI IKM', 'Satisfaction index (nilai IKM)', '91,60', '91.60'),
  ikm('respondents', 'survey.respondents', 'JUMLAH', 'Respondents (jumlah responden)', '1508 orang', '1508'),
  ikm(
    'responseRate',
    'survey.responseRate',
    '"Jumlah responden yang masuk sebanyak 1508 orang/(54,05%)"',
    'Response rate: respondents of the participants trained (persentase responden)',
    '54,05%',
    '54.05',
    {
      [ConsistencyVerdict.MATCHES]: '1,508 respondents of 2,790 participants (2,400 PPPS + 390 PPM) = 54.05%',
    },
  ),
  ikm('male', 'survey.gender.MALE', 'JENIS KELAMIN', 'Male respondents (laki-laki)', '868 LAKI-LAKI', '868'),
  ikm('female', 'survey.gender.FEMALE', 'JENIS KELAMIN', 'Female respondents (perempuan)', '640 PEREMPUAN', '640'),
  ikm('sd', 'survey.education.SD', 'PEDIDIKAN SD', 'Respondents with primary school (SD)', 'SD : 18', '18'),
  ikm(
    'smp',
    'survey.education.SMP',
    'PEDIDIKAN SMP',
    'Respondents with junior secondary school (SMP)',
    'SMP : 18',
    '18',
  ),
  ikm(
    'sma',
    'survey.education.SMA',
    'PEDIDIKAN SMA',
    'Respondents with senior secondary school (SMA)',
    'SMA : 261',
    '261',
  ),
  ikm(
    'diii',
    'survey.education.DIII',
    'PEDIDIKAN DIII',
    'Respondents with a three-year diploma (DIII)',
    'DIII : 118',
    '118',
  ),
  ikm('s1', 'survey.education.S1', 'PEDIDIKAN S1', 'Respondents with a bachelor degree (S1)', 'S1 : 1025', '1025'),
  ikm('s2', 'survey.education.S2', 'PEDIDIKAN S2', 'Respondents with a master degree (S2)', 'S2 : 68', '68'),
];

export const BBPPKS_PADANG_2022: readonly PrintedFigure[] = [
  ...INDICATOR_TABLES,
  ...GOALS,
  ...TEXT,
  ...CLOSING_TEXT,
  ...SURVEY,
];
