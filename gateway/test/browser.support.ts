import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`, which .ci/run does); CHROMIUM names another binary. */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** Where the browser tests leave their screenshots. */
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

/** A request the browser sent, as the tests check it. */
export interface SentRequest {
  url: string;
  authorization?: string;
  body?: string;
}

/** The operation a GraphQL request named in its body. */
export const operationName = (request: SentRequest): string | undefined =>
  (JSON.parse(request.body ?? '{}') as { operationName?: string }).operationName;

export interface BrowserSession {
  page: Page;
  context: BrowserContext;
  /** Every request of the session, in order, including the refused ones. */
  requests: SentRequest[];
  /** The console's errors and the page's uncaught exceptions. */
  consoleErrors: string[];
  /** The URLs of requests for anything but the gateway: each one refused, so each one a bug. */
  offsite(): string[];
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile, as offline as the ministry's intranet: every request not
 * for the gateway at `origin` is refused and recorded, so a CDN dependency fails here as it would there.
 */
export async function openBrowser(
  origin: string,
  options: { reducedMotion?: 'reduce'; acceptDownloads?: boolean } = {},
): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'kesos-chromium-'));
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1440, height: 900 },
      ...options,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
    .catch((err: unknown) => {
      rmSync(userDataDir, { recursive: true, force: true });
      throw err;
    });
  const local = (url: string): boolean => url.startsWith(`${origin}/`);
  await context.route('**/*', (route) =>
    local(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
  );
  const requests: SentRequest[] = [];
  context.on('request', (request) =>
    requests.push({
      url: request.url(),
      authorization: request.headers().authorization,
      body: request.postData() ?? undefined,
    }),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    page,
    context,
    requests,
    consoleErrors,
    // A blob: URL of the gateway's origin is the page's own memory (a download), not a request out.
    offsite: () => requests.map((r) => r.url).filter((url) => !local(url) && !url.startsWith(`blob:${origin}/`)),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
