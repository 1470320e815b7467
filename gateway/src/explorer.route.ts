import type { ExtraRoute } from '@kesos/infra';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// react and graphiql do not export their UMD files; locate them from the package roots.
const packageFile = (pkg: string, file: string): string => join(dirname(require.resolve(`${pkg}/package.json`)), file);

/** GraphiQL and React from their npm packages: the explorer works with no internet access. */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/explorer/graphiql.min.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  '/explorer/graphiql.min.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
  '/explorer/react.production.min.js': {
    file: packageFile('react', 'umd/react.production.min.js'),
    type: 'text/javascript',
  },
  '/explorer/react-dom.production.min.js': {
    file: packageFile('react-dom', 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Kesos graph explorer</title>
  <link rel="stylesheet" href="/explorer/graphiql.min.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading the explorer…</div>
  <script src="/explorer/react.production.min.js"></script>
  <script src="/explorer/react-dom.production.min.js"></script>
  <script src="/explorer/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    const headers = JSON.stringify({ Authorization: 'Bearer <paste the output of: npm run --silent token -- --role admin>' }, null, 2);
    const defaultQuery = '# Put your token in the Headers tab below, then run:\\nquery { units { code name } }\\n';
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery, headers, defaultEditorToolsVisibility: 'headers' }),
    );
  </script>
</body>
</html>`;

export const explorerRoute: ExtraRoute = (req, res) => {
  if (req.method !== 'GET') return false;
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
    return true;
  }
  const asset = ASSETS[path];
  if (!asset) return false;
  res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=3600' });
  res.end(readFileSync(asset.file));
  return true;
};
