import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Caller, ConfigReader } from '@kesos/infra';
import { metrics, traceClientCall } from '@kesos/infra';
import { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Logger } from 'pino';

// The gateway's own types, taken from its API rather than from its transitive packages.
type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
// The gateway's bound for its context type; its values are never read here.
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

/**
 * `<NAME>_URL`: the subgraph's endpoint, or its replicas' separated by commas; each entry must be
 * an http(s) URL. Answers the setting as the data source takes it.
 */
export function readSubgraphUrls(reader: ConfigReader, subgraph: string, fallback: string): string {
  const name = `${subgraph.toUpperCase()}_URL`;
  const urls = subgraphReplicaUrls(reader.optional(name) ?? fallback);
  if (!urls.length) reader.problem(`${name} names no URL`);
  for (const url of urls) {
    let protocol: string;
    try {
      protocol = new URL(url).protocol;
    } catch {
      reader.problem(`${name} holds "${url}", which is not a valid URL (e.g. http://127.0.0.1:4001/graphql)`);
      continue;
    }
    if (protocol !== 'http:' && protocol !== 'https:')
      reader.problem(`${name} must use http or https://, got "${protocol}//" in "${url}"`);
  }
  if (new Set(urls).size !== urls.length) reader.problem(`${name} names a replica twice`);
  return urls.join(',');
}

/**
 * A subgraph call that got no answer: refused, reset, timed out, or a proxy's 502/503/504.
 * `notSent`: the connection was never made, so the subgraph cannot have seen the request and
 * even a mutation may go to another replica.
 */
class Unreachable extends Error {
  constructor(
    readonly reason: string,
    readonly notSent = false,
    readonly timedOut = false,
  ) {
    super(reason);
  }
}

/** Errors of opening a connection: nothing was written, nothing can have been applied. */
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
]);

const GATEWAY_STATUSES = new Set([502, 503, 504]);

interface RawAnswer {
  status: number;
  body: string;
}

/**
 * One POST over a kept-alive connection, with a deadline covering the whole exchange (connect,
 * headers and body), so a subgraph that stalls mid-answer times out too. This is node:http
 * rather than fetch: fetch wraps every answer in web streams and a Response, which the profile
 * of the gateway under 50 callers showed as a quarter of its CPU; Apollo's data source added a
 * node-fetch Request and Headers per call on top.
 */
function post(url: URL, agent: HttpAgent, body: string, headers: Record<string, string>, timeoutMs: number) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'POST',
      agent,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const timer = setTimeout(() => {
      req.destroy(new Unreachable(`it did not answer within ${timeoutMs / 1000} s`, false, true));
    }, timeoutMs);
    const fail = (err: unknown) => {
      clearTimeout(timer);
      if (err instanceof Unreachable) return reject(err);
      const code = (err as { code?: unknown }).code;
      reject(
        typeof code === 'string'
          ? new Unreachable(`the connection failed: ${code}`, CONNECT_CODES.has(code))
          : new Unreachable('the connection failed'),
      );
    };
    req.on('error', fail);
    req.on('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      if (GATEWAY_STATUSES.has(status)) {
        // The proxy's page is of no use to the client; draining it frees the connection.
        res.resume();
        res.on('end', () => clearTimeout(timer));
        return fail(new Unreachable(`it answered HTTP ${status}`));
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.end(body);
  });
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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * A subgraph answers a request it refuses before executing it (its validation, its token check)
 * with HTTP 4xx and no `data`. This relays the subgraph's own client error (message, code, field
 * and retryAfterSeconds) and nothing else of it; anything else is a fault of the subgraph, which
 * the masking plugin answers as an internal error without the subgraph's words.
 */
export function errorFromSubgraph(status: number, body: unknown): GraphQLError {
  const first =
    isObject(body) && Array.isArray(body.errors) ? (body.errors[0] as SubgraphError | undefined) : undefined;
  const code = first?.extensions?.code;
  if (status >= 400 && status < 500 && first && typeof first.message === 'string' && typeof code === 'string') {
    if (CLIENT_CODES.has(code)) {
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
  const fault = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : undefined;
  return new GraphQLError(
    `${status}: the subgraph answered HTTP ${status}`,
    fault ? { extensions: { code: fault } } : {},
  );
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

/**
 * A subgraph's URL setting: one URL or several replicas of the subgraph separated by commas
 * (`TRAINING_URL=http://t1:4001/graphql,http://t2:4001/graphql`).
 */
export function subgraphReplicaUrls(setting: string): string[] {
  return setting
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
}

/**
 * How long a replica that could not be reached is passed over: long enough that a stopped
 * replica costs the next requests nothing, short enough that a restarted one gets traffic again
 * within seconds. When every replica is passed over they are all tried anyway.
 */
export const REPLICA_PAUSE_MS = 2_000;

interface Replica {
  url: string;
  target: URL;
  agent: HttpAgent;
  /** Date.now() before which this replica is tried only when no other is available. */
  pausedUntil: number;
}

export interface SubgraphDataSourceOptions {
  name: string;
  /** One URL, or the subgraph's replicas separated by commas (see subgraphReplicaUrls). */
  url: string;
  timeouts: SubgraphTimeouts;
  logger: Logger;
  /** Headers of one fetch for the operation's context (the signed identity); health checks carry an empty context. */
  headers?: (context: GatewayContextShape) => Record<string, string>;
  /** Identical queries of one caller in flight share one fetch; omit to fetch every time. */
  shared?: { fetches: SharedFetches; caller: FetchCaller };
}

/**
 * One subgraph as the gateway calls it. With several replicas, calls go round-robin; a call
 * whose replica cannot be reached goes on to the next one when that is safe: a query always
 * (reading twice changes nothing), a mutation only when the connection was refused (the replica
 * never saw it). A mutation cut off mid-way is not sent again, as it may have been applied, and
 * neither is a call that timed out (another full wait would double the client's). When no
 * replica answers, the call answers an error naming the subgraph (SUBGRAPH_UNAVAILABLE) instead
 * of throwing: the gateway then fills only that subgraph's fields with null and keeps the
 * others' data. A failed replica is passed over for REPLICA_PAUSE_MS only, so the next requests
 * reach it as soon as it is back.
 */
export class SubgraphDataSource<C extends GatewayContextShape> implements GraphQLDataSource<C> {
  readonly url: string;
  private readonly replicas: Replica[];
  private next = 0;
  private readonly options: SubgraphDataSourceOptions;

  constructor(options: SubgraphDataSourceOptions) {
    this.options = options;
    const urls = subgraphReplicaUrls(options.url);
    if (!urls.length) throw new Error(`no URL configured for subgraph ${options.name}`);
    this.url = urls.join(',');
    // Kept-alive sockets: a connection per request would cost a handshake each time.
    const agentOptions = { keepAlive: true, scheduling: 'lifo' as const };
    this.replicas = urls.map((url) => {
      const target = new URL(url);
      const agent = target.protocol === 'https:' ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
      return { url, target, agent, pausedUntil: 0 };
    });
  }

  /** The replicas in the order this call tries them: round-robin, those passed over last. */
  private order(): Replica[] {
    const start = this.next++ % this.replicas.length;
    if (this.next >= Number.MAX_SAFE_INTEGER) this.next = 0;
    const rotated = [...this.replicas.slice(start), ...this.replicas.slice(0, start)];
    const now = Date.now();
    return [...rotated.filter((r) => r.pausedUntil <= now), ...rotated.filter((r) => r.pausedUntil > now)];
  }

  async process(options: GraphQLDataSourceProcessOptions<C>): Promise<GatewayGraphQLResponse> {
    const shared = this.options.shared;
    const query = options.request.query;
    if (query === undefined) throw new Error('a subgraph fetch without a query');
    if (!shared || !('incomingRequestContext' in options)) return this.fetchOnce(options, query);
    if (!QUERY_OPERATION.test(query)) {
      shared.fetches.writeSeen();
      try {
        return await this.fetchOnce(options, query);
      } finally {
        shared.fetches.writeSeen();
      }
    }
    const caller = shared.caller(options.context);
    if (!caller) return this.fetchOnce(options, query);
    const { variables, operationName } = options.request;
    const key = JSON.stringify([
      caller.subject,
      caller.role,
      caller.unit,
      query,
      operationName ?? null,
      variables ?? null,
    ]);
    return shared.fetches.run(`${this.url}\n${key}`, () => this.fetchOnce(options, query));
  }

  private async fetchOnce(options: GraphQLDataSourceProcessOptions<C>, query: string): Promise<GatewayGraphQLResponse> {
    const { variables, operationName, extensions } = options.request;
    const body = JSON.stringify({ query, variables, operationName, extensions });
    const mutation = !QUERY_OPERATION.test(query);
    const timeoutMs = mutation ? this.options.timeouts.mutationMs : this.options.timeouts.queryMs;
    const headers = this.options.headers?.(options.context) ?? {};
    let answer: RawAnswer | undefined;
    let failure: Unreachable | undefined;
    for (const replica of this.order()) {
      const started = process.hrtime.bigint();
      const observe = (outcome: string) =>
        metrics.subgraphFetches.observe(
          { subgraph: this.options.name, outcome },
          Number(process.hrtime.bigint() - started) / 1e9,
        );
      try {
        // The subgraph continues the gateway's trace from the traceparent header.
        answer = await traceClientCall(
          `POST ${this.options.name}`,
          { method: 'POST', url: replica.url, service: this.options.name },
          (traceHeaders) => post(replica.target, replica.agent, body, { ...headers, ...traceHeaders }, timeoutMs),
          (raw) => raw.status,
        );
        observe(answer.status < 400 ? 'ok' : answer.status < 500 ? 'client_error' : 'server_error');
        replica.pausedUntil = 0;
        break;
      } catch (err) {
        observe('unavailable');
        if (!(err instanceof Unreachable)) throw err;
        failure = err;
        replica.pausedUntil = Date.now() + REPLICA_PAUSE_MS;
        const another = this.replicas.length > 1 && !err.timedOut && (err.notSent || !mutation);
        this.options.logger.warn(
          { service: this.options.name, url: replica.url, reason: err.reason, tryingAnother: another },
          'subgraph replica unavailable',
        );
        if (!another) break;
      }
    }
    if (!answer) {
      const err = failure ?? new Unreachable('no replica answered');
      const reason =
        mutation && !err.notSent
          ? `${err.reason}; the change may have been applied, check before retrying`
          : err.reason;
      this.options.logger.warn({ service: this.options.name, url: this.url, reason }, 'subgraph unavailable');
      return {
        errors: [
          {
            message: `the ${this.options.name} subgraph is unavailable (${reason}); the fields it provides are null in this answer`,
            extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: this.options.name },
          },
        ],
      };
    }
    const parsed = parseJson(answer.body);
    // A 401/403/429 with `data` is a request the subgraph executed but refused as a whole
    // (refusalStatusPlugin): an ordinary GraphQL answer, merged like any other; the gateway sets
    // its own status from the composed answer.
    if (answer.status >= 200 && answer.status < 300) {
      if (isObject(parsed)) return parsed;
    } else if (answer.status < 500 && isObject(parsed) && 'data' in parsed) {
      return parsed;
    } else {
      throw errorFromSubgraph(answer.status, parsed);
    }
    throw new Error(`the ${this.options.name} subgraph answered HTTP ${answer.status} without a JSON object`);
  }
}
