import type { BarSeriesOption, EChartsOption } from './dashboard.echarts.js';
import { barSeries, categoryChart, lineSeries, percentAxis, valueLabel } from './dashboard.echarts.js';
import {
  COLOURS,
  EXPENSE_TYPES,
  MONTHS,
  QUARTERS,
  formatCompactRupiah,
  formatDate,
  formatDecimal,
  formatInteger,
  formatRupiah,
  tooltipDecimal,
  tooltipRupiah,
} from './dashboard.format.js';
import type { Graph } from './dashboard.graph.js';
import type { PanelJob, PanelSpec } from './dashboard.panel.js';
import { panel } from './dashboard.panel.js';

/** A unit's year (unit kerja, tahun): what its head and planners look at. */

interface IndicatorRow {
  goalCode: string;
  indicatorCode: string;
  indicatorName: string;
  target: number | null;
  realization: number | null;
  achievement: number | null;
}
interface QuarterRow {
  quarter: number;
  realization: number | null;
  achievement: number | null;
}
interface Goal {
  code: string;
  title: string;
  achievement: number | null;
  indicators: { code: string; name: string; quarters: QuarterRow[] }[];
}
interface ExpenseRow {
  expenseType: string;
  ceiling: number | null;
  realized: number;
  absorptionRate: number | null;
}
interface MonthRow {
  month: number;
  realized: number;
  cumulativeRealized: number;
  cumulativeAbsorptionRate: number | null;
}
interface RevisionRow {
  satker: string;
  number: number;
  authority: string;
  date: string;
  ceilingAfter: number;
  description: string;
}
interface ElementRow {
  code: string;
  name: string;
  meanScore: number;
}
interface Survey {
  respondents: number;
  index: number;
  grade: string;
  elements: ElementRow[];
}

const below = (achievement: number | null): boolean => achievement != null && achievement < 100;
const achievementColour = (achievement: number | null): string => (below(achievement) ? COLOURS.below : COLOURS.good);
/** The line at 100%: the target, on charts of achievement. */
const targetLine: BarSeriesOption['markLine'] = { silent: true, symbol: 'none', data: [{ yAxis: 100, name: '100%' }] };
const grid = { left: 60, right: 30, top: 40, bottom: 60, containLabel: true } as const;

const UNIT_INDICATORS = `query UnitIndicators($unit: ID!, $year: Int!) {
  indicatorStats(filter: { units: [$unit], fromYear: $year, toYear: $year }) {
    goalCode
    indicatorCode
    indicatorName
    target
    realization
    achievement
  }
}`;

const UNIT_GOALS = `query UnitGoalsAndQuarters($unit: ID!, $year: Int!) {
  unit(code: $unit) {
    performance(year: $year) {
      goals {
        code
        title
        achievement
        indicators { code name quarters { quarter realization achievement } }
      }
    }
  }
}`;

const UNIT_EXPENSE_TYPES = `query UnitBudgetByExpenseType($unit: String!, $year: Int!) {
  budgetStats(filter: { units: [$unit], fromYear: $year, toYear: $year }, groupBy: [EXPENSE_TYPE]) {
    expenseType
    ceiling
    realized
    absorptionRate
  }
}`;

const UNIT_ABSORPTION = `query UnitAbsorptionCurve($unit: ID!, $year: Int!) {
  unit(code: $unit) {
    budget(year: $year) {
      ceiling
      realized
      absorptionRate
      byMonth { month realized cumulativeRealized cumulativeAbsorptionRate }
    }
  }
}`;

// The contract's operation (gateway/test/contract/operations.graphql), unchanged.
const DIPA_REVISIONS = `query DipaRevisions($unit: ID!, $year: Int!) {
  unit(code: $unit) {
    budget(year: $year) {
      satkers {
        code
        revisions { number authority date ceilingAfter description }
      }
    }
  }
}`;

const UNIT_SATISFACTION = `query UnitSatisfaction($unit: ID!, $year: Int!) {
  unit(code: $unit) {
    satisfactionSurvey(year: $year) {
      respondents
      index
      grade
      elements { code name meanScore }
    }
  }
}`;

type UnitOf<T> = { unit: T | null };

export function unitPanels(unit: string, year: number): PanelJob[] {
  const variables = { unit, year };

  const indicators: PanelSpec<{ indicatorStats: IndicatorRow[] }, IndicatorRow> = {
    id: 'indicators',
    title: 'Indikator kinerja: target, realisasi dan capaian',
    operation: { operationName: 'UnitIndicators', query: UNIT_INDICATORS, variables },
    rows: (data) => data.indicatorStats,
    columns: [
      { label: 'Sasaran', cell: (r) => r.goalCode },
      { label: 'Indikator', cell: (r) => r.indicatorCode },
      { label: 'Nama indikator', cell: (r) => r.indicatorName },
      { label: 'Target', cell: (r) => formatDecimal(r.target), numeric: true },
      { label: 'Realisasi', cell: (r) => formatDecimal(r.realization), numeric: true },
      { label: 'Capaian (%)', cell: (r) => formatDecimal(r.achievement), numeric: true },
    ],
    summary: (rows) => {
      const short = rows.filter((r) => below(r.achievement)).length;
      return short ? `${short} indikator di bawah target` : 'Semua indikator mencapai target';
    },
    chart: (rows): EChartsOption =>
      categoryChart({
        categories: rows.map((r) => r.indicatorCode),
        valueFormatter: tooltipDecimal,
        legend: { data: ['Target', 'Realisasi', 'Capaian (%)'] },
        grid,
        valueAxis: { type: 'value' },
        series: [
          barSeries({ name: 'Target', data: rows.map((r) => r.target), itemStyle: { color: COLOURS.target } }),
          barSeries({
            name: 'Realisasi',
            data: rows.map((r) => r.realization),
            itemStyle: { color: COLOURS.realization },
          }),
          barSeries({
            name: 'Capaian (%)',
            data: rows.map((r) => ({ value: r.achievement, itemStyle: { color: achievementColour(r.achievement) } })),
            itemStyle: { color: COLOURS.good },
            markLine: targetLine,
          }),
        ],
      }),
  };

  type GoalsData = UnitOf<{ performance: { goals: Goal[] } | null }>;
  const goalsOf = (data: GoalsData): Goal[] => data.unit?.performance?.goals ?? [];
  const goals: PanelSpec<GoalsData, Goal> = {
    id: 'goals',
    title: 'Capaian sasaran kegiatan',
    operation: { operationName: 'UnitGoalsAndQuarters', query: UNIT_GOALS, variables },
    rows: goalsOf,
    columns: [
      { label: 'Sasaran', cell: (g) => g.code },
      { label: 'Uraian', cell: (g) => g.title },
      { label: 'Capaian (%)', cell: (g) => formatDecimal(g.achievement), numeric: true },
    ],
    chart: (rows): EChartsOption =>
      categoryChart({
        categories: rows.map((g) => g.code),
        valueFormatter: tooltipDecimal,
        grid,
        valueAxis: percentAxis,
        series: [
          barSeries({
            name: 'Capaian (%)',
            data: rows.map((g) => ({ value: g.achievement, itemStyle: { color: achievementColour(g.achievement) } })),
            label: valueLabel('top'),
            markLine: targetLine,
          }),
        ],
      }),
  };

  // Only ratio indicators have quarters (cumulative by triwulan); one row per indicator and quarter.
  type QuarterLine = QuarterRow & { indicator: string };
  const quarters: PanelSpec<GoalsData, QuarterLine> = {
    id: 'quarters',
    title: 'Progres triwulan indikator rasio (kumulatif)',
    operation: { operationName: 'UnitGoalsAndQuarters', query: UNIT_GOALS, variables },
    rows: (data) =>
      goalsOf(data).flatMap((g) => g.indicators.flatMap((i) => i.quarters.map((q) => ({ ...q, indicator: i.code })))),
    columns: [
      { label: 'Indikator', cell: (r) => r.indicator },
      { label: 'Triwulan', cell: (r) => QUARTERS[r.quarter - 1] ?? String(r.quarter) },
      { label: 'Realisasi', cell: (r) => formatDecimal(r.realization), numeric: true },
      { label: 'Capaian (%)', cell: (r) => formatDecimal(r.achievement), numeric: true },
    ],
    chart: (rows): EChartsOption => {
      const names = [...new Set(rows.map((r) => r.indicator))];
      return categoryChart({
        categories: QUARTERS,
        valueFormatter: tooltipDecimal,
        legend: { data: names },
        grid,
        valueAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor((v.min - 10) / 10) * 10) },
        series: names.map((name) =>
          lineSeries({
            name,
            connectNulls: false,
            data: QUARTERS.map(
              (_, i) => rows.find((r) => r.indicator === name && r.quarter === i + 1)?.realization ?? null,
            ),
          }),
        ),
      });
    },
  };

  const expenseTypes: PanelSpec<{ budgetStats: ExpenseRow[] }, ExpenseRow> = {
    id: 'expense-types',
    title: 'Pagu dan realisasi menurut jenis belanja',
    operation: {
      operationName: 'UnitBudgetByExpenseType',
      query: UNIT_EXPENSE_TYPES,
      variables,
    },
    rows: (data) => data.budgetStats,
    columns: [
      { label: 'Jenis belanja', cell: (r) => EXPENSE_TYPES[r.expenseType] ?? r.expenseType },
      { label: 'Pagu', cell: (r) => formatRupiah(r.ceiling), numeric: true },
      { label: 'Realisasi', cell: (r) => formatRupiah(r.realized), numeric: true },
      { label: 'Penyerapan (%)', cell: (r) => formatDecimal(r.absorptionRate), numeric: true },
    ],
    chart: (rows): EChartsOption =>
      categoryChart({
        categories: rows.map((r) => EXPENSE_TYPES[r.expenseType] ?? r.expenseType),
        valueFormatter: tooltipRupiah,
        legend: { data: ['Pagu', 'Realisasi'] },
        grid,
        valueAxis: { type: 'value', axisLabel: { formatter: formatCompactRupiah } },
        series: [
          barSeries({ name: 'Pagu', data: rows.map((r) => r.ceiling), itemStyle: { color: COLOURS.ceiling } }),
          barSeries({
            name: 'Realisasi',
            data: rows.map((r) => r.realized),
            itemStyle: { color: COLOURS.realization },
          }),
        ],
      }),
  };

  type BudgetData = UnitOf<{
    budget: { ceiling: number; realized: number; absorptionRate: number | null; byMonth: MonthRow[] } | null;
  }>;
  const absorption: PanelSpec<BudgetData, MonthRow> = {
    id: 'absorption',
    title: 'Kurva penyerapan anggaran (realisasi kumulatif per bulan)',
    operation: { operationName: 'UnitAbsorptionCurve', query: UNIT_ABSORPTION, variables },
    rows: (data) => data.unit?.budget?.byMonth ?? [],
    summary: (_rows, data) => {
      const budget = data.unit!.budget!;
      return `Pagu ${formatRupiah(budget.ceiling)}, realisasi ${formatRupiah(budget.realized)} (${formatDecimal(budget.absorptionRate)}%)`;
    },
    columns: [
      { label: 'Bulan', cell: (r) => MONTHS[r.month - 1] ?? String(r.month) },
      { label: 'Realisasi bulan ini', cell: (r) => formatRupiah(r.realized), numeric: true },
      { label: 'Realisasi kumulatif', cell: (r) => formatRupiah(r.cumulativeRealized), numeric: true },
      { label: 'Penyerapan kumulatif (%)', cell: (r) => formatDecimal(r.cumulativeAbsorptionRate), numeric: true },
    ],
    chart: (rows): EChartsOption =>
      categoryChart({
        categories: rows.map((r) => MONTHS[r.month - 1] ?? String(r.month)),
        valueFormatter: tooltipDecimal,
        legend: { data: ['Penyerapan kumulatif (%)', 'Realisasi bulan ini'] },
        grid,
        valueAxis: [
          { ...percentAxis, max: 100 },
          { type: 'value', axisLabel: { formatter: formatCompactRupiah }, splitLine: { show: false } },
        ],
        series: [
          lineSeries({
            name: 'Penyerapan kumulatif (%)',
            data: rows.map((r) => r.cumulativeAbsorptionRate),
            itemStyle: { color: COLOURS.line },
            areaStyle: { opacity: 0.15 },
          }),
          barSeries({
            name: 'Realisasi bulan ini',
            yAxisIndex: 1,
            data: rows.map((r) => r.realized),
            itemStyle: { color: COLOURS.realization, opacity: 0.5 },
            tooltip: { valueFormatter: tooltipRupiah },
          }),
        ],
      }),
  };

  type RevisionData = UnitOf<{
    budget: { satkers: { code: string; revisions: Omit<RevisionRow, 'satker'>[] }[] } | null;
  }>;
  const revisions: PanelSpec<RevisionData, RevisionRow> = {
    id: 'revisions',
    title: 'Revisi DIPA',
    operation: { operationName: 'DipaRevisions', query: DIPA_REVISIONS, variables },
    rows: (data) =>
      (data.unit?.budget?.satkers ?? []).flatMap((s) => s.revisions.map((r) => ({ ...r, satker: s.code }))),
    columns: [
      { label: 'Satker', cell: (r) => r.satker },
      { label: 'Revisi ke-', cell: (r) => String(r.number), numeric: true },
      { label: 'Tanggal', cell: (r) => formatDate(r.date) },
      { label: 'Kewenangan', cell: (r) => r.authority },
      { label: 'Pagu setelah revisi', cell: (r) => formatRupiah(r.ceilingAfter), numeric: true },
      { label: 'Uraian', cell: (r) => r.description },
    ],
    summary: (rows) => `${formatInteger(rows.length)} revisi pada ${new Set(rows.map((r) => r.satker)).size} satker`,
    chart: (rows): EChartsOption => {
      const satkers = [...new Set(rows.map((r) => r.satker))];
      const bySatker = satkers.map((s) => rows.filter((r) => r.satker === s));
      return {
        tooltip: {
          trigger: 'item',
          formatter: (p) => {
            const { seriesIndex, dataIndex } = p as { seriesIndex: number; dataIndex: number };
            const r = bySatker[seriesIndex]?.[dataIndex];
            return r
              ? `Satker ${r.satker}, revisi ke-${r.number} (${r.authority})<br/>${formatDate(r.date)}: ${formatRupiah(r.ceilingAfter)}`
              : '';
          },
        },
        legend: { data: satkers.map((s) => `Satker ${s}`) },
        grid,
        xAxis: { type: 'time', axisLabel: { formatter: (v: number) => MONTHS[new Date(v).getUTCMonth()] ?? '' } },
        yAxis: { type: 'value', axisLabel: { formatter: formatCompactRupiah } },
        series: bySatker.map((revisionsOfSatker, i) =>
          lineSeries({
            name: `Satker ${satkers[i]}`,
            step: 'end',
            symbolSize: 9,
            data: revisionsOfSatker.map((r) => [r.date, r.ceilingAfter]),
          }),
        ),
      };
    },
  };

  type SurveyData = UnitOf<{ satisfactionSurvey: Survey | null }>;
  const satisfaction: PanelSpec<SurveyData, ElementRow> = {
    id: 'satisfaction',
    title: 'Indeks Kepuasan Masyarakat (IKM) per unsur pelayanan',
    operation: { operationName: 'UnitSatisfaction', query: UNIT_SATISFACTION, variables },
    rows: (data) => data.unit?.satisfactionSurvey?.elements ?? [],
    summary: (_rows, data) => {
      const survey = data.unit!.satisfactionSurvey!;
      return `IKM ${formatDecimal(survey.index)}, mutu pelayanan ${survey.grade}, ${formatInteger(survey.respondents)} responden`;
    },
    columns: [
      { label: 'Unsur', cell: (r) => r.code },
      { label: 'Nama unsur', cell: (r) => r.name },
      { label: 'Nilai rata-rata (1–4)', cell: (r) => formatDecimal(r.meanScore), numeric: true },
    ],
    chart: (rows): EChartsOption =>
      categoryChart({
        categories: rows.map((r) => r.code),
        valueFormatter: tooltipDecimal,
        grid,
        valueAxis: { type: 'value', min: 1, max: 4 },
        series: [
          barSeries({
            name: 'Nilai rata-rata',
            data: rows.map((r) => r.meanScore),
            itemStyle: { color: COLOURS.realization },
            label: valueLabel('top'),
          }),
        ],
      }),
  };

  return [
    panel(indicators),
    panel(goals),
    panel(quarters),
    panel(expenseTypes),
    panel(absorption),
    panel(revisions),
    panel(satisfaction),
  ];
}

/** The unit's panels, side by side; resolves when every one has answered. */
export async function renderUnit(grid: HTMLElement, graph: Graph, unit: string, year: number): Promise<void> {
  await Promise.all(unitPanels(unit, year).map((job) => job(grid, graph)));
}
