import type { ApolloServer, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { ExtraRoute } from '@kesos/infra';
import { readBody, sendJson } from '@kesos/infra';
import type { GraphQLSchema } from 'graphql';
import { GraphQLError, parse } from 'graphql';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { selectOperation, tablesOf } from './export.table';
import { writeCsv, writeXlsx } from './export.writers';

export const EXPORT_PATH = '/export';
const FORMATS = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
type Format = keyof typeof FORMATS;

/**
 * Refuses a mutation on /export before anything runs, as /graphql refuses one sent with GET
 * (HTTP 405, BAD_REQUEST): an export only reads, so a link or a retried download never writes.
 */
export function readOnlyPlugin<C extends BaseContext & { readOnly?: boolean }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.readOnly && operation && operation.operation !== 'query')
            throw new GraphQLError(`POST ${EXPORT_PATH} runs queries only; send a ${operation.operation} to /graphql`, {
              extensions: { code: 'BAD_REQUEST', http: { status: 405 } },
            });
        },
      };
    },
  };
}

/** The gateway's API schema, as Apollo loads it: the export reads its field types (Float, SafeInt, ...). */
export class ApiSchema {
  current: GraphQLSchema | null = null;
  plugin<C extends BaseContext>(): ApolloServerPlugin<C> {
    return {
      serverWillStart: async () => ({
        schemaDidLoadOrUpdate: ({ apiSchema }) => {
          this.current = apiSchema;
        },
      }),
    };
  }
}

export interface ExportRouteSpec<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /** The same context as /graphql (it authenticates the caller); the route marks it read-only. */
  context(req: IncomingMessage): Promise<C>;
  schema: ApiSchema;
  logger: Logger;
  maxBodyBytes?: number;
}

const badRequest = (message: string, status = 400, extra: Record<string, unknown> = {}) => ({
  status,
  body: { errors: [{ message, extensions: { code: 'BAD_REQUEST', ...extra } }] },
});

/** A file name from the operation name: letters, digits, `-` and `_` only. */
const fileName = (name: string | null | undefined, format: Format): string =>
  `${(name ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 100) || 'export'}.${format}`;

/**
 * POST /export?format=xlsx|csv: the body and Authorization header of /graphql, run through the
 * same Apollo request pipeline (authentication, public-field check, depth, alias and per-role
 * cost limits, error masking), then written as a file. Any error answers JSON exactly as
 * /graphql would, with its status. The answer of the subgraphs is in memory as /graphql holds
 * it; the file is written row by row as the client reads it.
 */
export function exportRoute<C extends BaseContext>(spec: ExportRouteSpec<C>): ExtraRoute {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== EXPORT_PATH) return false;
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      const refusal = badRequest(`${EXPORT_PATH} answers POST only, with the JSON body of /graphql`, 405);
      sendJson(res, refusal.status, refusal.body);
      return true;
    }
    const format = url.searchParams.get('format');
    if (format !== 'xlsx' && format !== 'csv') {
      const refusal = badRequest(
        `query parameter "format" must be xlsx or csv, got ${format === null ? 'none' : JSON.stringify(format)}`,
        400,
        { field: 'format' },
      );
      sendJson(res, refusal.status, refusal.body);
      return true;
    }
    const raw = await readBody(req, spec.maxBodyBytes ?? 32 * 1024 * 1024);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      const refusal = badRequest('request body is not valid JSON');
      sendJson(res, refusal.status, refusal.body);
      return true;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const result = await spec.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: async () => ({ ...(await spec.context(req)), readOnly: true }),
    });
    const text = result.body.kind === 'complete' ? result.body.string : await collect(result.body.asyncIterator);
    const answer = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown[] };
    // Refused, failed or partly failed: the client gets what /graphql would answer, not a file with holes.
    if ((result.status ?? 200) !== 200 || answer.errors?.length || !answer.data) {
      for (const [key, value] of result.headers) res.setHeader(key, value);
      res.statusCode = result.status ?? 200;
      res.end(text);
      return true;
    }
    const { query, operationName } = body as { query: string; operationName?: string | null };
    const document = parse(query);
    const operation = selectOperation(document, operationName);
    if (!operation || !spec.schema.current) throw new Error('an executed operation was not found again for export');
    const tables = tablesOf(spec.schema.current, document, operation, answer.data);
    res.writeHead(200, {
      'content-type': FORMATS[format],
      'content-disposition': `attachment; filename="${fileName(operation.name?.value ?? operationName, format)}"`,
      'cache-control': 'no-store',
    });
    try {
      if (format === 'csv') await writeCsv(res, tables[0]);
      else await writeXlsx(res, tables);
    } catch (err) {
      // Headers are sent: the only honest signal left is a broken download, never a short file that looks whole.
      spec.logger.error({ err }, 'export failed while writing the file');
      res.destroy();
    }
    return true;
  };
}

async function collect(chunks: AsyncIterableIterator<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}
