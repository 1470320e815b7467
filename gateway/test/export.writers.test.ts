import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import type { Column, Table } from '../src';
import { writeCsv, writeXlsx } from '../src';
import { parseCsv, readWorkbook, sheetValues } from './export.support';

const COLUMNS: Column[] = [
  { name: 'unit.code', kind: 'text', level: 0, path: ['unit', 'code'] },
  { name: 'enrolled', kind: 'integer', level: 0, path: ['enrolled'] },
  { name: 'ceiling', kind: 'money', level: 0, path: ['ceiling'] },
  { name: 'graduationRate', kind: 'decimal', level: 0, path: ['graduationRate'] },
  { name: 'passed', kind: 'boolean', level: 0, path: ['passed'] },
];

const tableOf = (rows: unknown[][], name = 'trainingStats'): Table => ({
  name,
  columns: COLUMNS,
  *rows() {
    yield* rows;
  },
});

/** A client reading slowly: every chunk is acknowledged on a later turn of the event loop. */
class SlowClient extends Writable {
  readonly chunks: Buffer[] = [];
  firstChunkAfterRows: number | null = null;
  constructor(private readonly rowsSoFar: () => number) {
    super({ highWaterMark: 16 * 1024 });
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.firstChunkAfterRows ??= this.rowsSoFar();
    this.chunks.push(chunk);
    setImmediate(done);
  }
  get body(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** A large table produced on demand, counting how many rows the writer has pulled so far. */
function largeTable(count: number) {
  let produced = 0;
  const table: Table = {
    name: 'enrollments',
    columns: COLUMNS,
    *rows() {
      for (let i = 0; i < count; i++) {
        produced++;
        yield [`UNIT-${i % 8}`, i, i * 1000, (i % 10000) / 100, i % 2 === 0];
      }
    },
  };
  return { table, produced: () => produced };
}

describe('export writers', () => {
  it('CSV: RFC 4180 quoting, a BOM, and text that a spreadsheet would run as a formula defused', async () => {
    const texts = ['=1+1', '+62 811', '-minus', '@SUM(A1)', '\tTAB', 'a,b', 'say "hi"', 'two\r\nlines', 'plain'];
    const out = new SlowClient(() => 0);
    await writeCsv(out, tableOf(texts.map((t, i) => [t, -i, null, 12.5, false])));
    const text = out.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(COLUMNS.map((c) => c.name));
    expect(rows.map((r) => r[0])).toEqual([
      "'=1+1",
      "'+62 811",
      "'-minus",
      "'@SUM(A1)",
      "'\tTAB",
      'a,b',
      'say "hi"',
      'two\r\nlines',
      'plain',
    ]);
    // Numbers are numbers: a negative one is not text and keeps its sign.
    expect(rows.map((r) => r[1])).toEqual(texts.map((_, i) => String(-i)));
    expect(rows[0].slice(2)).toEqual(['', '12.5', 'false']);
  });

  it('XLSX: typed cells, formats per kind, text never a formula, unique sheet names within 31 characters', async () => {
    const out = new SlowClient(() => 0);
    const long = 'aVeryLongAliasForAStatisticsFieldOfTheMinistry';
    await writeXlsx(out, [
      tableOf([['=1+1', 3, 1500000000, 99.9, true]], long),
      tableOf([['x', 1, 2, 3.456, false]], `${long}2`),
    ]);
    const workbook = await readWorkbook(out.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([long.slice(0, 31), `${long.slice(0, 29)}_2`]);
    const sheet = workbook.worksheets[0];
    expect(sheetValues(sheet)).toEqual([COLUMNS.map((c) => c.name), ['=1+1', 3, 1500000000, 99.9, true]]);
    const row = sheet.getRow(2);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(2).numFmt).toBe('0');
    expect(row.getCell(3).numFmt).toBe('#,##0');
    expect(row.getCell(4).numFmt).toBe('0.00');
    expect(row.getCell(5).type).toBe(ExcelJS.ValueType.Boolean);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('100,000 rows stream: the client gets bytes long before the last row is produced, as fast as it reads', async () => {
    const rows = 100_000;
    for (const format of ['csv', 'xlsx'] as const) {
      const { table, produced } = largeTable(rows);
      const out = new SlowClient(produced);
      if (format === 'csv') await writeCsv(out, table);
      else await writeXlsx(out, [table]);
      expect(produced()).toBe(rows);
      expect(out.firstChunkAfterRows).not.toBeNull();
      expect(out.firstChunkAfterRows!).toBeLessThan(rows / 10);
      if (format === 'csv') expect(parseCsv(out.body.toString('utf8').slice(1))).toHaveLength(rows + 1);
      else {
        const sheet = (await readWorkbook(out.body)).worksheets[0];
        expect(sheet.rowCount).toBe(rows + 1);
        expect(sheet.getRow(rows + 1).getCell(2).value).toBe(rows - 1);
      }
    }
  }, 180_000);
});
