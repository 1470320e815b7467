import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { metrics } from '../metrics/metrics.registry';
import { startServerSpan } from '../tracing/tracing.spans';

export type ReadinessCheck = () => Promise<Record<string, string>>;
export type ExtraRoute = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface HttpServerSpec<C extends BaseContext> {
  apollo: ApolloServer<C>;
  context(req: IncomingMessage): Promise<C>;
  /** Checks each dependency; any value other than 'ok' makes /readyz answer 503. */
  readiness: ReadinessCheck;
  /** Routes tried before /graphql (e.g. the explorer on GET /). Return true when handled. */
  routes?: ExtraRoute[];
  logger: Logger;
  maxBodyBytes?: number;
}

export interface RunningHttpServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

/** The request body as text; over `limit` bytes it throws an error with `status: 413`. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error(`request body is larger than ${limit} bytes`), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What the access log line says of a request beyond HTTP: filled in as the request is understood. */
export interface AccessRecord {
  requestId?: string;
  caller?: string;
  operation?: string;
}

/**
 * Where a GraphQL context carries its request's access record (metricsPlugin names the
 * operation). A symbol property, as Apollo hands plugins a shallow copy of the context object.
 */
export const ACCESS_RECORD = Symbol('access record');

/** Probes and scrapes: counted, never logged line by line (they come every few seconds). */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** The route label: the first path segment; unmatched requests share one label, so no client can add series. */
function routeOf(pathname: string, status: number): string {
  if (status === 404) return 'unmatched';
  const first = /^\/[^/]*/.exec(pathname)?.[0] ?? '/';
  return first.length > 40 ? 'unmatched' : first;
}

function callerOf(context: unknown): string | undefined {
  const caller = (context as { caller?: { subject?: unknown; role?: unknown } }).caller;
  return caller && typeof caller.subject === 'string' ? `${caller.subject} (${String(caller.role)})` : undefined;
}

function clientHungUp(req: IncomingMessage, err: unknown): boolean {
  return !req.complete && (req.destroyed || (err as NodeJS.ErrnoException).code === 'ECONNRESET');
}

/**
 * A plain node:http server around Apollo's transport-neutral request executor, so every
 * process (subgraphs and gateway) has the same /graphql, /healthz and /readyz.
 */
export async function startHttpServer<C extends BaseContext>(
  spec: HttpServerSpec<C>,
  port: number,
  host = '0.0.0.0',
): Promise<RunningHttpServer> {
  const limit = spec.maxBodyBytes ?? 32 * 1024 * 1024;
  const service = (spec.logger.bindings() as { service?: unknown }).service;
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler catches every error; its promise never rejects
  const server = createServer(async (req, res) => {
    const access: AccessRecord = {};
    // Probes and scrapes are not traced: one trace every few seconds per process would bury the requests.
    const span = QUIET_ROUTES.has((req.url ?? '/').split('?')[0])
      ? undefined
      : startServerSpan(req, typeof service === 'string' ? service : undefined);
    if (span)
      res.once('close', () => {
        const path = (req.url ?? '/').split('?')[0];
        span.end({
          route: routeOf(path, res.statusCode),
          status: res.statusCode,
          operation: access.operation,
          finished: res.writableFinished,
        });
      });
    await (span ? span.run(() => serve(req, res, access)) : serve(req, res, access));
  });

  async function serve(req: IncomingMessage, res: ServerResponse, access: AccessRecord) {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = (req.url ?? '/').split('?')[0];
      const route = routeOf(path, res.statusCode);
      metrics.httpRequests.inc({ route, method: req.method ?? 'GET', status: res.statusCode });
      metrics.httpDuration.observe({ route }, seconds);
      if (QUIET_ROUTES.has(route)) return;
      spec.logger.info(
        {
          requestId: access.requestId,
          caller: access.caller,
          operation: access.operation,
          method: req.method,
          path: path.length > 200 ? `${path.slice(0, 200)}...` : path,
          status: res.statusCode,
          ms: Math.round(seconds * 10_000) / 10,
        },
        'request',
      );
    });
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/metrics' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        return res.end(await metrics.registry.metrics());
      }
      if (url.pathname === '/readyz') {
        const checks = await spec.readiness().catch((err: unknown) => ({ readiness: (err as Error).message }));
        const ok = Object.values(checks).every((v) => v === 'ok');
        return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', checks });
      }
      for (const route of spec.routes ?? []) if (await route(req, res)) return;
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'not found; GraphQL is served at /graphql' });
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const raw = req.method === 'POST' ? await readBody(req, limit) : '';
      let body: unknown = undefined;
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, {
            errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
          });
        }
      }
      const result = await spec.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => {
          const context = await spec.context(req);
          const requestId = (context as { requestId?: unknown }).requestId;
          if (typeof requestId === 'string') {
            access.requestId = requestId;
            // Clients quote it when they report a problem; the logs of every process carry it.
            res.setHeader('x-request-id', requestId);
          }
          access.caller = callerOf(context);
          Object.defineProperty(context, ACCESS_RECORD, { value: access, enumerable: true });
          return context;
        },
      });
      for (const [key, value] of result.headers) res.setHeader(key, value);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        res.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (err) {
      if ((err as { status?: number }).status === 413) {
        spec.logger.debug({ method: req.method, path: req.url?.split('?')[0], limit }, 'request body too large');
        // The rest of the body is not read: the connection closes once the answer is sent.
        res.setHeader('connection', 'close');
        return sendJson(res, 413, {
          errors: [{ message: (err as Error).message, extensions: { code: 'BAD_REQUEST' } }],
        });
      }
      // A client that hangs up mid-upload is not a fault of ours, and anyone can do it at will:
      // one low-level line without a stack, so it cannot flood the error log.
      if (clientHungUp(req, err))
        return spec.logger.debug(
          { method: req.method, path: req.url?.split('?')[0], code: (err as NodeJS.ErrnoException).code },
          'client closed the connection before sending the whole request',
        );
      spec.logger.error({ err }, 'HTTP request failed');
      if (!res.headersSent)
        sendJson(res, 500, { errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }
  }
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' ? 'localhost' : host;
  return {
    server,
    port: actual,
    url: `http://${shownHost}:${actual}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
