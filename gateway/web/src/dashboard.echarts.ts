import type * as EChartsModule from 'echarts';
import type {
  BarSeriesOption,
  EChartsOption,
  GridComponentOption,
  HeatmapSeriesOption,
  LegendComponentOption,
  LineSeriesOption,
  TooltipComponentOption,
  XAXisComponentOption,
  YAXisComponentOption,
} from 'echarts';
import { formatDecimal, formatInteger } from './dashboard.format.js';

declare global {
  /** Apache ECharts from its npm package (dist/echarts.min.js, served as /dashboard/echarts.min.js). */
  const echarts: typeof EChartsModule;
}

export type { BarSeriesOption, ECharts, EChartsOption, ECElementEvent } from 'echarts';

// Each series typed by its kind: against ECharts' union of every series, `itemStyle` and `label`
// resolve to the deprecated ones of custom series, and a misspelt property of a bar goes unseen.
export const barSeries = (series: Omit<BarSeriesOption, 'type'>): BarSeriesOption => ({ type: 'bar', ...series });
export const lineSeries = (series: Omit<LineSeriesOption, 'type'>): LineSeriesOption => ({ type: 'line', ...series });
export const heatmapSeries = (series: Omit<HeatmapSeriesOption, 'type'>): HeatmapSeriesOption => ({
  type: 'heatmap',
  ...series,
});

/** An axis of figures, whether it runs up the side or (in a ranking) along the bottom. */
export type ValueAxis = XAXisComponentOption & YAXisComponentOption;

/** Percentages on the axis ("85%"). */
export const percentAxis = {
  type: 'value',
  axisLabel: { formatter: (v: number) => `${formatInteger(v)}%` },
} as const satisfies ValueAxis;

/** Each bar's figure written at its end (`top` of an upright bar, `right` of a lying one). */
export const valueLabel = (position: 'top' | 'right'): BarSeriesOption['label'] => ({
  show: true,
  position,
  formatter: (p) => formatDecimal(p.value as number),
});

/** Bars or lines over categories (indicators, quarters, months, units): the shape of most panels. */
export interface CategoryChart {
  /** The categories, in their order along the axis. */
  categories: string[];
  /** How the tooltip writes each series' figure at the category pointed at. */
  valueFormatter: NonNullable<TooltipComponentOption['valueFormatter']>;
  grid: GridComponentOption;
  legend?: LegendComponentOption;
  /** The axis of the figures: two for a line over bars, each series naming its own. */
  valueAxis: ValueAxis | ValueAxis[];
  series: (BarSeriesOption | LineSeriesOption)[];
  /** Categories down the side, the first at the top (a ranking), the figures along the bottom. */
  horizontal?: boolean;
}

export function categoryChart(chart: CategoryChart): EChartsOption {
  const categoryAxis = { type: 'category', data: chart.categories } as const;
  return {
    tooltip: { trigger: 'axis', valueFormatter: chart.valueFormatter },
    ...(chart.legend && { legend: chart.legend }),
    grid: chart.grid,
    ...(chart.horizontal
      ? { yAxis: { ...categoryAxis, inverse: true }, xAxis: chart.valueAxis }
      : { xAxis: categoryAxis, yAxis: chart.valueAxis }),
    series: chart.series,
  };
}
