import { csvRecords } from '../src/import/import.csv';

const STEP = 1024 * 1024;
const records = (text: string | Buffer) => [...csvRecords(Buffer.isBuffer(text) ? text : Buffer.from(text))];
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const line = (cells: string[]) => cells.map(quote).join(',');

describe('CSV records read a megabyte at a time', () => {
  it('reads quoted values, doubled quotes, line breaks inside quotes and every line ending', () => {
    const text = '\uFEFFnik,nama\r\n1,"Sintetis, A"\n2,"kata ""kutip"""\r3,"baris\nkedua"\n\n4,\n';
    expect(records(text)).toEqual([
      { row: 1, cells: ['nik', 'nama'] },
      { row: 2, cells: ['1', 'Sintetis, A'] },
      { row: 3, cells: ['2', 'kata "kutip"'] },
      { row: 4, cells: ['3', 'baris\nkedua'] },
      { row: 5, cells: [''] },
      { row: 6, cells: ['4', ''] },
    ]);
  });

  it('keeps characters, quotes and line ends whole where a megabyte ends inside them', () => {
    const rows: string[][] = [];
    let bytes = 0;
    const add = (cells: string[]) => {
      rows.push(cells);
      bytes += Buffer.byteLength(line(cells)) + 2;
    };
    /** A filler row after which the next row starts at byte `start`. */
    const padTo = (start: number) => add(['x'.repeat(start - bytes - 2)]);
    padTo(STEP - 2);
    add(['😀 emoji split by the first boundary', 'é']);
    padTo(2 * STEP - 3);
    add(['a"b', 'a doubled quote straddles the second boundary']);
    padTo(3 * STEP + 1);
    add(['the CRLF before this row straddles the third boundary']);
    for (let i = 0; i < 2000; i++) add([`137100${i}`, `Peserta Sintetis ${i} é 数`, i % 3 ? 'P' : 'L']);
    const content = Buffer.from(rows.map(line).join('\r\n'));
    expect(content.subarray(STEP - 2, STEP + 2).toString()).toBe('😀');
    expect(content.subarray(2 * STEP - 1, 2 * STEP + 1).toString()).toBe('""');
    expect(content.subarray(3 * STEP - 1, 3 * STEP + 1).toString()).toBe('\r\n');
    expect(records(content)).toEqual(rows.map((cells, i) => ({ row: i + 1, cells })));
  });

  it('names the row of a quote that is never closed or followed by text', () => {
    expect(() => records('nik,nama\n1,"open\n2,b\n')).toThrow('row 2: a quoted value is never closed');
    expect(() => records('nik,nama\n1,ok\n2,"closed"text\n')).toThrow('row 3: text follows a closing quote');
  });
});
