import ExcelJS from 'exceljs';
import type { TestGraph } from './support';

export interface ExportAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** POST /export?format=... with the body and token /graphql would get. */
export async function exportFile(
  graph: TestGraph,
  format: string | null,
  source: string,
  options: { variables?: Record<string, unknown>; token?: string; operationName?: string; method?: string } = {},
): Promise<ExportAnswer> {
  const base = graph.gateway.url.replace('localhost', '127.0.0.1').replace(/\/graphql$/, '');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const method = options.method ?? 'POST';
  const res = await fetch(`${base}/export${format === null ? '' : `?format=${format}`}`, {
    method,
    headers,
    body:
      method === 'POST'
        ? JSON.stringify({ query: source, variables: options.variables ?? {}, operationName: options.operationName })
        : undefined,
  });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

export async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** Values of a sheet's rows as exceljs read them back, header first. */
export function sheetValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: unknown[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) {
      const v = row.getCell(i).value;
      values.push(v === undefined ? null : v);
    }
    rows.push(values);
  });
  return rows;
}

/** A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF), independent of the writer under test. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
