import type { FigureKey, Footnote, PrintedFigureSource } from './lakip.footnotes';
import { consistencySource, Footnotes, publishedFieldsSource } from './lakip.footnotes';
import { formatDate, formatDecimal, formatInteger, formatMonth, formatRupiah } from './lakip.format';
import type { ExpenseFigure, ExpenseType, LakipData, SakipRow } from './lakip.query';

/**
 * Chapter III of a LAKIP as tables, independent of the file format: the PDF and the XLSX writers
 * both render this, so the two files hold the same figures and footnotes.
 */
export type CellValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; decimals: number; suffix?: string }
  | { kind: 'money'; value: number }
  | { kind: 'empty' };

export interface ReportCell {
  value: CellValue;
  /** Where the figure stands (see FigureKey), so any printed-figure source can footnote it. */
  key?: FigureKey;
  /** Footnote number of the figure, when the printed report gives another. */
  footnote?: number;
}

export interface ReportTable {
  /** Short name, the XLSX sheet name. */
  name: string;
  title: string;
  columns: string[];
  rows: ReportCell[][];
  /** Lines printed under the table (sources, what the graph holds that the print does not). */
  notes: string[];
}

export interface LakipReport {
  unitCode: string;
  unitName: string;
  year: number;
  title: string;
  tables: ReportTable[];
  footnotes: Footnote[];
}

const text = (t: string): ReportCell => ({ value: { kind: 'text', text: t } });
const empty: ReportCell = { value: { kind: 'empty' } };
const num = (value: number | null | undefined, decimals = 2, suffix?: string): ReportCell =>
  value === null || value === undefined ? empty : { value: { kind: 'number', value, decimals, suffix } };
const money = (value: number | null | undefined): ReportCell =>
  value === null || value === undefined ? empty : { value: { kind: 'money', value } };

/** Decimals a figure needs (at most 2): 3.5 prints "3,5", 72.05 "72,05", 2400 "2.400", as the report prints targets. */
const decimalsOf = (value: number): number => {
  for (let d = 0; d < 2; d++) if (Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) < 1e-6) return d;
  return 2;
};

/** A target or a count-like figure with the decimals it needs (73, 3,5, 2.000). */
const figure = (value: number | null | undefined): ReportCell =>
  value === null || value === undefined ? empty : num(value, decimalsOf(value));

/** A figure cell with the key of where it stands; an empty cell has nothing to footnote. */
const keyed = (key: FigureKey, cell: ReportCell): ReportCell => (cell.value.kind === 'empty' ? cell : { ...cell, key });

/** The text of a cell as both writers show it, the footnote as " [n]". */
export function cellText(cell: ReportCell): string {
  const v = cell.value;
  let shown: string;
  if (v.kind === 'text') shown = v.text;
  else if (v.kind === 'number') shown = `${formatDecimal(v.value, v.decimals)}${v.suffix ?? ''}`;
  else if (v.kind === 'money') shown = formatRupiah(v.value);
  else shown = '-';
  return cell.footnote === undefined ? shown : `${shown} [${cell.footnote}]`;
}

export const EXPENSE_LABELS: Record<ExpenseType, string> = {
  PERSONNEL: 'Belanja Pegawai',
  GOODS: 'Belanja Barang',
  CAPITAL: 'Belanja Modal',
};
const EXPENSE_ORDER: ExpenseType[] = ['PERSONNEL', 'GOODS', 'CAPITAL'];

/** Permenpan RB 14/2017: the grade of a service's IKM. */
const IKM_GRADES: Record<string, string> = {
  A: 'A (Sangat Baik)',
  B: 'B (Baik)',
  C: 'C (Kurang Baik)',
  D: 'D (Tidak Baik)',
};
const EDUCATION_ORDER = ['SD', 'SMP', 'SMA', 'DIII', 'S1', 'S2'];

/** A target as the agreement prints it: "73%", "2.400 orang", "3,5". */
function targetText(target: number, unit: string): string {
  const n = formatDecimal(target, decimalsOf(target));
  if (unit === '%') return `${n}%`;
  if (unit === 'nilai' || unit === '') return n;
  return `${n} ${unit}`;
}

type Totals = Pick<ExpenseFigure, 'ceiling' | 'realized' | 'absorptionRate'>;

/** Rows per expense type and a TOTAL row, keyed `{prefix}/{PERSONNEL|GOODS|CAPITAL|TOTAL}/{ceiling|realized|absorptionRate}`. */
function expenseRows(label: string, prefix: string, figures: ExpenseFigure[], total: Totals): ReportCell[][] {
  const row = (name: string, type: string, f: Totals | undefined) => [
    text(label),
    text(name),
    keyed(`${prefix}/${type}/ceiling`, money(f?.ceiling ?? 0)),
    keyed(`${prefix}/${type}/realized`, money(f?.realized ?? 0)),
    keyed(`${prefix}/${type}/absorptionRate`, num(f?.absorptionRate ?? null)),
  ];
  return [
    ...EXPENSE_ORDER.map((type) =>
      row(
        EXPENSE_LABELS[type],
        type,
        figures.find((x) => x.type === type),
      ),
    ),
    row('TOTAL', 'TOTAL', total),
  ];
}

function sakipTable(data: LakipData, year: number, unitCode: string): ReportTable {
  // A round-1 list that is already final is the same evaluation as the final one: shown once.
  const firstRound = data.sakipFirstRound.some((r) => !r.final) ? data.sakipFirstRound : [];
  const rounds: { title: string; key: string; rows: SakipRow[] }[] = [
    { title: `${year - 2}`, key: `${year - 2}/final`, rows: data.sakipBefore },
    ...(firstRound.length
      ? [{ title: `${year - 1} ${firstRound[0].roundLabel}`, key: `${year - 1}/1`, rows: firstRound }]
      : []),
    {
      title: `${year - 1}${data.sakipFinal.length ? ` ${data.sakipFinal[0].roundLabel}` : ''}`,
      key: `${year - 1}/final`,
      rows: data.sakipFinal,
    },
  ];
  const units = new Map<string, string>();
  for (const r of [...data.sakipFinal, ...firstRound, ...data.sakipBefore])
    if (r.unit) units.set(r.unit.code, r.unit.name);
  const rows = [...units].map(([code, name]) => [
    text(code === unitCode ? `${name} (unit laporan ini)` : name),
    ...rounds.flatMap((round) => {
      const r = round.rows.find((x) => x.unit?.code === code);
      return [keyed(`sakip/${code}/${round.key}/score`, num(r?.score)), r ? text(r.category) : empty];
    }),
  ]);
  return {
    name: 'SAKIP',
    title: `Nilai hasil evaluasi SAKIP unit/satuan kerja, evaluasi atas tahun ${year - 2} dan ${year - 1}`,
    columns: ['Unit/Satuan Kerja', ...rounds.flatMap((r) => [`Nilai ${r.title}`, `Kategori ${r.title}`])],
    rows,
    notes: [
      rows.length
        ? 'Sumber: hasil evaluasi Inspektorat sebagaimana tercatat di graf (sakipEvaluations).'
        : 'Belum ada hasil evaluasi SAKIP yang tercatat.',
    ],
  };
}

/**
 * Builds chapter III of the LAKIP of a unit and year from what the graph answered. Every figure
 * is the graph's; a printed figure from any source that differs from it gets a footnote.
 */
export function buildLakipReport(
  data: LakipData,
  year: number,
  sources: PrintedFigureSource[] = [publishedFieldsSource, consistencySource],
): LakipReport {
  const unit = data.unit;
  if (!unit) throw new Error('buildLakipReport needs a unit');
  const footnotes = new Footnotes(sources.flatMap((s) => s.figures(data)));
  const tables: ReportTable[] = [];

  // Perjanjian kinerja: every version of the year, the current one last as the graph orders them.
  const agreements = unit.performanceAgreements;
  tables.push({
    name: 'Perjanjian Kinerja',
    title: `Perjanjian Kinerja Tahun ${year}`,
    columns: ['Versi', 'No', 'Sasaran Strategis', 'Indikator Kinerja', 'Target'],
    rows: agreements.flatMap((a) =>
      a.items.map((item) => [
        text(`${a.version}${a.current ? ' (berlaku)' : ''}`),
        num(item.position, 0),
        text(item.goal),
        text(item.indicatorCode ? `${item.indicatorCode} ${item.indicator}` : item.indicator),
        keyed(`agreement/${a.version}/${item.position}/target`, text(targetText(item.target, item.targetUnit))),
      ]),
    ),
    notes: agreements.length
      ? agreements.map((a) => {
          const signed = [a.signedPlace, a.signedMonth ? formatMonth(a.signedMonth) : null].filter(Boolean).join(', ');
          const parties = a.signatories.map(
            (s) => `${s.party === 'FIRST' ? 'Pihak pertama' : 'Pihak kedua'}: ${s.positionTitle}`,
          );
          return [
            `Versi ${a.version}: ${a.title}`,
            signed ? `ditandatangani ${signed}` : 'tanggal penandatanganan tidak tercatat',
            ...parties,
            ...(a.reason ? [`Alasan: ${a.reason}`] : []),
          ].join('; ');
        })
      : ['Belum ada perjanjian kinerja yang tercatat untuk tahun ini.'],
  });

  // Indikator kinerja: the year, the year before and the Renstra targets of the years after.
  const plan = unit.strategicPlan;
  const laterYears: number[] = [];
  if (plan) for (let y = year + 1; y <= plan.toYear; y++) laterYears.push(y);
  const planTarget = (code: string, y: number): number | null => {
    for (const g of plan?.goals ?? [])
      for (const i of g.indicators) if (i.code === code) return i.targets.find((t) => t.year === y)?.target ?? null;
    return null;
  };
  const previous = (code: string) => {
    for (const g of unit.previous?.goals ?? []) for (const i of g.indicators) if (i.code === code) return i;
    return null;
  };
  const goals = unit.performance?.goals ?? [];
  tables.push({
    name: 'Indikator Kinerja',
    title: `Capaian indikator kinerja tahun ${year}`,
    columns: [
      'Kode',
      'Indikator Kinerja',
      `Target ${year - 1}`,
      `Realisasi ${year - 1}`,
      `% Capaian ${year - 1}`,
      `Target ${year}`,
      `Realisasi ${year}`,
      `% Capaian ${year}`,
      ...laterYears.map((y) => `Target Renstra ${y}`),
    ],
    rows: goals.flatMap((g) =>
      g.indicators.map((i) => {
        const p = previous(i.code);
        return [
          text(i.code),
          text(i.nameId),
          keyed(`previous/${i.code}/target`, figure(p?.target)),
          keyed(`previous/${i.code}/realization`, figure(p?.realization)),
          keyed(`previous/${i.code}/achievement`, num(p?.achievement)),
          keyed(`indicator/${i.code}/target`, figure(i.target)),
          keyed(`indicator/${i.code}/realization`, num(i.realization)),
          keyed(`indicator/${i.code}/achievement`, num(i.achievement)),
          ...laterYears.map((y) => keyed(`plan/${i.code}/${y}/target`, figure(planTarget(i.code, y)))),
        ];
      }),
    ),
    notes: [
      goals.length
        ? '% capaian = realisasi / target x 100, dibulatkan setengah ke atas (half-up) ke 2 desimal.'
        : 'Belum ada capaian kinerja yang tercatat untuk tahun ini.',
      ...(plan ? [`Target Renstra dari ${plan.title} (${plan.fromYear}-${plan.toYear}).`] : []),
    ],
  });

  // Capaian kinerja dibanding penyerapan anggaran per sasaran (analisis efisiensi).
  tables.push({
    name: 'Kinerja vs Anggaran',
    title: `Realisasi kinerja dan realisasi anggaran per sasaran kegiatan tahun ${year}`,
    columns: ['Kode', 'Sasaran Kegiatan', 'Realisasi Kinerja (%)', 'Realisasi Anggaran (%)'],
    rows: goals.map((g) => [
      text(g.code),
      text(g.titleId),
      keyed(`goal/${g.code}/achievement`, num(g.achievement)),
      keyed(`goal/${g.code}/budgetAbsorption`, num(g.budgetAbsorption)),
    ]),
    notes: [
      'Realisasi kinerja sasaran = rata-rata % capaian indikatornya; realisasi anggaran = realisasi / pagu baris DIPA yang ditandai dengan sasaran itu. "-": tidak ada baris anggaran.',
    ],
  });

  // Realisasi anggaran per jenis belanja: every satker of the year, then the unit.
  // A year without any DIPA answers a budget of no satkers: the same as none for the report.
  const budget = unit.budget?.satkers.length ? unit.budget : null;
  tables.push({
    name: 'Realisasi Anggaran',
    title: `Realisasi anggaran tahun ${year} per jenis belanja`,
    columns: ['Satker', 'Uraian', 'Anggaran', 'Realisasi', 'Persentase (%)'],
    rows: budget
      ? [
          ...budget.satkers.flatMap((s) => expenseRows(`${s.code} ${s.name}`, `satker/${s.code}`, s.byExpenseType, s)),
          ...(budget.satkers.length > 1
            ? expenseRows(`Seluruh satker ${unit.code}`, 'budget', budget.byExpenseType, budget)
            : []),
        ]
      : [],
    notes: [
      budget
        ? 'Persentase = realisasi / anggaran x 100, dibulatkan half-up ke 2 desimal.'
        : 'Tidak ada DIPA untuk tahun ini.',
    ],
  });

  tables.push({
    name: 'Nilai Kinerja Anggaran',
    title: `Nilai Kinerja Anggaran (NKA) tahun ${year}`,
    columns: ['Uraian', 'Nilai'],
    rows: budget
      ? [
          [text('Nilai SMART'), keyed('budget/smartScore', num(budget.smartScore))],
          [text('IKPA'), keyed('budget/ikpaScore', num(budget.ikpaScore))],
          [
            text('Nilai Kinerja Anggaran = 60% x SMART + 40% x IKPA'),
            keyed('budget/budgetPerformanceScore', num(budget.budgetPerformanceScore)),
          ],
        ]
      : [],
    notes: ['NKA dihitung tepat lalu dibulatkan half-up ke 2 desimal.'],
  });

  // Matriks lima tahun: the graph's year totals hold every satker of the year.
  const history = unit.budgetHistory ?? [];
  tables.push({
    name: 'Anggaran 5 Tahun',
    title: `Perbandingan anggaran dan realisasi tahun ${year - 4}-${year}`,
    columns: ['Tahun Anggaran', 'Uraian', 'Anggaran', 'Realisasi', 'Persentase (%)'],
    rows: history.flatMap((y) => expenseRows(String(y.year), `history/${y.year}`, y.byExpenseType, y)),
    notes: history
      .filter((y) => y.satkers.length > 1)
      .map(
        (y) =>
          `Tahun ${y.year} mencakup ${y.satkers.length} satker: ${y.satkers
            .map((s) => `${s.code} (anggaran ${formatRupiah(s.ceiling)}, realisasi ${formatRupiah(s.realized)})`)
            .join(', ')}.`,
      ),
  });

  // Revisi DIPA: every revision of every satker, the opening DIPA as "Data awal".
  tables.push({
    name: 'Revisi DIPA',
    title: `Revisi anggaran (DIPA) tahun ${year}`,
    columns: ['Satker', 'Revisi', 'Kewenangan', 'Tanggal', 'Uraian', 'Perubahan Pagu', 'Pagu Setelah Revisi'],
    rows: (budget?.satkers ?? []).flatMap((s) =>
      s.revisions.map((r) => [
        text(s.code),
        text(r.number === 0 ? 'Data awal' : `Revisi ${String(r.number).padStart(2, '0')}`),
        text(r.authority),
        keyed(`revision/${s.code}/${r.number}/date`, text(formatDate(r.date))),
        text(r.description),
        keyed(`revision/${s.code}/${r.number}/ceilingChange`, money(r.ceilingChange)),
        keyed(`revision/${s.code}/${r.number}/ceilingAfter`, money(r.ceilingAfter)),
      ]),
    ),
    notes: [],
  });

  tables.push(sakipTable(data, year, unit.code));

  const survey = unit.satisfactionSurvey;
  const count = (n: number) => text(`${formatInteger(n)} orang`);
  tables.push({
    name: 'IKM',
    title: `Indeks Kepuasan Masyarakat (IKM) tahun ${year}`,
    columns: ['Uraian', 'Nilai'],
    rows: survey
      ? [
          [text('Nilai IKM'), keyed('survey/index', num(survey.index))],
          [text('Mutu pelayanan'), keyed('survey/grade', text(IKM_GRADES[survey.grade] ?? survey.grade))],
          [text('Jumlah responden'), keyed('survey/respondents', count(survey.respondents))],
          ...(['MALE', 'FEMALE'] as const).map((g) => [
            text(`Jenis kelamin: ${g === 'MALE' ? 'Laki-laki' : 'Perempuan'}`),
            keyed(`survey/gender/${g}`, count(survey.byGender.find((x) => x.key === g)?.count ?? 0)),
          ]),
          ...EDUCATION_ORDER.map((e) => [
            text(`Pendidikan: ${e}`),
            keyed(`survey/education/${e}`, count(survey.byEducation.find((x) => x.key === e)?.count ?? 0)),
          ]),
        ]
      : [],
    notes: [survey ? `Periode survei: Januari s.d. Desember ${year}.` : 'Tidak ada responden survei untuk tahun ini.'],
  });

  // Footnotes are numbered in the order their cells appear, table after table.
  const numbered = tables.map((t) => ({
    ...t,
    rows: t.rows.map((r) =>
      r.map((c) => {
        const n = c.key === undefined ? null : footnotes.claim(c.key);
        return n === null ? c : { ...c, footnote: n };
      }),
    ),
  }));
  return {
    unitCode: unit.code,
    unitName: unit.name,
    year,
    title: `Laporan Kinerja (LAKIP) ${unit.name} Tahun ${year}, Bab III Akuntabilitas Kinerja`,
    tables: numbered,
    footnotes: footnotes.list(),
  };
}
