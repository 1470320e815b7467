import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { OperationDefinitionNode } from 'graphql';
import { parse } from 'graphql';
import { until } from '@kesos/infra/testing';
import type { EmbeddedSystem } from '../src';
import { explorerTabs } from '../src/explorer.tabs';
import type { BrowserSession } from './browser.support';
import { ARTIFACTS, openBrowser, operationName } from './browser.support';
import { startTestGraph, tokenFor } from './support';

const WAIT = { timeout: 30000 };

/** The text of a CodeMirror 5 editor, as GraphiQL holds it (the DOM shows only the visible lines). */
const editorText = (page: Page, selector: string): Promise<string> =>
  page.$eval(selector, (el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
const HEADERS = 'section.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
const RESPONSE = '.graphiql-response .CodeMirror';
const QUERY = '.graphiql-query-editor .CodeMirror';

describe('explorer: the first hour in a real browser (headless Chromium, embedded graph)', () => {
  let system: EmbeddedSystem;
  let browser: BrowserSession;
  let page: Page;
  let origin: string;
  const token = tokenFor('admin');

  beforeAll(async () => {
    system = await startTestGraph();
    origin = new URL(system.gateway.url).origin;
    browser = await openBrowser(origin);
    page = browser.page;
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const openDocs = async () => {
    if (!(await page.isVisible('.graphiql-doc-explorer')))
      await page.click('button[aria-label="Show Documentation Explorer"]');
  };
  /** What a user does: select the whole headers editor and paste over it. */
  const pasteHeaders = async (headers: Record<string, string>) => {
    await page.click(HEADERS);
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(JSON.stringify(headers));
  };
  const SCHEMA_LOADED = '.graphiql-doc-explorer a.graphiql-doc-explorer-type-name:text-is("Query")';
  const activeTab = async () => (await page.textContent('.graphiql-tab-active .graphiql-tab-button'))?.trim();
  const tabTitles = () => page.$$eval('.graphiql-tab-button', (tabs) => tabs.map((t) => t.textContent?.trim()));
  const run = async (title: string) => {
    await page.click(`.graphiql-tab-button:text-is("${title}")`);
    await until(`tab ${title} active`, async () => (await activeTab()) === title, WAIT.timeout);
    await page.click('.graphiql-execute-button');
    await until(`${title} answered`, async () => (await editorText(page, RESPONSE)).includes('"data"'), WAIT.timeout);
    return JSON.parse(await editorText(page, RESPONSE)) as { data?: Record<string, unknown>; errors?: unknown[] };
  };

  it('opens with every contract operation as a tab, no error in the result pane and no console error', async () => {
    await page.goto(`${origin}/`);
    await page.waitForSelector(QUERY, WAIT);
    expect(await tabTitles()).toEqual(
      explorerTabs().map((tab) => (parse(tab.query).definitions[0] as OperationDefinitionNode).name?.value),
    );
    expect(await editorText(page, QUERY)).toContain('query UnitOverview(');
    await openDocs();
    await page.waitForSelector('.graphiql-doc-explorer :text("No GraphQL schema available")', WAIT);
    expect(await editorText(page, RESPONSE)).toBe('');
    expect(await editorText(page, HEADERS)).toContain('<paste the output of: npm run --silent token');
    // No tokenless introspection: the gateway would refuse it (401, itself a console error).
    expect(browser.requests.filter((r) => r.url.endsWith('/graphql'))).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });

  it('loads the schema once a token is pasted into the headers', async () => {
    await pasteHeaders({ Authorization: `Bearer ${token}` });
    await page.waitForSelector(SCHEMA_LOADED, WAIT);
    expect(await page.textContent('.graphiql-doc-explorer')).not.toContain('Error fetching schema');
    expect(await editorText(page, RESPONSE)).toBe('');
  });

  it('runs the ready tabs with the pasted token, which the other tabs get too', async () => {
    const survey = await run('SatisfactionAcrossUnits');
    expect(await editorText(page, HEADERS)).toContain(token);
    expect(survey.errors).toBeUndefined();
    expect(survey.data?.byUnit).toEqual([
      { unit: { code: 'BBPPKS-PADANG' }, respondents: 1508, index: 91.6, grade: 'A' },
    ]);
    const overview = await run('UnitOverview');
    expect(overview.errors).toBeUndefined();
    expect(overview.data?.unit).toMatchObject({ code: 'BBPPKS-PADANG', name: expect.stringContaining('Padang') });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'explorer.png') });
  });

  it('keeps the token and its schema across a reload, with the same tabs', async () => {
    const titles = await tabTitles();
    // GraphiQL stores tabs half a second after an edit; a reload before that would lose the edit.
    const stored = () => page.evaluate<string | null>("localStorage.getItem('graphiql:tabState')");
    await until('tabs stored', async () => (await stored())?.includes(token) ?? false, WAIT.timeout);
    await page.reload();
    await page.waitForSelector(QUERY, WAIT);
    expect(await editorText(page, HEADERS)).toContain(token);
    await openDocs();
    await page.waitForSelector(SCHEMA_LOADED, WAIT);
    expect(await tabTitles()).toEqual(titles);
    expect(browser.consoleErrors).toEqual([]);
  });

  it('sent nothing beyond the gateway, and every GraphQL request with the token', () => {
    expect(browser.offsite()).toEqual([]);
    const graphql = browser.requests.filter((r) => r.url === `${origin}/graphql`);
    // One introspection after the paste (a tab switch keeps the schema), two runs, one after the reload.
    expect(graphql.map(operationName)).toEqual([
      'IntrospectionQuery',
      'SatisfactionAcrossUnits',
      'UnitOverview',
      'IntrospectionQuery',
    ]);
    expect(graphql.filter((r) => r.authorization !== `Bearer ${token}`)).toEqual([]);
  });

  it('fetches the schema again when the token changes: a refused one shows why, the next one loads it', async () => {
    const before = browser.requests.length;
    await pasteHeaders({ Authorization: `Bearer ${token}x` });
    await until(
      'refusal shown',
      async () => (await editorText(page, RESPONSE)).includes('invalid token'),
      WAIT.timeout,
    );
    await page.waitForSelector('.graphiql-doc-explorer :text("Error fetching schema")', WAIT);
    await pasteHeaders({ Authorization: `Bearer ${token}` });
    await page.waitForSelector(SCHEMA_LOADED, WAIT);
    expect(browser.requests.slice(before).map((r) => [operationName(r), r.authorization])).toEqual([
      // GraphiQL tries a refused introspection once more, without subscriptionType.
      ['IntrospectionQuery', `Bearer ${token}x`],
      ['IntrospectionQuery', `Bearer ${token}x`],
      ['IntrospectionQuery', `Bearer ${token}`],
    ]);
    // The refusals' HTTP 401, which Chromium logs: the only console errors of the whole session.
    expect(browser.consoleErrors).toEqual([expect.stringContaining('401'), expect.stringContaining('401')]);
  });
});
