import type PdfParse from 'pdf-parse';
import type { TestGraph } from './support';

// The package's index runs a self-test when it has no parent module (as under jest); the library itself does not.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as typeof PdfParse;

export interface FileAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** GET a LAKIP path (e.g. `BBPPKS-PADANG/2022.pdf`) with a token. */
export async function getLakip(graph: TestGraph, path: string, token?: string, method = 'GET'): Promise<FileAnswer> {
  const base = graph.gateway.url.replace('localhost', '127.0.0.1').replace(/\/graphql$/, '');
  const res = await fetch(`${base}/reports/lakip/${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

interface TextItem {
  str: string;
  transform: number[];
}

/**
 * The text of a PDF, one line per baseline, the pieces on a line (table cells) joined by " | ",
 * read by pdf.js (through pdf-parse), independent of the library that wrote the file.
 */
export async function pdfLines(body: Buffer): Promise<string[]> {
  const pages: string[] = [];
  await pdfParse(body, {
    pagerender: async (page: { getTextContent(): Promise<{ items: TextItem[] }> }) => {
      const { items } = await page.getTextContent();
      let text = '';
      let lastY: number | null = null;
      for (const item of items) {
        const y = item.transform[5];
        if (lastY !== null) text += Math.abs(y - lastY) < 0.5 ? ' | ' : '\n';
        text += item.str;
        lastY = y;
      }
      pages.push(text);
      return text;
    },
  });
  return pages.join('\n').split('\n');
}
