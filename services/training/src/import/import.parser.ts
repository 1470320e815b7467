import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { csvRecords } from './import.csv';

/** A cell as read: text stays text; XLSX may also give numbers and dates. */
export type Cell = string | number | Date | null;

export interface SheetRow {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  cells: Cell[];
}

/** The header row, and the data rows to be read once, in order, as the file is parsed. */
export interface Sheet {
  headers: string[];
  rows: AsyncIterable<SheetRow>;
}

export class UnreadableFileError extends Error {}

/** Formula results, rich text and hyperlinks all reduce to the value the clerk sees. */
function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value) return plain(value.result);
  if ('text' in value) return value.text;
  return null;
}

function isEmpty(cells: Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** Rows read between two yields to the event loop, so other requests keep being served during a long file. */
const ROWS_PER_TURN = 2000;

async function* readCsv(content: Buffer): AsyncGenerator<SheetRow> {
  let n = 0;
  for (const record of csvRecords(content)) {
    yield record;
    if (++n % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

async function* readXlsx(content: Buffer): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const r of worksheet)
      yield { row: r.number, cells: (r.values as ExcelJS.CellValue[]).slice(1).map(plain) };
    break;
  }
}

function unreadable(format: string, err: unknown): UnreadableFileError {
  if (err instanceof UnreadableFileError) return err;
  return new UnreadableFileError(
    `the file cannot be read as ${format} (${err instanceof Error ? err.message : String(err)})`,
  );
}

/**
 * Opens a registration list for one pass: the header row is read at once, data rows (empty ones
 * skipped) as they are consumed, so memory holds rows being checked, not the file as objects.
 */
export async function openSheet(format: 'CSV' | 'XLSX', content: Buffer): Promise<Sheet> {
  const source = format === 'CSV' ? readCsv(content) : readXlsx(content);
  let first: IteratorResult<SheetRow>;
  try {
    first = await source.next();
  } catch (err) {
    throw unreadable(format, err);
  }
  if (first.done || first.value.row !== 1) throw new UnreadableFileError('the first row must hold the column headers');
  const headers = first.value.cells.map((c) => (c === null ? '' : String(c).trim()));
  async function* rows(): AsyncGenerator<SheetRow> {
    try {
      for (let next = await source.next(); !next.done; next = await source.next())
        if (!isEmpty(next.value.cells)) yield next.value;
    } catch (err) {
      throw unreadable(format, err);
    }
  }
  return { headers, rows: rows() };
}
