import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { CellKind, Table } from './export.table';
import { scalarText } from './export.table';

/** Rows written between two checks of the client's pace (back-pressure) and of the event loop. */
const ROWS_PER_BATCH = 1000;

/** Waits while the client reads more slowly than the file is written, so the file never piles up in memory. */
async function keepPace(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
  else await yieldToLoop();
}

/** OWASP CSV injection: a text cell a spreadsheet would read as a formula is prefixed with a quote. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: unknown): string {
  let text = scalarText(value);
  // Only text is defused: a number keeps its sign (-5 stays a number).
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180: comma-separated, CRLF line ends, fields with a quote, comma or line break quoted.
 * UTF-8 with a byte order mark: without it Excel reads the file in the Windows code page and
 * breaks every non-ASCII name; the common CSV readers (pandas, R, LibreOffice) skip it.
 */
export async function writeCsv(out: Writable, table: Table): Promise<void> {
  out.write('\uFEFF');
  out.write(`${table.columns.map((c) => csvField(c.name)).join(',')}\r\n`);
  let batch: string[] = [];
  for (const row of table.rows()) {
    batch.push(`${row.map(csvField).join(',')}\r\n`);
    if (batch.length === ROWS_PER_BATCH) {
      out.write(batch.join(''));
      batch = [];
      await keepPace(out);
    }
  }
  out.end(batch.join(''));
  await once(out, 'finish');
}

const NUMBER_FORMAT: Partial<Record<CellKind, string>> = { decimal: '0.00', money: '#,##0', integer: '0' };

/** Excel's sheet names: at most 31 characters, none of []:*?/\, unique regardless of case. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++)
    candidate = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * XLSX through exceljs's streaming writer: each row is committed (serialised into the zip
 * stream) as it is produced. Numbers are numeric cells, Float fields formatted 0.00, money
 * (SafeInt) #,##0; the header row is bold and frozen. Text cells are typed strings, never formulas.
 */
export async function writeXlsx(out: Writable, tables: Table[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name, taken), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    });
    sheet.columns = table.columns.map((c) => ({ key: c.name, width: Math.min(40, Math.max(10, c.name.length + 2)) }));
    const header = sheet.addRow(table.columns.map((c) => c.name));
    header.font = { bold: true };
    header.commit();
    const formats = table.columns.map((c) => NUMBER_FORMAT[c.kind]);
    let n = 0;
    for (const values of table.rows()) {
      const row = sheet.addRow(values);
      formats.forEach((format, i) => {
        if (format && typeof values[i] === 'number') row.getCell(i + 1).numFmt = format;
      });
      row.commit();
      if (++n % ROWS_PER_BATCH === 0) await keepPace(out);
    }
    sheet.commit();
  }
  await workbook.commit();
}
