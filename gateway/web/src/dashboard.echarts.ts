import type * as EChartsModule from 'echarts';

declare global {
  /** Apache ECharts from its npm package (dist/echarts.min.js, served as /dashboard/echarts.min.js). */
  const echarts: typeof EChartsModule;
}

export type { ECharts, EChartsOption, ECElementEvent } from 'echarts';
