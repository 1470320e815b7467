import { StringDecoder } from 'node:string_decoder';

/** Text decoded per step: one step's records are all that is held besides the file itself. */
const STEP_BYTES = 1024 * 1024;

export class CsvSyntaxError extends Error {}

interface Parsed {
  cells: string[];
  next: number;
}

/**
 * One record of RFC 4180 CSV starting at `start`: quoted values may hold commas, line breaks
 * and doubled quotes; records end at CRLF, LF or CR. Answers null when the text ends before
 * the record does and more text may follow (`final` false).
 */
function parseRecord(s: string, start: number, final: boolean, row: number): Parsed | null {
  const cells: string[] = [];
  let i = start;
  for (;;) {
    if (i >= s.length) {
      if (!final) return null;
      cells.push('');
      return { cells, next: i };
    }
    if (s[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const quote = s.indexOf('"', j);
        if (quote === -1 || (quote + 1 >= s.length && !final)) {
          if (final) throw new CsvSyntaxError(`row ${row}: a quoted value is never closed`);
          return null;
        }
        if (s[quote + 1] === '"') {
          value += s.slice(j, quote + 1);
          j = quote + 2;
          continue;
        }
        value += s.slice(j, quote);
        i = quote + 1;
        break;
      }
      cells.push(value);
    } else {
      let j = i;
      while (j < s.length && s[j] !== ',' && s[j] !== '\n' && s[j] !== '\r') j++;
      if (j >= s.length && !final) return null;
      cells.push(s.slice(i, j));
      i = j;
    }
    const c = s[i];
    if (c === ',') {
      i++;
      continue;
    }
    if (c === '\n') return { cells, next: i + 1 };
    if (c === '\r') {
      if (i + 1 >= s.length && !final) return null;
      return { cells, next: s[i + 1] === '\n' ? i + 2 : i + 1 };
    }
    if (c === undefined) return { cells, next: i };
    throw new CsvSyntaxError(`row ${row}: text follows a closing quote; double every quote inside a quoted value`);
  }
}

/**
 * The records of a CSV file, one at a time with their row numbers (1 = the header), decoded a
 * megabyte at a time: unlike a workbook, it never holds the whole file as text or as cells.
 */
export function* csvRecords(content: Buffer): Generator<{ row: number; cells: string[] }> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let row = 0;
  for (let offset = 0; offset < content.length || pending; offset += STEP_BYTES) {
    const final = offset + STEP_BYTES >= content.length;
    let text =
      pending +
      (offset < content.length ? decoder.write(content.subarray(offset, offset + STEP_BYTES)) : '') +
      (final ? decoder.end() : '');
    if (offset === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let at = 0;
    while (at < text.length) {
      const parsed = parseRecord(text, at, final, row + 1);
      if (!parsed) break;
      row++;
      yield { row, cells: parsed.cells };
      at = parsed.next;
    }
    pending = text.slice(at);
    if (final) break;
  }
}
