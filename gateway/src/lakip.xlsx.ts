import ExcelJS from 'exceljs';
import type { LakipReport, ReportCell } from './lakip.report';
import { cellText } from './lakip.report';

/** Excel's sheet names: at most 31 characters, none of []:*?/\. */
const sheetName = (name: string): string => name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);

/** Number formats: the figures stay numbers a spreadsheet can add up; Excel shows the separators of its own locale. */
function numberFormat(cell: ReportCell): string | undefined {
  const v = cell.value;
  if (v.kind === 'money') return '"Rp "#,##0';
  if (v.kind !== 'number') return undefined;
  const base = v.decimals ? `#,##0.${'0'.repeat(v.decimals)}` : '#,##0';
  return v.suffix === '%' ? `${base}"%"` : base;
}

function cellValue(cell: ReportCell): string | number | null {
  const v = cell.value;
  if (v.kind === 'number' || v.kind === 'money') return v.value;
  if (v.kind === 'text') return v.text;
  return null;
}

/**
 * The report as an XLSX workbook: one sheet per table (title in row 1, column names in row 2,
 * figures as numeric cells from row 3), a "Catatan kaki" column holding the footnotes of the
 * row's figures, the table's notes under it, and a last sheet listing every footnote.
 */
export async function lakipXlsx(report: LakipReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = report.title;
  workbook.creator = 'Kemensos graph';
  const footnoteText = new Map(report.footnotes.map((f) => [f.number, f.text]));
  for (const table of report.tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 2 }] });
    const titleRow = sheet.addRow([`${table.title}, ${report.unitName}`]);
    titleRow.font = { bold: true };
    const header = sheet.addRow([...table.columns, 'Catatan kaki']);
    header.font = { bold: true };
    for (const cells of table.rows) {
      const notes = cells
        .filter((c) => c.footnote !== undefined)
        .map((c) => `[${c.footnote}] ${footnoteText.get(c.footnote ?? 0) ?? ''}`);
      const row = sheet.addRow([...cells.map(cellValue), notes.length ? notes.join(' ') : null]);
      cells.forEach((c, i) => {
        const format = numberFormat(c);
        if (format) row.getCell(i + 1).numFmt = format;
      });
    }
    if (table.notes.length) sheet.addRow([]);
    for (const note of table.notes) sheet.addRow([note]);
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(
        (table.columns[i] ?? 'Catatan kaki').length,
        ...table.rows.map((r) => (r[i] ? cellText(r[i]).length : 0)),
      );
      column.width = Math.min(60, Math.max(10, longest + 2));
    });
  }
  const list = workbook.addWorksheet('Catatan Kaki');
  list.addRow(['Catatan kaki: angka yang tercetak di LAKIP berbeda dari yang dihitung dari data']).font = {
    bold: true,
  };
  list.addRow(['Nomor', 'Angka', 'Keterangan']).font = { bold: true };
  for (const f of report.footnotes) list.addRow([f.number, f.key, f.text]);
  list.columns = [{ width: 8 }, { width: 36 }, { width: 120 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
