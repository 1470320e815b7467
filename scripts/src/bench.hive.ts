import { authenticate } from '@kesos/gateway';
import { IDENTITY_HEADER, signIdentity } from '@kesos/infra';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { createServer } from 'node:http';

/** The part of Hive's runtime configuration used here. */
interface HiveConfig {
  supergraph: string;
  maskedErrors: boolean;
  logging: 'debug' | false;
  propagateHeaders: {
    fromClientToSubgraphs: (payload: { request: Request }) => Record<string, string>;
  };
}

// Loaded without its typings: they pull in @types/node 25, whose globals would clash with the
// project's Node 20 types wherever this file is compiled with the rest (tsconfig.tests.json).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createGatewayRuntime } = require('@graphql-hive/gateway-runtime') as {
  createGatewayRuntime: (config: HiveConfig) => RequestListener;
};

/**
 * Hive Gateway for `npm run bench -- gateway` only: the runtime with its default settings on the
 * supergraph at SUPERGRAPH, listening on PORT. The one addition is what our subgraphs require of
 * any gateway: it verifies the caller's bearer token (the same function as our gateway) and
 * forwards the caller in the signed identity header, one signature per subgraph call, as our
 * gateway did before it shared them.
 */
function main(): void {
  const jwtSecret = process.env.JWT_SECRET ?? '';
  const internalSecret = process.env.INTERNAL_SECRET ?? '';
  const requestIds = new WeakMap<Request, string>();
  // HIVE_IDENTITY=per-caller: one header per caller for 60 s (well inside the 5 minutes a subgraph
  // accepts), so identical subgraph requests are byte-identical and Hive's own de-duplication of
  // fetches in flight applies to them.
  const perCaller = process.env.HIVE_IDENTITY === 'per-caller';
  const signed = new Map<string, { header: string; at: number }>();
  const runtime = createGatewayRuntime({
    supergraph: readFileSync(process.env.SUPERGRAPH ?? '', 'utf8'),
    maskedErrors: process.env.HIVE_DEBUG !== '1',
    logging: process.env.HIVE_DEBUG === '1' ? 'debug' : false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => {
        const caller = authenticate(request.headers.get('authorization') ?? undefined, jwtSecret);
        if (perCaller) {
          const key = `${caller.subject}|${caller.role}|${caller.unit ?? ''}`;
          let entry = signed.get(key);
          if (!entry || Date.now() - entry.at > 60_000) {
            entry = { header: signIdentity({ caller, requestId: randomUUID() }, internalSecret), at: Date.now() };
            signed.set(key, entry);
          }
          return { [IDENTITY_HEADER]: entry.header };
        }
        let requestId = requestIds.get(request);
        if (!requestId) requestIds.set(request, (requestId = randomUUID()));
        return { [IDENTITY_HEADER]: signIdentity({ caller, requestId }, internalSecret) };
      },
    },
  });
  createServer(runtime).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
}

main();
