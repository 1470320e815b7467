import PDFDocument from 'pdfkit';
import type { LakipReport, ReportTable } from './lakip.report';
import { cellText } from './lakip.report';
import { formatDate } from './lakip.format';

const MARGIN = 36;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const SIZE = 7.5;
const PADDING = 3;

/** Column widths from the longest text of each column, each at least a short word wide. */
function columnWidths(doc: PDFKit.PDFDocument, table: ReportTable, width: number): number[] {
  doc.font(FONT).fontSize(SIZE);
  const wanted = table.columns.map((name, i) =>
    Math.min(
      220,
      Math.max(
        doc.widthOfString(name.split(' ')[0]) + 2 * PADDING,
        doc.widthOfString(name) / 2 + 2 * PADDING,
        ...table.rows.map((r) => doc.widthOfString(r[i] ? cellText(r[i]) : '') + 2 * PADDING),
      ),
    ),
  );
  const total = wanted.reduce((a, b) => a + b, 0);
  return wanted.map((w) => (w * width) / total);
}

function rowHeight(doc: PDFKit.PDFDocument, texts: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? BOLD : FONT).fontSize(SIZE);
  return Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: widths[i] - 2 * PADDING }))) + 2 * PADDING;
}

/** One row of bordered cells at the current position; the caller has made room for it. */
function drawRow(doc: PDFKit.PDFDocument, texts: string[], widths: number[], bold: boolean): void {
  const height = rowHeight(doc, texts, widths, bold);
  const top = doc.y;
  let x = MARGIN;
  texts.forEach((t, i) => {
    doc.rect(x, top, widths[i], height).stroke('#999999');
    doc.fillColor('black').text(t, x + PADDING, top + PADDING, { width: widths[i] - 2 * PADDING });
    x += widths[i];
  });
  doc.x = MARGIN;
  doc.y = top + height;
}

function drawTable(doc: PDFKit.PDFDocument, report: LakipReport, table: ReportTable): void {
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  const widths = columnWidths(doc, table, width);
  const rows = table.rows.length ? table.rows.map((r) => r.map(cellText)) : [['Tidak ada data.']];
  const rowWidths = table.rows.length ? widths : [width];
  const header = rowHeight(doc, table.columns, widths, true);
  // The title never stands alone at the foot of a page: it goes with the column names and a first row.
  if (doc.y + 40 + header + rowHeight(doc, rows[0], rowWidths, false) > bottom) doc.addPage();
  doc.moveDown(0.8);
  doc.font(BOLD).fontSize(10).text(table.title, MARGIN, doc.y, { width });
  doc.moveDown(0.3);
  drawRow(doc, table.columns, widths, true);
  for (const texts of rows) {
    // A row that starts a new page repeats the column names above it.
    if (doc.y + rowHeight(doc, texts, rowWidths, false) > bottom) {
      doc.addPage();
      drawRow(doc, table.columns, widths, true);
    }
    drawRow(doc, texts, rowWidths, false);
  }
  const used = new Set(table.rows.flatMap((r) => r.map((c) => c.footnote)).filter((n) => n !== undefined));
  doc.font(FONT).fontSize(SIZE - 0.5);
  doc.moveDown(0.3);
  for (const note of table.notes) doc.text(note, MARGIN, doc.y, { width });
  for (const f of report.footnotes.filter((x) => used.has(x.number)))
    doc.text(`[${f.number}] ${f.text}`, MARGIN, doc.y, { width });
}

/**
 * The report as a PDF (A4 landscape, the PDF standard fonts, so nothing is fetched or embedded):
 * a title, every table with its notes and the footnotes of its figures, then the footnotes no
 * table shows.
 */
export function lakipPdf(report: LakipReport, generatedOn: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: report.title, Author: report.unitName, Subject: `LAKIP ${report.year}` },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  doc.font(BOLD).fontSize(13).text(report.title, { width });
  doc
    .font(FONT)
    .fontSize(8)
    .text(
      `Dibuat dari data graf pada ${formatDate(generatedOn)}. Angka ditulis dengan titik pemisah ribuan dan koma desimal; angka bertanda [n] tercetak berbeda di LAKIP, lihat catatan kaki.`,
      { width },
    );
  for (const table of report.tables) drawTable(doc, report, table);
  const claimed = new Set(report.tables.flatMap((t) => t.rows.flatMap((r) => r.map((c) => c.footnote))));
  const others = report.footnotes.filter((f) => !claimed.has(f.number));
  if (others.length) {
    doc.moveDown(0.8);
    doc.font(BOLD).fontSize(10).text('Catatan kaki lainnya', MARGIN, doc.y, { width });
    doc.font(FONT).fontSize(SIZE - 0.5);
    for (const f of others) doc.text(`[${f.number}] ${f.text}`, MARGIN, doc.y, { width });
  }
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // Written inside the bottom margin: lift the margin so pdfkit does not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(7)
      .text(
        `${report.unitCode} LAKIP ${report.year}, halaman ${i + 1} dari ${pages.count}`,
        MARGIN,
        doc.page.height - 24,
        {
          width,
          align: 'right',
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
