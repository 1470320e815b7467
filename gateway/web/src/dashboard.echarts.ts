import type * as EChartsModule from 'echarts';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts';

declare global {
  /** Apache ECharts from its npm package (dist/echarts.min.js, served as /dashboard/echarts.min.js). */
  const echarts: typeof EChartsModule;
}

export type { ECharts, EChartsOption, ECElementEvent } from 'echarts';

// Each series typed by its kind: against ECharts' union of every series, `itemStyle` and `label`
// resolve to the deprecated ones of custom series, and a misspelt property of a bar goes unseen.
export const barSeries = (series: BarSeriesOption): BarSeriesOption => series;
export const lineSeries = (series: LineSeriesOption): LineSeriesOption => series;
export const heatmapSeries = (series: HeatmapSeriesOption): HeatmapSeriesOption => series;
