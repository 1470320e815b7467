import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { ExtraRoute } from '@kesos/infra';
import { sendJson } from '@kesos/infra';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { PrintedFigureSource } from './lakip.footnotes';
import { consistencySource, publishedFieldsSource } from './lakip.footnotes';
import { lakipPdf } from './lakip.pdf';
import type { LakipData } from './lakip.query';
import { LAKIP_OPERATION, LAKIP_QUERY, lakipVariables } from './lakip.query';
import { buildLakipReport } from './lakip.report';
import { lakipXlsx } from './lakip.xlsx';

export const LAKIP_PATH = '/reports/lakip/';
const FORMATS = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
type Format = keyof typeof FORMATS;
/** The first year a centre's report can cover; the graph's budget history starts in 2018. */
const FIRST_YEAR = 2000;

export interface LakipRouteSpec<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /** The same context as /graphql (it authenticates the caller); the route marks it read-only. */
  context(req: IncomingMessage): Promise<C>;
  logger: Logger;
  /** Printed figures the footnotes compare against; the graph's published* fields by default. */
  sources?: PrintedFigureSource[];
  /** Today as YYYY-MM-DD, printed on the PDF; the clock by default. */
  today?: () => string;
}

interface GraphAnswer {
  data?: LakipData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } & Record<string, unknown> }[];
}

const refuse = (res: Parameters<ExtraRoute>[1], status: number, code: string, message: string, field?: string) =>
  sendJson(res, status, { errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] });

/** Splits `/reports/lakip/{unit}/{year}.{format}`; null when the path is not a LAKIP path at all. */
export function parseLakipPath(
  pathname: string,
): { ok: true; unit: string; year: number; format: Format } | { ok: false; field: string; message: string } | null {
  if (!pathname.startsWith(LAKIP_PATH)) return null;
  const parts = pathname.slice(LAKIP_PATH.length).split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1])
    return { ok: false, field: 'path', message: `the path is ${LAKIP_PATH}{unit}/{year}.pdf or .xlsx` };
  let unit: string;
  try {
    unit = decodeURIComponent(parts[0]);
  } catch {
    unit = parts[0];
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(unit))
    return {
      ok: false,
      field: 'unit',
      message: `unit must be a unit code (letters, digits, - and _), got ${JSON.stringify(unit)}`,
    };
  const dot = parts[1].lastIndexOf('.');
  const format = dot < 0 ? '' : parts[1].slice(dot + 1);
  if (format !== 'pdf' && format !== 'xlsx')
    return {
      ok: false,
      field: 'format',
      message: `format must be pdf or xlsx, got ${JSON.stringify(format || 'none')}`,
    };
  const yearText = parts[1].slice(0, dot);
  const year = Number(yearText);
  const lastYear = new Date().getUTCFullYear();
  if (!/^\d{4}$/.test(yearText) || year < FIRST_YEAR || year > lastYear)
    return {
      ok: false,
      field: 'year',
      message: `year must be a year from ${FIRST_YEAR} to ${lastYear}, got ${JSON.stringify(yearText)}`,
    };
  return { ok: true, unit, year, format };
}

/**
 * GET /reports/lakip/{unit}/{year}.pdf|.xlsx: chapter III of the unit's LAKIP for the year,
 * read through the gateway's request pipeline with the caller's Authorization header, as a
 * client reads /graphql. Answers: 400 (bad unit, year or format, field named), 401 without a
 * valid token, 403 when the caller may not read the unit, 404 for a unit the graph does not
 * hold, 502 when a subgraph failed (the file would have holes), else the file.
 */
export function lakipRoute<C extends BaseContext>(spec: LakipRouteSpec<C>): ExtraRoute {
  const sources = spec.sources ?? [publishedFieldsSource, consistencySource];
  const today = spec.today ?? (() => new Date().toISOString().slice(0, 10));
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const target = parseLakipPath(url.pathname);
    if (target === null) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      refuse(res, 405, 'BAD_REQUEST', `${LAKIP_PATH} answers GET only`);
      return true;
    }
    if (!target.ok) {
      refuse(res, 400, 'BAD_USER_INPUT', target.message, target.field);
      return true;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    // Apollo reads a JSON body of a POST: the route's GET becomes one inside the pipeline.
    headers.set('content-type', 'application/json');
    const result = await spec.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers,
        search: '',
        body: {
          query: LAKIP_QUERY,
          operationName: LAKIP_OPERATION,
          variables: lakipVariables(target.unit, target.year),
        },
      },
      context: async () => ({ ...(await spec.context(req)), readOnly: true }),
    });
    let text = '';
    if (result.body.kind === 'complete') text = result.body.string;
    else for await (const chunk of result.body.asyncIterator) text += chunk;
    const status = result.status ?? 200;
    const answer = JSON.parse(text) as GraphAnswer;
    const errors = answer.errors ?? [];
    // The unit's figures refused (a non-null root field refused nulls the whole answer, HTTP 403).
    const forbidden = errors.filter((e) => e.extensions?.code === 'FORBIDDEN');
    if (forbidden.length) {
      sendJson(res, 403, { errors: [{ ...forbidden[0], extensions: { ...forbidden[0].extensions, field: 'unit' } }] });
      return true;
    }
    if (status !== 200) {
      // Refused before it ran (no token, cost limit): the caller gets /graphql's answer.
      for (const [key, value] of result.headers) res.setHeader(key, value);
      res.statusCode = status;
      res.end(text);
      return true;
    }
    const badInput = errors.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
    if (badInput) {
      sendJson(res, 400, { errors: [badInput] });
      return true;
    }
    if (errors.length || !answer.data) {
      // A subgraph failed: a report with holes would read as a report with zeros.
      spec.logger.warn({ errors }, 'LAKIP report not written: the graph answered errors');
      sendJson(res, 502, { errors });
      return true;
    }
    if (!answer.data.unit) {
      refuse(res, 404, 'NOT_FOUND', `unit ${JSON.stringify(target.unit)} is not registered`, 'unit');
      return true;
    }
    const report = buildLakipReport(answer.data, target.year, sources);
    const file = target.format === 'pdf' ? await lakipPdf(report, today()) : await lakipXlsx(report);
    res.writeHead(200, {
      'content-type': FORMATS[target.format],
      'content-length': file.length,
      'content-disposition': `attachment; filename="LAKIP-${report.unitCode}-${target.year}.${target.format}"`,
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file);
    return true;
  };
}
