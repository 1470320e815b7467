import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Caller, ConfigReader } from '@kesos/infra';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';

// The gateway's own types, taken from its API rather than from its transitive packages.
type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
type SubgraphResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];
// RemoteGraphQLDataSource's own bound for its context type; its values are never read here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type GatewayContextShape = Record<string, any>;

export interface SubgraphTimeouts {
  /** Longest wait for a query (and for every entity fetch) before the subgraph counts as unavailable. */
  queryMs: number;
  /** Longest wait for a mutation: writes such as a bulk import legitimately take longer. */
  mutationMs: number;
}

/** 15 s: well above any query of the contract on a loaded machine, well below a client's patience. */
export const DEFAULT_SUBGRAPH_TIMEOUTS: SubgraphTimeouts = { queryMs: 15_000, mutationMs: 120_000 };

export function readSubgraphTimeouts(reader: ConfigReader): SubgraphTimeouts {
  return {
    queryMs: reader.int('SUBGRAPH_TIMEOUT_MS', DEFAULT_SUBGRAPH_TIMEOUTS.queryMs, 100),
    mutationMs: reader.int('SUBGRAPH_MUTATION_TIMEOUT_MS', DEFAULT_SUBGRAPH_TIMEOUTS.mutationMs, 100),
  };
}

/** A subgraph call that got no answer: refused, reset, timed out, or a proxy's 502/503/504. */
class Unreachable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const GATEWAY_STATUSES = new Set([502, 503, 504]);

function describeFailure(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; cause?: { code?: string; name?: string } };
  if (e.name === 'TimeoutError' || e.cause?.name === 'TimeoutError')
    return `it did not answer within ${timeoutMs / 1000} s`;
  return e.cause?.code ? `the connection failed: ${e.cause.code}` : 'the connection failed';
}

/**
 * A subgraph answers 401/403/429 also for a request it executed but refused as a whole (no data,
 * every error FORBIDDEN, say: refusalStatusPlugin). Its body is an ordinary GraphQL answer, with
 * `data` and errors carrying paths; the gateway merges it like any other (errors with their paths
 * and extensions) and sets its own status from the composed answer. A 4xx without `data` (the
 * request never executed: token, parse, validation) goes to errorFromResponse.
 */
function executedRefusal(status: number, body: ArrayBuffer): boolean {
  if (status < 400 || status >= 500) return false;
  try {
    const parsed = JSON.parse(Buffer.from(body).toString('utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null && 'data' in parsed;
  } catch {
    return false;
  }
}

/**
 * Node's fetch with a deadline covering the whole exchange (connect, headers and body): the
 * body is read here, inside the deadline, so a subgraph that stalls mid-answer times out too.
 */
function fetcherWithTimeout(timeouts: SubgraphTimeouts): Fetcher {
  return async (url: string, init?: FetcherRequestInit): Promise<FetcherResponse> => {
    const mutation = typeof init?.body === 'string' && /^\s*\{\s*"query"\s*:\s*"\s*mutation\b/.test(init.body);
    const timeoutMs = mutation ? timeouts.mutationMs : timeouts.queryMs;
    try {
      const res = await fetch(url, {
        method: init?.method,
        headers: init?.headers,
        body: init?.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (GATEWAY_STATUSES.has(res.status)) {
        // The proxy's page is of no use to the client; dropping it frees the connection.
        await res.body?.cancel();
        throw new Unreachable(`it answered HTTP ${res.status}`);
      }
      const body = await res.arrayBuffer();
      // Node's Response satisfies FetcherResponse at run time; its Headers type differs only in optional methods.
      return new Response(body, {
        status: executedRefusal(res.status, body) ? 200 : res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
    } catch (err) {
      if (err instanceof Unreachable) throw err;
      const reason = describeFailure(err, timeoutMs);
      throw new Unreachable(
        mutation && reason.startsWith('it did not answer')
          ? `${reason}; the change may have been applied, check before retrying`
          : reason,
      );
    }
  };
}

/** Codes a subgraph answers for the client's own mistakes; anything else stays an internal error. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
]);

interface SubgraphError {
  message?: unknown;
  extensions?: { code?: unknown; field?: unknown; retryAfterSeconds?: unknown };
}

/** Who a subgraph fetch is made for, as the identity header tells the subgraph; absent for health checks. */
export type FetchCaller = (context: GatewayContextShape) => Caller | undefined;

/**
 * Identical subgraph queries in flight, shared by the data sources of one gateway. A fetch joins one
 * already in flight only when everything the subgraph's answer depends on is the same: the
 * subgraph, the query text, the variables, the operation name and the caller (subject, role and
 * unit, which the identity header carries and the subgraph checks) — and no mutation has been sent
 * through this gateway since the shared fetch started (`generation`), so a caller never reads
 * around its own write. Mutations are never shared. Each sharer gets its own copy of the answer,
 * as the gateway merges into what it receives.
 */
export class SharedFetches {
  private readonly inflight = new Map<
    string,
    { promise: Promise<GatewayGraphQLResponse>; copy?: string; sharers: number }
  >();
  private generation = 0;
  /** Fetches answered from another's request (for tests and the bench). */
  joined = 0;

  /** Called when a mutation starts and when it ends: fetches in flight before it are no longer joined. */
  writeSeen(): void {
    this.generation++;
  }

  async run(key: string, fetchOnce: () => Promise<GatewayGraphQLResponse>): Promise<GatewayGraphQLResponse> {
    const fullKey = `${this.generation}\n${key}`;
    const running = this.inflight.get(fullKey);
    if (running) {
      running.sharers++;
      this.joined++;
      const response = await running.promise;
      return running.copy === undefined ? response : (JSON.parse(running.copy) as GatewayGraphQLResponse);
    }
    const entry: { promise: Promise<GatewayGraphQLResponse>; copy?: string; sharers: number } = {
      promise: Promise.resolve({}),
      sharers: 0,
    };
    // The copy is taken as the answer arrives, before the first fetcher's gateway merges into it.
    entry.promise = fetchOnce().then(
      (response) => {
        this.inflight.delete(fullKey);
        if (entry.sharers > 0)
          entry.copy = JSON.stringify({
            data: response.data,
            errors: response.errors,
            extensions: response.extensions,
          });
        return response;
      },
      (err: unknown) => {
        this.inflight.delete(fullKey);
        throw err;
      },
    );
    this.inflight.set(fullKey, entry);
    return entry.promise;
  }
}

/** A query (or the short form `{ ... }`); anything else (mutation, subscription) is never shared. */
const QUERY_OPERATION = /^\s*(?:#[^\n]*\n\s*)*(?:query\b|\{)/;

export interface SubgraphDataSourceOptions<C extends GatewayContextShape> {
  name: string;
  url: string;
  timeouts: SubgraphTimeouts;
  logger: Logger;
  willSendRequest: RemoteGraphQLDataSource<C>['willSendRequest'];
  /** Identical queries of one caller in flight share one fetch; omit to fetch every time. */
  shared?: { fetches: SharedFetches; caller: FetchCaller };
}
/**
 * One subgraph as the gateway calls it. When the subgraph cannot be reached in time, the call
 * answers an error naming it (SUBGRAPH_UNAVAILABLE) instead of throwing: the gateway then
 * fills only that subgraph's fields with null and keeps the others' data. Nothing is cached
 * about the failure, so the next request reaches the subgraph as soon as it is back.
 */
export class SubgraphDataSource<C extends GatewayContextShape> extends RemoteGraphQLDataSource<C> {
  private readonly serviceName: string;
  private readonly log: Logger;
  private readonly shared: SubgraphDataSourceOptions<C>['shared'];

  constructor(options: SubgraphDataSourceOptions<C>) {
    super({
      url: options.url,
      willSendRequest: options.willSendRequest,
      fetcher: fetcherWithTimeout(options.timeouts),
    });
    this.serviceName = options.name;
    this.log = options.logger;
    this.shared = options.shared;
  }

  /**
   * A subgraph answers a request it refuses before executing it (its validation, its token check)
   * with HTTP 4xx. Apollo's data source turns any non-2xx into "400: Bad Request" carrying the
   * subgraph's URL and body; this relays the subgraph's own client error instead (message, code,
   * field and retryAfterSeconds), and nothing else of it.
   */
  override async errorFromResponse(response: SubgraphResponse): Promise<GraphQLError> {
    if (response.status >= 400 && response.status < 500) {
      const body = (await response
        .clone()
        .json()
        .catch(() => undefined)) as { errors?: SubgraphError[] } | undefined;
      const first = body?.errors?.[0];
      const code = first?.extensions?.code;
      if (first && typeof first.message === 'string' && typeof code === 'string' && CLIENT_CODES.has(code)) {
        const { field, retryAfterSeconds } = first.extensions ?? {};
        return new GraphQLError(first.message, {
          extensions: {
            code,
            ...(typeof field === 'string' ? { field } : {}),
            ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
          },
        });
      }
    }
    return super.errorFromResponse(response);
  }

  override async process(options: GraphQLDataSourceProcessOptions<C>): Promise<GatewayGraphQLResponse> {
    const shared = this.shared;
    const query = options.request.query;
    if (!shared || !('incomingRequestContext' in options) || query === undefined) return this.fetchOnce(options);
    if (!QUERY_OPERATION.test(query)) {
      shared.fetches.writeSeen();
      try {
        return await this.fetchOnce(options);
      } finally {
        shared.fetches.writeSeen();
      }
    }
    const caller = shared.caller(options.context);
    if (!caller) return this.fetchOnce(options);
    const { variables, operationName } = options.request;
    const key = JSON.stringify([
      caller.subject,
      caller.role,
      caller.unit,
      query,
      operationName ?? null,
      variables ?? null,
    ]);
    return shared.fetches.run(`${this.url}\n${key}`, () => this.fetchOnce(options));
  }

  private async fetchOnce(options: GraphQLDataSourceProcessOptions<C>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (err) {
      if (err instanceof Unreachable) {
        this.log.warn({ service: this.serviceName, url: this.url, reason: err.reason }, 'subgraph unavailable');
        return {
          errors: [
            {
              message: `the ${this.serviceName} subgraph is unavailable (${err.reason}); the fields it provides are null in this answer`,
              extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: this.serviceName },
            },
          ],
        };
      }
      throw err;
    }
  }
}
