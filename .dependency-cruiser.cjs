/**
 * The layers of the graph, checked by `npm run lint` (depcruise). Paths are relative to the
 * repository root; workspace packages (`@kesos/*`) resolve to their sources through
 * tsconfig.tests.json, so an import by package name counts like a relative one.
 */
/**
 * A feature's files other features may import: its types, entities, loaders, services, events,
 * mappers, and inputs (input types compose: a transfer carries revision lines, an import row is a
 * participant draft).
 */
const PUBLIC_FEATURE_FILE = '\\.(type|entity|loader|service|events|mapper|input)\\.ts$';
/** A feature's files only the service's src/schema.ts and src/index.ts wire. */
const WIRING_FILE = '\\.(resolver|unit-resolver|consumer|reference)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No module may depend on itself through others.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-cross-service',
      severity: 'error',
      comment: 'A service never imports another service; services meet through the gateway and events.',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'infra-is-the-bottom',
      severity: 'error',
      comment: 'infra is the platform library: it imports nothing from services, the gateway or scripts.',
      from: { path: '^infra/' },
      to: { path: '^(services|gateway|scripts)/' },
    },
    {
      name: 'services-below-gateway-and-scripts',
      severity: 'error',
      comment: 'A service never imports the gateway or the scripts.',
      from: { path: '^services/' },
      to: { path: '^(gateway|scripts)/' },
    },
    {
      name: 'feature-wiring-is-private',
      severity: 'error',
      comment:
        "A feature folder never imports another feature's resolvers, consumers or reference resolvers; only src/schema.ts and src/index.ts wire those.",
      from: { path: '^services/([^/]+)/src/([^/]+)/' },
      to: { path: `^services/$1/src/[^/]+/.*${WIRING_FILE}`, pathNot: '^services/$1/src/$2/' },
    },
    {
      name: 'feature-public-files-only',
      severity: 'error',
      comment:
        "A feature folder imports another feature's .type, .entity, .loader, .service, .events, .mapper and .input files only (and anything in common/ and unit/).",
      from: { path: '^services/([^/]+)/src/([^/]+)/' },
      to: {
        path: '^services/$1/src/[^/]+/',
        pathNot: [
          '^services/$1/src/$2/',
          '^services/$1/src/(common|unit)/',
          PUBLIC_FEATURE_FILE,
          // reported by feature-wiring-is-private
          WIRING_FILE,
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.tests.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
