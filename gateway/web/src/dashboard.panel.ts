import type { ECElementEvent, ECharts, EChartsOption } from './dashboard.echarts.js';
import type { Answer, Graph, Operation } from './dashboard.graph.js';
import { describeErrors } from './dashboard.graph.js';

/** One column of a panel's table: its Indonesian header and how a row shows in it. */
export interface Column<R> {
  label: string;
  cell(row: R): string;
  numeric?: boolean;
  /** A link (a unit's view) the cell opens. */
  href?(row: R): string | null;
}

/** A chart with its numbers: one operation, its rows, the chart drawn from them and their table. */
export interface PanelSpec<D, R> {
  id: string;
  title: string;
  operation: Operation;
  rows(data: D): R[];
  columns: Column<R>[];
  chart(rows: R[], data: D): EChartsOption;
  /** A line under the title (an index and its grade, a total). */
  summary?(rows: R[], data: D): string;
  onClick?(event: ECElementEvent, rows: R[], data: D): void;
  height?: number;
}

/** What a panel ended as, on its data-state attribute (the browser tests wait for it). */
export type PanelState = 'loading' | 'ready' | 'empty' | 'refused';

const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
};

/** The charts on the page, disposed when the view changes and resized with the window. */
const charts = new Set<ECharts>();
window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
export const disposeCharts = (): void => {
  charts.forEach((chart) => chart.dispose());
  charts.clear();
};

function table<R>(columns: Column<R>[], rows: R[]): HTMLTableElement {
  const node = element('table');
  const head = node.createTHead().insertRow();
  for (const column of columns) head.append(element('th', column.numeric ? { class: 'num' } : {}, column.label));
  const body = node.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const column of columns) {
      const td = tr.insertCell();
      if (column.numeric) td.className = 'num';
      const href = column.href?.(row);
      if (href) td.append(element('a', { href }, column.cell(row)));
      else td.textContent = column.cell(row);
    }
  }
  return node;
}

/**
 * Draws one panel into the grid: asks the graph, then shows the chart, or the graph's refusal
 * when it refused (a unit outside the token's scope), or that there is nothing for the year.
 */
export async function renderPanel<D, R>(grid: HTMLElement, graph: Graph, spec: PanelSpec<D, R>): Promise<PanelState> {
  const section = element('section', { class: 'panel', 'data-panel': spec.id, 'data-state': 'loading' });
  const header = element('header');
  const title = element('h2', {}, spec.title);
  const summary = element('p', { class: 'summary' });
  const toggle = element('button', { type: 'button', class: 'toggle', disabled: '' }, 'Tabel');
  const download = element('button', { type: 'button', class: 'download' }, 'Unduh XLSX');
  header.append(title, toggle, download);
  const status = element('p', { class: 'status' }, 'Memuat…');
  const chartBox = element('div', { class: 'chart' });
  chartBox.style.height = `${spec.height ?? 320}px`;
  const tableBox = element('div', { class: 'table', hidden: '' });
  section.append(header, summary, status, chartBox, tableBox);
  grid.append(section);

  download.addEventListener('click', () => {
    download.disabled = true;
    status.textContent = 'Mengunduh…';
    graph
      .download(spec.operation)
      .then((name) => (status.textContent = `Diunduh: ${name}`))
      .catch((err: unknown) => (status.textContent = `Unduhan ditolak: ${(err as Error).message}`))
      .finally(() => (download.disabled = false));
  });

  const answer: Answer<D> = await graph.run<D>(spec.operation);
  const rows = answer.data ? spec.rows(answer.data) : [];
  let state: PanelState;
  if (answer.errors.length && !rows.length) {
    state = 'refused';
    status.textContent = `Ditolak oleh graf: ${describeErrors(answer.errors)}`;
    status.classList.add('refusal');
  } else if (!rows.length) {
    state = 'empty';
    // Statistics answer only the units the token reads, so another unit's figures are simply absent.
    status.textContent = 'Tidak ada data untuk pilihan ini (statistik hanya memuat unit yang boleh dibaca token ini).';
  } else {
    state = 'ready';
    // Some rows with some refusals (the ministry view for a unit's staff): what is readable, and why the rest is not.
    status.textContent = answer.errors.length ? `Sebagian ditolak: ${describeErrors(answer.errors)}` : '';
    if (answer.errors.length) status.classList.add('refusal');
    summary.textContent = spec.summary?.(rows, answer.data!) ?? '';
    tableBox.append(table(spec.columns, rows));
    const chart = echarts.init(chartBox, undefined, { renderer: 'canvas' });
    charts.add(chart);
    // Charts draw at once for whoever asked the system for less motion (and for screenshots).
    chart.setOption({
      animation: !matchMedia('(prefers-reduced-motion: reduce)').matches,
      ...spec.chart(rows, answer.data!),
    });
    if (spec.onClick) chart.on('click', (event) => spec.onClick!(event, rows, answer.data!));
    toggle.removeAttribute('disabled');
    toggle.addEventListener('click', () => {
      const showTable = tableBox.hidden;
      tableBox.hidden = !showTable;
      chartBox.hidden = showTable;
      toggle.textContent = showTable ? 'Grafik' : 'Tabel';
      if (!showTable) chart.resize();
    });
  }
  if (state !== 'ready') chartBox.hidden = true;
  section.setAttribute('data-state', state);
  return state;
}

/** A panel ready to draw; keeps each panel's row type inside it, so a view can list panels of any type. */
export type PanelJob = (grid: HTMLElement, graph: Graph) => Promise<PanelState>;
export const panel =
  <D, R>(spec: PanelSpec<D, R>): PanelJob =>
  (grid, graph) =>
    renderPanel(grid, graph, spec);
