import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

/** A cell as read: text stays text; XLSX may also give numbers and dates. */
export type Cell = string | number | Date | null;

export interface SheetRow {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  cells: Cell[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

export class UnreadableFileError extends Error {}

/** Formula results, rich text and hyperlinks all reduce to the value the clerk sees. */
function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value) return plain(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return null;
}

function isEmpty(cells: Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

function toSheet(rows: SheetRow[]): Sheet {
  const header = rows.find((r) => r.row === 1);
  if (!header) throw new UnreadableFileError('the first row must hold the column headers');
  return { headers: header.cells.map((c) => (c === null ? '' : String(c).trim())), rows: rows.filter((r) => r.row > 1 && !isEmpty(r.cells)) };
}

async function readCsv(content: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  // The identity map keeps every value as typed: exceljs would otherwise turn NIKs into numbers.
  const sheet = await workbook.csv.read(Readable.from(content), { map: (value: unknown) => value });
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, n) => {
    rows.push({ row: n, cells: (r.values as ExcelJS.CellValue[]).slice(1).map(plain) });
  });
  return toSheet(rows);
}

async function readXlsx(content: Buffer): Promise<Sheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
  const rows: SheetRow[] = [];
  for await (const worksheet of reader) {
    for await (const r of worksheet) rows.push({ row: r.number, cells: (r.values as ExcelJS.CellValue[]).slice(1).map(plain) });
    break;
  }
  return toSheet(rows);
}

export async function readSheet(format: 'CSV' | 'XLSX', content: Buffer): Promise<Sheet> {
  try {
    return format === 'CSV' ? await readCsv(content) : await readXlsx(content);
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err;
    throw new UnreadableFileError(`the file cannot be read as ${format} (${err instanceof Error ? err.message : String(err)})`);
  }
}
