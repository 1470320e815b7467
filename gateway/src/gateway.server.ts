import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Caller, RateLimitStore, RunningHttpServer, Secrets } from '@kesos/infra';
import {
  clientAddress,
  errorMaskingPlugin,
  metricsPlugin,
  hideSuggestionsPlugin,
  IDENTITY_HEADER,
  introspectionByDefault,
  publicAccessPlugin,
  RateLimiter,
  rateLimitPlugin,
  operationResolutionPlugin,
  refusalStatusPlugin,
  signIdentity,
  startHttpServer,
  VERIFY_CERTIFICATE_LIMIT,
} from '@kesos/infra';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { ValidationContext } from 'graphql';
import { GraphQLError } from 'graphql';
import { dashboardRoute } from './dashboard.route';
import { explorerRoute } from './explorer.route';
import { ApiSchema, exportRoute, readOnlyPlugin } from './export.route';
import { lakipRoute } from './lakip.route';
import type { CostLimits } from './query.cost';
import { costLimitPlugin, DEFAULT_COST_LIMITS } from './query.cost';
import { authenticate } from './gateway.auth';
import type { SubgraphTimeouts } from './subgraph.datasource';
import {
  DEFAULT_SUBGRAPH_TIMEOUTS,
  SharedFetches,
  SubgraphDataSource,
  subgraphReplicaUrls,
} from './subgraph.datasource';

export interface GatewayContext {
  caller: Caller;
  requestId: string;
  logger: Logger;
  /** What rate limits count per: the TCP peer, or behind `trustProxy` proxies the client they forwarded for. */
  clientAddress: string;
  /** Set by POST /export: queries only, a mutation is refused before it runs. */
  readOnly?: boolean;
}

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph name -> URL, or its replicas' URLs separated by commas; overrides the URLs written in the supergraph at compose time. */
  subgraphUrls: Record<string, string>;
  /** Root fields anyone may query without a token (union of the subgraphs' public fields). */
  publicRootFields: string[];
  secrets: Secrets;
  logger: Logger;
  port: number;
  host?: string;
  limits?: Partial<Omit<QueryLimits, 'maxCost'>> & { maxCost?: Partial<CostLimits> };
  maxRequestBytes?: number;
  /** Schema introspection, and with it field suggestions in errors; default: off in production. */
  introspection?: boolean;
  /** How long a subgraph may take before its fields answer null with SUBGRAPH_UNAVAILABLE. */
  subgraphTimeouts?: Partial<SubgraphTimeouts>;
  /** Identical queries of one caller in flight share one subgraph fetch (SharedFetches); default on. */
  sharedFetches?: boolean;
  /** TRUST_PROXY: proxies in front of the gateway whose X-Forwarded-For entries are believed; default 0. */
  trustProxy?: number;
  /** Where verifyCertificate's windows are counted; default this process's memory. The caller closes it. */
  rateLimiter?: RateLimitStore;
}

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  /** Per role: analysts and admins read every unit at once (see query.cost.ts). */
  maxCost: CostLimits;
  maxTokens: number;
}

/** Query limits: deep enough for the contract's operations, tight enough to stop abuse. */
export const QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: DEFAULT_COST_LIMITS,
  maxTokens: 1000,
};

/**
 * graphql-armor throws its refusals as "Syntax Error: ..." although nothing is wrong with the
 * syntax; they are reported instead as plain validation errors (GRAPHQL_VALIDATION_FAILED, 400).
 */
const reportPlainly = (context: ValidationContext | null, error: GraphQLError): void => {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error:\s*/, '')));
};
const armorRefusal = { propagateOnRejection: false, onReject: [reportPlainly] };

export interface RunningGateway {
  http: RunningHttpServer;
  url: string;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const { logger, secrets } = options;
  const timeouts = { ...DEFAULT_SUBGRAPH_TIMEOUTS, ...options.subgraphTimeouts };
  const sharedFetches = options.sharedFetches === false ? undefined : new SharedFetches();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`no URL configured for subgraph ${name}`);
      return new SubgraphDataSource<GatewayContext>({
        name,
        url: target,
        timeouts,
        logger,
        shared: sharedFetches && {
          fetches: sharedFetches,
          caller: (context) => (context as Partial<GatewayContext>).caller,
        },
        headers: (context) => {
          // Health checks carry an empty context; operations carry the gateway's.
          const { caller, requestId } = context as Partial<GatewayContext>;
          const headers: Record<string, string> = {};
          if (caller && requestId !== undefined)
            headers[IDENTITY_HEADER] = signIdentity({ caller, requestId }, secrets.internalSecret);
          return headers;
        },
      });
    },
  });
  const limits: QueryLimits = {
    ...QUERY_LIMITS,
    ...options.limits,
    maxCost: { ...QUERY_LIMITS.maxCost, ...options.limits?.maxCost },
  };
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...armorRefusal },
    maxAliases: { n: limits.maxAliases, ...armorRefusal },
    // The cost limit depends on the caller's role: costLimitPlugin, once the operation is known.
    costLimit: { enabled: false },
    // Suggestions are hidden by hideSuggestionsPlugin, the same in the subgraphs, where introspection is off.
    blockFieldSuggestion: { enabled: false },
    // armor's token limit re-parses in a plugin hook, where a syntax error becomes HTTP 500; the
    // parser's own limit (parseOptions) fails like any syntax error, GRAPHQL_PARSE_FAILED and 400.
    maxTokens: { enabled: false },
  });
  const protection = armor.protect();
  const introspection = options.introspection ?? introspectionByDefault();
  const apiSchema = new ApiSchema();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // As for the subgraphs: the main's onTermination stops the whole process in order.
    stopOnTerminationSignals: false,
    introspection,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxLexicalTokens: limits.maxTokens },
    validationRules: protection.validationRules,
    plugins: [
      operationResolutionPlugin<GatewayContext>(),
      ...protection.plugins,
      publicAccessPlugin<GatewayContext>(options.publicRootFields),
      costLimitPlugin<GatewayContext>(limits.maxCost),
      readOnlyPlugin<GatewayContext>(),
      // Public fields answer without a token, so an address is all there is to limit (verifyCertificate).
      rateLimitPlugin<GatewayContext>(
        options.publicRootFields,
        options.rateLimiter ?? new RateLimiter(VERIFY_CERTIFICATE_LIMIT),
      ),
      errorMaskingPlugin<GatewayContext>(logger),
      metricsPlugin<GatewayContext>('gateway'),
      refusalStatusPlugin<GatewayContext>(),
      ...(introspection ? [] : [hideSuggestionsPlugin<GatewayContext>()]),
      apiSchema.plugin<GatewayContext>(),
    ],
  });
  await apollo.start();
  const context = async (req: IncomingMessage): Promise<GatewayContext> => {
    const requestId = randomUUID();
    const caller = authenticate(req.headers.authorization, secrets.jwtSecret);
    return {
      caller,
      requestId,
      logger: logger.child({ requestId, caller: caller.subject }),
      clientAddress: clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], options.trustProxy ?? 0),
    };
  };
  const http = await startHttpServer<GatewayContext>(
    {
      apollo,
      logger,
      routes: [
        explorerRoute,
        dashboardRoute,
        exportRoute({ apollo, context, schema: apiSchema, logger, maxBodyBytes: options.maxRequestBytes }),
        lakipRoute({ apollo, context, logger }),
      ],
      maxBodyBytes: options.maxRequestBytes,
      context,
      readiness: async () => {
        const checks: Record<string, string> = {};
        await Promise.all(
          Object.entries(options.subgraphUrls).map(async ([name, setting]) => {
            // One ready replica is enough to serve the subgraph's fields; the others are named only when none is.
            const replicas = await Promise.all(
              subgraphReplicaUrls(setting).map(async (url) => {
                try {
                  // A hanging subgraph makes the gateway not ready, not a hanging probe.
                  const res = await fetch(url.replace(/\/graphql$/, '/readyz'), {
                    signal: AbortSignal.timeout(timeouts.queryMs),
                  });
                  return res.ok ? 'ok' : `not ready (${res.status})`;
                } catch (err) {
                  return `unreachable (${(err as Error).message})`;
                }
              }),
            );
            checks[name] = replicas.includes('ok')
              ? 'ok'
              : replicas.length === 1
                ? replicas[0]
                : replicas.map((r, i) => `replica ${i + 1}: ${r}`).join('; ');
          }),
        );
        return checks;
      },
    },
    options.port,
    options.host,
  );
  logger.info({ url: http.url }, 'gateway ready');
  return {
    http,
    url: http.url,
    stop: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}
