import type { ExtraRoute } from '@kesos/infra';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExplorerTab } from './explorer.tabs';
import { explorerTabs } from './explorer.tabs';

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

/** The headers of a tab until a token is pasted: where a token comes from. */
const PLACEHOLDER = 'Bearer <paste the output of: npm run --silent token -- --role admin>';

/**
 * The page. The browser code keeps to what GraphiQL's bundle exposes (the component, its fetcher
 * and the hooks of @graphiql/react as GraphiQL.React), so it needs no build step of its own.
 */
const page = (tabs: ExplorerTab[]): string => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Kesos graph explorer</title>
  <link rel="icon" href="data:," />
  <link rel="stylesheet" href="/explorer/graphiql.min.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading the explorer…</div>
  <script src="/explorer/react.production.min.js"></script>
  <script src="/explorer/react-dom.production.min.js"></script>
  <script src="/explorer/graphiql.min.js"></script>
  <script>
    const TABS = ${inlineJson(tabs)};
    const PLACEHOLDER = ${inlineJson(PLACEHOLDER)};
    const h = React.createElement;

    // The gateway's own rule (gateway.auth.ts): any other Authorization header is refused.
    const bearerOf = (headers) => {
      try {
        const parsed = JSON.parse(headers || '{}');
        const key = Object.keys(parsed).find((k) => k.toLowerCase() === 'authorization');
        const value = key && typeof parsed[key] === 'string' ? parsed[key].trim() : '';
        return /^Bearer\\s+\\S+$/i.test(value) ? value : null;
      } catch {
        return null;
      }
    };
    const withBearer = (headers, bearer) => {
      let parsed;
      try {
        parsed = JSON.parse(headers || '{}');
      } catch {
        parsed = {};
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) parsed = {};
      for (const key of Object.keys(parsed)) if (key.toLowerCase() === 'authorization') delete parsed[key];
      return JSON.stringify({ Authorization: bearer, ...parsed }, null, 2);
    };

    // GraphiQL reads the operation name off the query 100 ms after an edit or a tab switch: run
    // sooner and it sends the previous tab's name, which the gateway refuses. The query sent is
    // what the person sees, so a name it does not hold gives way to its only operation.
    const operationNames = (query) =>
      [
        ...query
          .replace(/"{3}[\\s\\S]*?"{3}|"(?:[^"\\\\\\n]|\\\\.)*"|#[^\\n]*/g, ' ')
          .matchAll(/(?:^|[^\\w$])(?:query|mutation|subscription)\\s+([_A-Za-z]\\w*)/g),
      ].map((match) => match[1]);
    const withOwnOperation = (fetch) => (params, options) => {
      const names = typeof params.query === 'string' ? operationNames(params.query) : [];
      const stale = params.operationName && !names.includes(params.operationName);
      return fetch(stale && names.length === 1 ? { ...params, operationName: names[0] } : params, options);
    };

    const SetBearer = React.createContext(() => undefined);

    // Rendered in GraphiQL's toolbar only to sit inside its providers, where the active tab's
    // headers editor is: it reports the token typed there and gives it to tabs that have none
    // (every tab keeps its own headers, and the ready tabs start with the placeholder).
    function TokenSync() {
      const setBearer = React.useContext(SetBearer);
      const { headerEditor, activeTabIndex } = GraphiQL.React.useEditorContext({ nonNull: true });
      const last = React.useRef(null);
      const report = React.useCallback(
        (bearer) => {
          if (bearer) last.current = bearer;
          setBearer(bearer);
        },
        [setBearer],
      );
      React.useEffect(() => {
        if (!headerEditor) return undefined;
        // A tab switch replaces the text (origin setValue) with the new tab's, which the effect
        // below completes: reporting the tab's bare headers first would drop and re-fetch the schema.
        const edited = (_editor, change) => {
          if (change.origin !== 'setValue') report(bearerOf(headerEditor.getValue()));
        };
        headerEditor.on('change', edited);
        return () => headerEditor.off('change', edited);
      }, [headerEditor, report]);
      React.useEffect(() => {
        if (!headerEditor) return;
        const bearer = bearerOf(headerEditor.getValue());
        if (!bearer && last.current) headerEditor.setValue(withBearer(headerEditor.getValue(), last.current));
        report(bearer || last.current);
      }, [headerEditor, activeTabIndex, report]);
      return null;
    }

    function Explorer() {
      const [bearer, setBearer] = React.useState(null);
      // GraphiQL introspects again whenever its fetcher changes: a new token gets its own fetcher,
      // so a token pasted after a refused (or expired) one loads the schema with no hidden button.
      const fetcher = React.useMemo(() => withOwnOperation(GraphiQL.createFetcher({ url: '/graphql' })), [bearer]);
      return h(
        SetBearer.Provider,
        { value: setBearer },
        h(GraphiQL, {
          fetcher,
          // Tokenless introspection is refused (and in production introspection is off): with no
          // token, no schema is asked for, so the page opens without an error in the result pane.
          schema: bearer ? undefined : null,
          defaultTabs: TABS,
          defaultHeaders: JSON.stringify({ Authorization: PLACEHOLDER }, null, 2),
          shouldPersistHeaders: true,
          defaultEditorToolsVisibility: 'headers',
          toolbar: { additionalComponent: TokenSync },
        }),
      );
    }
    ReactDOM.createRoot(document.getElementById('graphiql')).render(h(Explorer));
  </script>
</body>
</html>`;

/** JSON that cannot close the script element it sits in. */
const inlineJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

let cachedPage: string | undefined;

export const explorerRoute: ExtraRoute = (req, res) => {
  if (req.method !== 'GET') return false;
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/') {
    cachedPage ??= page(explorerTabs());
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(cachedPage);
    return true;
  }
  const asset = ASSETS[path];
  if (!asset) return false;
  res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=3600' });
  res.end(readFileSync(asset.file));
  return true;
};
