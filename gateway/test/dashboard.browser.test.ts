import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { EmbeddedSystem } from '../src';
import type { BrowserSession } from './browser.support';
import { ARTIFACTS, openBrowser, operationName } from './browser.support';
import { readWorkbook, sheetValues } from './export.support';
import { query, settle, startTestGraph, tokenFor } from './support';

const WAIT = { timeout: 60000 };
/** Intl's rupiah and thousands formats put a no-break space after "Rp"; the tests read it as a space. */
const text = (value: string | null): string => (value ?? '').replace(/\u00a0/g, ' ').trim();
const VIEW_READY = "document.getElementById('view').getAttribute('data-state') === 'ready'";

describe('dashboard: the unit and ministry views in a real browser (headless Chromium, embedded graph)', () => {
  let system: EmbeddedSystem;
  let browser: BrowserSession;
  let page: Page;
  let origin: string;
  const admin = tokenFor('admin');

  beforeAll(async () => {
    if (!existsSync(join(__dirname, '..', 'web', 'dist', 'dashboard.main.js')))
      throw new Error('the dashboard is not built: npm run build');
    system = await startTestGraph();
    origin = new URL(system.gateway.url).origin;
    // No chart animation, so a screenshot shows the drawn figures, not a frame of their growth.
    browser = await openBrowser(origin, { reducedMotion: 'reduce', acceptDownloads: true });
    page = browser.page;
  }, 180000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const signIn = async (token: string) => {
    await page.goto(`${origin}/dashboard`);
    await page.waitForSelector('#sign-in:not([hidden])', WAIT);
    await page.fill('#token', token);
    await page.click('#sign-in button[type=submit]');
  };
  /** Waits until the view drawn last is the one the address names, every panel answered. */
  const shown = (hash: string) =>
    page.waitForFunction(
      `document.getElementById('view').getAttribute('data-route') === ${JSON.stringify(hash)} && ${VIEW_READY}`,
      null,
      WAIT,
    );
  /** Goes to a view by its address, as a link or the pickers do. */
  const open = async (hash: string) => {
    await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
    await shown(hash);
  };
  const storedToken = () => page.evaluate<string | null>("sessionStorage.getItem('kesos.dashboard.token')");
  const panelState = (id: string) => page.getAttribute(`[data-panel="${id}"]`, 'data-state');
  /** A panel's table as text: one array of cells per row (header first). */
  const tableOf = async (id: string): Promise<string[][]> => {
    const panel = `[data-panel="${id}"]`;
    if (await page.isHidden(`${panel} .table`)) await page.click(`${panel} button.toggle`);
    await page.waitForSelector(`${panel} .table table`, { state: 'visible', ...WAIT });
    const rows = await page.$$eval(`${panel} .table tr`, (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
    );
    return rows.map((cells) => cells.map((cell) => text(cell)));
  };
  /** The numbers a chart was drawn with, read back from ECharts: series name -> values. */
  const chartSeries = (id: string): Promise<Record<string, unknown[]>> =>
    page.evaluate(`(() => {
      const el = document.querySelector('[data-panel="${id}"] .chart');
      const series = {};
      for (const s of echarts.getInstanceByDom(el).getOption().series)
        series[s.name] = s.data.map((d) => (typeof d === 'object' && d !== null && 'value' in d ? d.value : d));
      return series;
    })()`);

  it('signs in as admin and opens on the ministry view of the latest year', async () => {
    await signIn(admin);
    await shown('#/ministry/2022');
    expect(page.url()).toBe(`${origin}/dashboard#/ministry/2022`);
    expect(await storedToken()).toBe(admin);
  });

  it('shows Padang 2022 with the graph figures in its charts and tables', async () => {
    await open('#/unit/BBPPKS-PADANG/2022');
    expect(text(await page.textContent('#view-title'))).toBe(
      'Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial (BBPPKS) Padang: tahun 2022',
    );
    for (const id of ['indicators', 'goals', 'quarters', 'expense-types', 'absorption', 'revisions', 'satisfaction'])
      expect([id, await panelState(id)]).toEqual([id, 'ready']);

    // The graph's own answer, asked directly: the page must show exactly these figures.
    const direct = await query<{
      indicatorStats: { indicatorCode: string; realization: number; achievement: number }[];
    }>(
      system,
      'query { indicatorStats(filter: { units: ["BBPPKS-PADANG"], fromYear: 2022, toYear: 2022 }) { indicatorCode realization achievement } }',
      {},
      admin,
    );
    const sk11 = direct.data!.indicatorStats.find((r) => r.indicatorCode === 'SK1.1')!;
    expect(sk11).toEqual({ indicatorCode: 'SK1.1', realization: 84.65, achievement: 115.96 });

    const series = await chartSeries('indicators');
    const at = direct.data!.indicatorStats.indexOf(sk11);
    expect(series.Realisasi?.[at]).toBe(84.65);
    expect(series['Capaian (%)']?.[at]).toBe(115.96);

    const indicators = await tableOf('indicators');
    expect(indicators[0]).toEqual(['Sasaran', 'Indikator', 'Nama indikator', 'Target', 'Realisasi', 'Capaian (%)']);
    const row = indicators.find((cells) => cells[1] === 'SK1.1')!;
    expect([row[0], row[3], row[4], row[5]]).toEqual(['SK1', '73,00', '84,65', '115,96']);

    const budget = await tableOf('expense-types');
    expect(budget).toContainEqual(['Belanja barang', 'Rp 10.628.081.000', 'Rp 10.580.534.525', '99,55']);
    expect(text(await page.textContent('[data-panel="absorption"] .summary'))).toBe(
      'Pagu Rp 16.900.855.000, realisasi Rp 16.832.774.799 (99,60%)',
    );
    const curve = await tableOf('absorption');
    expect(curve[12]).toEqual(['Des', 'Rp 2.647.835.551', 'Rp 16.832.774.799', '99,60']);
    const revisions = await tableOf('revisions');
    expect(revisions.find((cells) => cells[0] === '690552' && cells[1] === '2')?.slice(0, 5)).toEqual([
      '690552',
      '2',
      '4 November 2022',
      'DJA',
      'Rp 8.179.753.000',
    ]);
    expect(text(await page.textContent('[data-panel="satisfaction"] .summary'))).toBe(
      'IKM 91,60, mutu pelayanan A, 1.508 responden',
    );
    expect((await tableOf('satisfaction')).slice(1).map((cells) => cells[0])).toEqual([
      'U1',
      'U2',
      'U3',
      'U4',
      'U5',
      'U6',
      'U7',
      'U8',
      'U9',
    ]);
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const id of ['indicators', 'expense-types', 'absorption', 'revisions', 'satisfaction'])
      await page.click(`[data-panel="${id}"] button.toggle`);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-unit.png'), fullPage: true });
  });

  it("downloads a chart's numbers as XLSX through /export, the same operation as the chart", async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.click('[data-panel="indicators"] button.download'),
    ]);
    expect(download.suggestedFilename()).toBe('UnitIndicators.xlsx');
    const file = await download.path();
    const sheet = (await readWorkbook(readFileSync(file))).getWorksheet('indicatorStats')!;
    const values = sheetValues(sheet);
    expect(values[0]).toEqual(['goalCode', 'indicatorCode', 'indicatorName', 'target', 'realization', 'achievement']);
    expect(values.find((cells) => cells[1] === 'SK1.1')?.slice(3)).toEqual([73, 84.65, 115.96]);
    await page.waitForSelector('[data-panel="indicators"] .status:text("Diunduh: UnitIndicators.xlsx")', WAIT);
  });

  it('shows the ministry view: ranking, heat map, SAKIP over the years, IKM with the ministry index; a click opens a unit', async () => {
    await open('#/ministry/2022');
    for (const id of ['absorption-ranking', 'goal-heatmap', 'sakip', 'satisfaction-units'])
      expect([id, await panelState(id)]).toEqual([id, 'ready']);
    expect(await tableOf('absorption-ranking')).toContainEqual([
      '1',
      'BBPPKS-PADANG',
      'Rp 16.900.855.000',
      'Rp 16.832.774.799',
      '99,60',
    ]);
    const heat = await tableOf('goal-heatmap');
    expect(heat.filter((cells) => cells[0] === 'BBPPKS-PADANG').map((cells) => cells.slice(1))).toEqual([
      ['SK1', '115,96'],
      ['SK2', '110,72'],
      ['SK3', '133,33'],
      ['SK4', '100,00'],
      ['SK5', '115,35'],
      ['SK6', '101,78'],
    ]);
    const sakip = await tableOf('sakip');
    expect(sakip).toContainEqual(['2021', 'BBPPKS-PADANG', '80,07', 'A']);
    expect(new Set(sakip.slice(1).map((cells) => cells[0]))).toEqual(new Set(['2020', '2021']));
    expect(text(await page.textContent('[data-panel="satisfaction-units"] .summary'))).toBe(
      'Indeks kementerian 91,60 (mutu A), 1.508 responden',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-ministry.png'), fullPage: true });

    // Back to the charts, then a click on Padang's bar in the ranking opens Padang's view.
    await page.click('[data-panel="absorption-ranking"] button.toggle');
    const point = await page.evaluate<{ x: number; y: number }>(`(() => {
      const el = document.querySelector('[data-panel="absorption-ranking"] .chart');
      const [x, y] = echarts.getInstanceByDom(el).convertToPixel({ seriesIndex: 0 }, [50, 0]);
      const box = el.getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    })()`);
    await page.mouse.click(point.x, point.y);
    await shown('#/unit/BBPPKS-PADANG/2022');
    expect(await panelState('indicators')).toBe('ready');
  });

  it('sent every GraphQL request with the token, and only the operations the panels name', () => {
    const graphql = browser.requests.filter((r) => r.url === `${origin}/graphql`);
    expect(graphql.filter((r) => r.authorization !== `Bearer ${admin}`)).toEqual([]);
    expect(new Set(graphql.map(operationName))).toEqual(
      new Set([
        'DashboardStart',
        'UnitIndicators',
        'UnitGoalsAndQuarters',
        'UnitBudgetByExpenseType',
        'UnitAbsorptionCurve',
        'DipaRevisions',
        'UnitSatisfaction',
        'BudgetAbsorptionRanking',
        'GoalAchievementsAcrossUnits',
        'SakipAcrossYears',
        'SatisfactionAcrossUnits',
      ]),
    );
  });

  it('draws an indicator below its target in red, and counts it, after its target is raised', async () => {
    const raised = await query(
      system,
      'mutation($i: SetIndicatorTargetInput!) { setIndicatorTarget(input: $i) { fromYear } }',
      { i: { unitCode: 'BBPPKS-PADANG', year: 2022, indicatorCode: 'SK1.1', target: 90 } },
      admin,
    );
    expect(raised.errors).toBeUndefined();
    await settle(system);
    const direct = await query<{ indicatorStats: { indicatorCode: string; achievement: number }[] }>(
      system,
      'query { indicatorStats(filter: { units: ["BBPPKS-PADANG"], fromYear: 2022, toYear: 2022 }) { indicatorCode achievement } }',
      {},
      admin,
    );
    const achievements = direct.data!.indicatorStats.map((r) => r.achievement);
    expect(achievements.filter((a) => a < 100)).toEqual([94.06]);

    // The view is on Padang already (the ranking's click): through the ministry, so the address changes.
    await open('#/ministry/2022');
    await open('#/unit/BBPPKS-PADANG/2022');
    expect(text(await page.textContent('[data-panel="indicators"] .summary'))).toBe('1 indikator di bawah target');
    const colours = await page.evaluate<string[]>(`(() => {
      const el = document.querySelector('[data-panel="indicators"] .chart');
      const series = echarts.getInstanceByDom(el).getOption().series.find((s) => s.name === 'Capaian (%)');
      return series.data.map((d) => d.itemStyle.color);
    })()`);
    expect(colours).toEqual(achievements.map((a) => (a < 100 ? '#c0392b' : '#2e8b57')));
    expect((await tableOf('indicators')).find((cells) => cells[1] === 'SK1.1')?.slice(3)).toEqual([
      '90,00',
      '84,65',
      '94,06',
    ]);
  });

  it('a viewer of Bandung opens on Bandung and cannot see Padang: the graph refuses, the page says so', async () => {
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in:not([hidden])', WAIT);
    expect(await storedToken()).toBeNull();
    expect(await page.$$('[data-panel]')).toEqual([]);
    const viewer = tokenFor('viewer', 'BBPPKS-BANDUNG');
    await page.fill('#token', viewer);
    await page.click('#sign-in button[type=submit]');
    await page.waitForFunction(
      `/^#\\/unit\\/BBPPKS-BANDUNG\\/\\d{4}$/.test(location.hash) && ${VIEW_READY}`,
      null,
      WAIT,
    );
    expect(await page.isHidden('#to-ministry')).toBe(true);
    expect(await page.$$eval('#unit option', (options) => options.map((o) => o.getAttribute('value')))).toEqual([
      '',
      'BBPPKS-BANDUNG',
    ]);

    await open('#/unit/BBPPKS-PADANG/2022');
    for (const id of ['goals', 'absorption', 'revisions', 'satisfaction']) {
      expect([id, await panelState(id)]).toEqual([id, 'refused']);
      expect(text(await page.textContent(`[data-panel="${id}"] .status`))).toContain(
        'FORBIDDEN: a viewer of BBPPKS-BANDUNG reads only the records of BBPPKS-BANDUNG',
      );
    }
    // The statistics answer a viewer with their own unit's rows only: none of Padang's.
    expect(await panelState('indicators')).toBe('empty');
    expect(await panelState('expense-types')).toBe('empty');
    const shown = text(await page.textContent('#grid'));
    for (const figure of ['84,65', '115,96', '16.900.855.000', '91,60']) expect(shown).not.toContain(figure);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-viewer-refused.png'), fullPage: true });
  });

  it('loaded nothing from beyond the gateway, and the console had no errors', () => {
    expect(browser.offsite()).toEqual([]);
    expect(browser.requests.map((r) => r.url)).toContain(`${origin}/dashboard/echarts.min.js`);
    expect(browser.consoleErrors).toEqual([]);
  });

  it("serves the built scripts by file name only: nothing else of the gateway's folders", async () => {
    const status = async (path: string) => (await fetch(`${origin}${path}`)).status;
    expect(await status('/dashboard/dashboard.main.js')).toBe(200);
    expect(await status('/dashboard/dashboard.missing.js')).toBe(404);
    expect(await status('/dashboard/..%2F..%2Fpackage.json')).toBe(404);
    expect(await status('/dashboard/../src/dashboard.route.js')).toBe(404);
  });
});
