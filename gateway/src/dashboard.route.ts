import type { ExtraRoute } from '@kesos/infra';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DASHBOARD_PAGE } from './dashboard.page';

export const DASHBOARD_PATH = '/dashboard';

/** Apache ECharts from its npm package: the dashboard works with no internet access. */
const ECHARTS = join(dirname(require.resolve('echarts/package.json')), 'dist', 'echarts.min.js');
/** The browser code, compiled by `npm run build` from gateway/web/src (this file is gateway/{src,dist}/). */
const WEB_DIST = join(__dirname, '..', 'web', 'dist');
/** File names only: no folder, so no path leaves WEB_DIST. */
const SCRIPT = /^\/dashboard\/(dashboard\.[a-z]+\.js(?:\.map)?)$/;

const send = (res: Parameters<ExtraRoute>[1], status: number, type: string, body: string | Buffer): void => {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache' });
  res.end(body);
};

/**
 * GET /dashboard: the page, ECharts and the dashboard's scripts. Nothing here reads the graph:
 * the page does that through /graphql and /export with the token its user pastes.
 */
export const dashboardRoute: ExtraRoute = (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = (req.url ?? '/').split('?')[0];
  if (path === DASHBOARD_PATH || path === `${DASHBOARD_PATH}/`) {
    send(res, 200, 'text/html', DASHBOARD_PAGE);
    return true;
  }
  if (path === `${DASHBOARD_PATH}/echarts.min.js`) {
    send(res, 200, 'text/javascript', readFileSync(ECHARTS));
    return true;
  }
  const script = SCRIPT.exec(path);
  if (!script) return false;
  const file = join(WEB_DIST, script[1]);
  if (!existsSync(file)) {
    send(res, 404, 'text/plain', `${script[1]} is not built: run npm run build`);
    return true;
  }
  send(res, 200, file.endsWith('.map') ? 'application/json' : 'text/javascript', readFileSync(file));
  return true;
};
