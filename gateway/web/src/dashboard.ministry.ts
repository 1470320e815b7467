import type { EChartsOption } from './dashboard.echarts.js';
import { barSeries, categoryChart, heatmapSeries, lineSeries, percentAxis, valueLabel } from './dashboard.echarts.js';
import { COLOURS, formatDecimal, formatInteger, formatRupiah, tooltipDecimal } from './dashboard.format.js';
import type { Graph } from './dashboard.graph.js';
import type { PanelJob, PanelSpec } from './dashboard.panel.js';
import { panel } from './dashboard.panel.js';

/** The ministry's view of a year (analyst, admin): every unit side by side; a click opens a unit. */

interface UnitRef {
  code: string;
  name?: string;
}
interface RankingRow {
  rank: number | null;
  unit: UnitRef | null;
  ceiling: number | null;
  realized: number;
  absorptionRate: number | null;
}
interface UnitGoals {
  code: string;
  name: string;
  performance: { goals: { code: string; achievement: number | null }[] } | null;
}
interface SakipRow {
  year: number;
  score: number;
  category: string;
  unit: UnitRef | null;
}
interface SurveyRow {
  unit: UnitRef | null;
  respondents: number;
  index: number | null;
  grade: string | null;
}

/** How many years the SAKIP chart looks back from the chosen one. */
const SAKIP_YEARS = 5;

// The analysts' contract operation (gateway/test/contract/analytics.graphql), unchanged.
const ABSORPTION_RANKING = `query BudgetAbsorptionRanking($year: Int!) {
  budgetStats(
    filter: { fromYear: $year, toYear: $year }
    groupBy: [UNIT]
    orderBy: [{ field: ABSORPTION_RATE, direction: DESC }]
  ) {
    rank
    unit { code name }
    ceiling
    realized
    absorptionRate
  }
}`;

const GOAL_ACHIEVEMENTS = `query GoalAchievementsAcrossUnits($year: Int!) {
  units {
    code
    name
    performance(year: $year) { goals { code achievement } }
  }
}`;

/** One alias per year (y2021: ...): the export gives each year its own sheet. */
const sakipAcrossYears = (years: number[]): string =>
  `query SakipAcrossYears {\n${years
    .map((y) => `  y${y}: sakipEvaluations(year: ${y}) { year score category unit { code name } }`)
    .join('\n')}\n}`;

// The analysts' contract operation (gateway/test/contract/analytics.graphql), unchanged.
const SATISFACTION_ACROSS_UNITS = `query SatisfactionAcrossUnits($year: Int!) {
  byUnit: surveyStats(filter: { fromYear: $year, toYear: $year }, groupBy: [UNIT]) {
    unit { code }
    respondents
    index
    grade
  }
  ministry: surveyStats(filter: { fromYear: $year, toYear: $year }, groupBy: []) {
    respondents
    index
    grade
  }
}`;

const grid = { left: 20, right: 30, top: 40, bottom: 30, containLabel: true } as const;
const codeOf = (unit: UnitRef | null): string => unit?.code ?? '?';

export function ministryPanels(year: number, open: (unit: string) => void): PanelJob[] {
  const unitLink = (code: string | undefined): string | null => (code ? `#/unit/${code}/${year}` : null);

  const ranking: PanelSpec<{ budgetStats: RankingRow[] }, RankingRow> = {
    id: 'absorption-ranking',
    title: 'Peringkat penyerapan anggaran',
    operation: { operationName: 'BudgetAbsorptionRanking', query: ABSORPTION_RANKING, variables: { year } },
    rows: (data) => data.budgetStats,
    columns: [
      { label: 'Peringkat', cell: (r) => formatInteger(r.rank), numeric: true },
      { label: 'Unit', cell: (r) => codeOf(r.unit), href: (r) => unitLink(r.unit?.code) },
      { label: 'Pagu', cell: (r) => formatRupiah(r.ceiling), numeric: true },
      { label: 'Realisasi', cell: (r) => formatRupiah(r.realized), numeric: true },
      { label: 'Penyerapan (%)', cell: (r) => formatDecimal(r.absorptionRate), numeric: true },
    ],
    chart: (rows): EChartsOption =>
      categoryChart({
        // Best first from the top.
        horizontal: true,
        categories: rows.map((r) => codeOf(r.unit)),
        valueFormatter: tooltipDecimal,
        grid,
        valueAxis: { ...percentAxis, max: 100 },
        series: [
          barSeries({
            name: 'Penyerapan (%)',
            data: rows.map((r) => r.absorptionRate),
            itemStyle: { color: COLOURS.realization },
            label: valueLabel('right'),
          }),
        ],
      }),
    summary: (rows) =>
      `Pagu seluruh unit ${formatRupiah(rows.reduce((sum, r) => sum + (r.ceiling ?? 0), 0))}, ` +
      `realisasi ${formatRupiah(rows.reduce((sum, r) => sum + r.realized, 0))}`,
    onClick: (event, rows) => {
      const code = rows[event.dataIndex]?.unit?.code;
      if (code) open(code);
    },
  };
  // Units as rows, goals as columns; a unit without a plan for the year has an empty row.
  type HeatRow = { unit: string; goal: string; achievement: number | null };
  const heat: PanelSpec<{ units: UnitGoals[] }, HeatRow> = {
    id: 'goal-heatmap',
    title: 'Peta capaian sasaran kegiatan (unit × sasaran)',
    operation: { operationName: 'GoalAchievementsAcrossUnits', query: GOAL_ACHIEVEMENTS, variables: { year } },
    rows: (data) =>
      data.units.flatMap((u) =>
        (u.performance?.goals ?? []).map((g) => ({ unit: u.code, goal: g.code, achievement: g.achievement })),
      ),
    columns: [
      { label: 'Unit', cell: (r) => r.unit, href: (r) => unitLink(r.unit) },
      { label: 'Sasaran', cell: (r) => r.goal },
      { label: 'Capaian (%)', cell: (r) => formatDecimal(r.achievement), numeric: true },
    ],
    summary: (_rows, data) => {
      const without = data.units.filter((u) => !u.performance?.goals.length).map((u) => u.code);
      return without.length ? `Tanpa data capaian ${year}: ${without.join(', ')}` : '';
    },
    chart: (rows, data): EChartsOption => {
      const units = data.units.map((u) => u.code);
      const goals = [...new Set(rows.map((r) => r.goal))].sort();
      return {
        tooltip: {
          formatter: (p) => {
            const item = Array.isArray(p) ? p[0] : p;
            const [x, y, v] = (item?.value ?? []) as [number, number, number | null];
            return `${units[y]} ${goals[x]}: ${formatDecimal(v)}%`;
          },
        },
        grid: { ...grid, bottom: 60 },
        xAxis: { type: 'category', data: goals, splitArea: { show: true } },
        yAxis: { type: 'category', data: units, splitArea: { show: true } },
        visualMap: {
          type: 'piecewise',
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          pieces: [
            { lt: 100, label: '< 100% (di bawah target)', color: COLOURS.below },
            { gte: 100, lt: 110, label: '100–110%', color: '#8fd19e' },
            { gte: 110, label: '≥ 110%', color: COLOURS.good },
          ],
        },
        series: [
          heatmapSeries({
            name: 'Capaian (%)',
            data: rows.map((r) => [goals.indexOf(r.goal), units.indexOf(r.unit), r.achievement]),
            label: { show: true, formatter: (p) => formatDecimal((p.value as number[])[2]) },
          }),
        ],
      };
    },
    onClick: (event, _rows, data) => {
      const [, y] = event.value as [number, number];
      const code = data.units[y]?.code;
      if (code) open(code);
    },
    height: 380,
  };

  const years = Array.from({ length: SAKIP_YEARS }, (_, i) => year - SAKIP_YEARS + 1 + i);
  const sakip: PanelSpec<Record<string, SakipRow[]>, SakipRow> = {
    id: 'sakip',
    title: 'Nilai SAKIP dari tahun ke tahun',
    operation: { operationName: 'SakipAcrossYears', query: sakipAcrossYears(years), variables: {} },
    rows: (data) => years.flatMap((y) => data[`y${y}`] ?? []),
    columns: [
      { label: 'Tahun', cell: (r) => String(r.year) },
      { label: 'Unit', cell: (r) => codeOf(r.unit), href: (r) => unitLink(r.unit?.code) },
      { label: 'Nilai', cell: (r) => formatDecimal(r.score), numeric: true },
      { label: 'Kategori', cell: (r) => r.category },
    ],
    chart: (rows): EChartsOption => {
      const units = [...new Set(rows.map((r) => codeOf(r.unit)))].sort();
      const shown = years.filter((y) => rows.some((r) => r.year === y));
      return categoryChart({
        categories: shown.map(String),
        valueFormatter: tooltipDecimal,
        legend: { type: 'scroll', data: units },
        grid: { ...grid, bottom: 60 },
        valueAxis: { type: 'value', min: (v: { min: number }) => Math.floor((v.min - 5) / 5) * 5, max: 100 },
        series: units.map((code) =>
          lineSeries({
            id: code,
            name: code,
            data: shown.map((y) => rows.find((r) => r.year === y && codeOf(r.unit) === code)?.score ?? null),
          }),
        ),
      });
    },
    onClick: (event) => {
      if (event.seriesName) open(event.seriesName);
    },
    height: 380,
  };

  type SurveyData = { byUnit: SurveyRow[]; ministry: SurveyRow[] };
  const satisfaction: PanelSpec<SurveyData, SurveyRow> = {
    id: 'satisfaction-units',
    title: 'IKM per unit dan indeks kementerian',
    operation: {
      operationName: 'SatisfactionAcrossUnits',
      query: SATISFACTION_ACROSS_UNITS,
      variables: { year },
    },
    rows: (data) => data.byUnit,
    summary: (_rows, data) => {
      const ministry = data.ministry[0];
      return ministry?.index != null
        ? `Indeks kementerian ${formatDecimal(ministry.index)} (mutu ${ministry.grade ?? '–'}), ${formatInteger(ministry.respondents)} responden`
        : '';
    },
    columns: [
      { label: 'Unit', cell: (r) => codeOf(r.unit), href: (r) => unitLink(r.unit?.code) },
      { label: 'Responden', cell: (r) => formatInteger(r.respondents), numeric: true },
      { label: 'IKM', cell: (r) => formatDecimal(r.index), numeric: true },
      { label: 'Mutu', cell: (r) => r.grade ?? '–' },
    ],
    chart: (rows, data): EChartsOption => {
      const ministry = data.ministry[0]?.index;
      return categoryChart({
        categories: rows.map((r) => codeOf(r.unit)),
        valueFormatter: tooltipDecimal,
        grid,
        valueAxis: { type: 'value', min: 25, max: 100 },
        series: [
          barSeries({
            name: 'IKM',
            data: rows.map((r) => r.index),
            itemStyle: { color: COLOURS.realization },
            label: valueLabel('top'),
            markLine:
              ministry != null
                ? {
                    symbol: 'none',
                    label: { position: 'insideEndTop', formatter: `Kementerian ${formatDecimal(ministry)}` },
                    data: [{ yAxis: ministry }],
                  }
                : undefined,
          }),
        ],
      });
    },
    onClick: (event, rows) => {
      const code = rows[event.dataIndex]?.unit?.code;
      if (code) open(code);
    },
  };

  return [panel(ranking), panel(heat), panel(sakip), panel(satisfaction)];
}

export async function renderMinistry(
  grid: HTMLElement,
  graph: Graph,
  year: number,
  open: (unit: string) => void,
): Promise<void> {
  await Promise.all(ministryPanels(year, open).map((job) => job(grid, graph)));
}
