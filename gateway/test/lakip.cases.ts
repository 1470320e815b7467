import ExcelJS from 'exceljs';
import { generateSynthetic } from '../../scripts/src/synthetic.generator';
import { formatDecimal, formatRupiah } from '../src';
import { readWorkbook, sheetValues } from './export.support';
import { getLakip, pdfLines } from './lakip.support';
import type { TestGraph } from './support';
import { query, tokenFor } from './support';

const PADANG = 'BBPPKS-PADANG';
const OTHER = 'BBPPKS-BANDUNG';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface LakipGraph extends TestGraph {
  settle(): Promise<void>;
}

// Shapes read back from the graph are asserted field by field below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;

/** The row of a sheet whose first cell is `first`, as exceljs reads it back. */
const rowStartingWith = (sheet: ExcelJS.Worksheet, first: string): ExcelJS.Row => {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(1).value === first) found = row;
  });
  if (!found) throw new Error(`no row starting with ${first} in ${sheet.name}`);
  return found;
};

/** The one line of the PDF holding every piece, in that order (cells are joined by " | "). */
const lineWith = (lines: string[], ...pieces: string[]): string => {
  const hits = lines.filter((l) => {
    let from = 0;
    for (const p of pieces) {
      const at = l.indexOf(p, from);
      if (at < 0) return false;
      from = at + p.length;
    }
    return true;
  });
  if (hits.length !== 1) throw new Error(`${hits.length} lines hold ${pieces.join(' ... ')}`);
  return hits[0];
};

export function describeLakip<G extends LakipGraph>(mode: string, start: () => Promise<G>): void {
  describe(`GET /reports/lakip/{unit}/{year}.pdf|.xlsx: chapter III of the LAKIP from the graph (${mode})`, () => {
    let system: G;
    const analyst = () => tokenFor('analyst');
    beforeAll(async () => {
      system = await start();
      const admin = tokenFor('admin');
      await generateSynthetic(
        async (source, variables) => {
          const r = await query<Data>(system, source, variables, admin);
          if (r.errors) throw new Error(JSON.stringify(r.errors));
          return r.data;
        },
        { units: [OTHER], years: [2022], scale: 1 },
      );
      await system.settle();
    }, 600_000);
    afterAll(async () => system?.stop());

    it('PDF of BBPPKS-PADANG 2022: the report figures in Indonesian format, each printed difference footnoted', async () => {
      const file = await getLakip(system, `${PADANG}/2022.pdf`, tokenFor('viewer', PADANG));
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('content-disposition')).toBe('attachment; filename="LAKIP-BBPPKS-PADANG-2022.pdf"');
      expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
      const lines = await pdfLines(file.body);
      // Indicator table: SK1.1 target 73, realisation 84,65, achievement derived 115,96 with its footnote;
      // the Renstra targets of 2023 and 2024 after it.
      const sk11 = lineWith(lines, 'SK1.1 | Persentase (%) Lembaga di Bidang Kesos yang Terakreditasi');
      const n = /115,96 \[(\d+)\]/.exec(sk11)?.[1];
      expect(n).toBeDefined();
      expect(sk11).toMatch(/\| 73 \| 84,65 \| 115,96 \[\d+\] \| 73 \| 73$/);
      const footnote = lines.find((l) => l.startsWith(`[${n}] `));
      expect(footnote).toContain('dihitung dari data 115,96, tercetak di LAKIP 115,95');
      // The year before, from the graph: SK5.1's 2021 row prints 70, 72,05 and 102,93.
      expect(lineWith(lines, 'SK5.1 | Nilai Hasil Evaluasi SAKIP')).toContain('| 70 | 72,05 | 102,93 | 75 | 80,07 |');
      // The budget performance score: derived 92,95 against the printed 92,94.
      const nka = lineWith(lines, 'Nilai Kinerja Anggaran = 60% x SMART + 40% x IKPA');
      const m = /92,95 \[(\d+)\]/.exec(nka)?.[1];
      expect(lines.find((l) => l.startsWith(`[${m}] `))).toContain('dihitung dari data 92,95, tercetak di LAKIP 92,94');
      // Goal SK2: derived 110,72 (printed 110,70) beside its budget absorption 98,98.
      expect(lineWith(lines, 'SK2 | Meningkatnya Kapasitas SDM Penyelenggara Kesos')).toMatch(
        /110,72 \[\d+\] \| 98,98$/,
      );
      // Budget: satker 690552's ceiling and realisation in rupiah; the five-year table.
      expect(lineWith(lines, '690552 BBPPKS Padang (OTK baru) | TOTAL')).toContain(
        '| Rp 8.179.753.000 | Rp 8.118.932.961 | 99,26',
      );
      expect(lineWith(lines, '2018 | Belanja Modal')).toContain('| Rp 4.290.600.000 | Rp 4.286.951.700 | 99,91');
      // DIPA revisions, dated in Indonesian.
      expect(lineWith(lines, '690552 | Revisi 02 | DJA | 4 November 2022')).toBeDefined();
      expect(lineWith(lines, '690552 | Revisi 07 | DJPB | 27 Desember 2022')).toBeDefined();
      // SAKIP of the units, IKM with respondents.
      expect(lineWith(lines, '(BBPPKS) Padang (unit laporan ini) | 72,05 | BB | 80,07 | A | 80,07 | A')).toBeDefined();
      expect(lines).toEqual(expect.arrayContaining(['Nilai IKM | 91,60', 'Mutu pelayanan | A (Sangat Baik)']));
      expect(lines).toEqual(
        expect.arrayContaining([
          'Jumlah responden | 1.508 orang',
          'Jenis kelamin: Laki-laki | 868 orang',
          'Jenis kelamin: Perempuan | 640 orang',
          'Pendidikan: S1 | 1.025 orang',
        ]),
      );
      // The performance agreement, its revision signed in September 2022.
      expect(lineWith(lines, 'SK6.1 Nilai Kepuasan Stakeholder terhadap Layanan BBPPKS Padang | 90')).toBeDefined();
      expect(lines.some((l) => l.includes('ditandatangani Jakarta, September 2022'))).toBe(true);
      // The rest of the report's contradictions come from reportConsistency, printed as printed.
      const text = lines.join('\n');
      expect(text).toContain('tercetak "6.056.979.00"');
      expect(text).toMatch(/bertentangan: /);
    });

    it('XLSX of BBPPKS-PADANG 2022: one sheet per table, figures as numbers, the footnote beside them', async () => {
      const file = await getLakip(system, `${PADANG}/2022.xlsx`, analyst());
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe(XLSX);
      const workbook = await readWorkbook(file.body);
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        'Perjanjian Kinerja',
        'Indikator Kinerja',
        'Kinerja vs Anggaran',
        'Realisasi Anggaran',
        'Nilai Kinerja Anggaran',
        'Anggaran 5 Tahun',
        'Revisi DIPA',
        'SAKIP',
        'IKM',
        'Catatan Kaki',
      ]);
      const indicators = workbook.getWorksheet('Indikator Kinerja')!;
      expect(sheetValues(indicators)[1]).toEqual([
        'Kode',
        'Indikator Kinerja',
        'Target 2021',
        'Realisasi 2021',
        '% Capaian 2021',
        'Target 2022',
        'Realisasi 2022',
        '% Capaian 2022',
        'Target Renstra 2023',
        'Target Renstra 2024',
        'Catatan kaki',
      ]);
      const sk11 = rowStartingWith(indicators, 'SK1.1');
      expect([6, 7, 8].map((c) => sk11.getCell(c).value)).toEqual([73, 84.65, 115.96]);
      expect(sk11.getCell(8).type).toBe(ExcelJS.ValueType.Number);
      expect(sk11.getCell(8).numFmt).toBe('#,##0.00');
      expect(sk11.getCell(11).value).toMatch(
        /^\[\d+\] SK1\.1 % capaian: dihitung dari data 115,96, tercetak di LAKIP 115,95/,
      );
      // A figure the report prints the same has no footnote.
      expect(rowStartingWith(indicators, 'SK3.1').getCell(11).value).toBeNull();

      const budget = workbook.getWorksheet('Realisasi Anggaran')!;
      let total: ExcelJS.Row | undefined;
      budget.eachRow((row) => {
        if (row.getCell(1).value === '690552 BBPPKS Padang (OTK baru)' && row.getCell(2).value === 'TOTAL') total = row;
      });
      expect([3, 4, 5].map((c) => total?.getCell(c).value)).toEqual([8179753000, 8118932961, 99.26]);
      expect(total?.getCell(3).numFmt).toBe('"Rp "#,##0');

      const revisions = sheetValues(workbook.getWorksheet('Revisi DIPA')!);
      expect(revisions.find((r) => r[0] === '690552' && r[1] === 'Revisi 02')?.slice(2, 4)).toEqual([
        'DJA',
        '4 November 2022',
      ]);
      const ikm = sheetValues(workbook.getWorksheet('IKM')!);
      expect(ikm.slice(2, 6)).toEqual([
        ['Nilai IKM', 91.6, null],
        ['Mutu pelayanan', 'A (Sangat Baik)', null],
        ['Jumlah responden', '1.508 orang', null],
        ['Jenis kelamin: Laki-laki', '868 orang', null],
      ]);
      const notes = sheetValues(workbook.getWorksheet('Catatan Kaki')!).slice(2);
      expect(notes.map((r) => r[1])).toEqual(
        expect.arrayContaining([
          'indicator/SK1.1/achievement',
          'goal/SK1/achievement',
          'budget/budgetPerformanceScore',
        ]),
      );
      // Figures of the whole report's consistency check that no table cell shows are listed too.
      expect(notes.filter((r) => String(r[1]).startsWith('consistency/')).length).toBeGreaterThan(10);
    });

    it('a generated unit: its own figures, the same as /graphql answers them to its viewer', async () => {
      const token = tokenFor('viewer', OTHER);
      const json = await query<Data>(
        system,
        `query($u: ID!) { unit(code: $u) { name
            budget(year: 2022) { satkers { code ceiling realized absorptionRate } }
            performance(year: 2022) { goals { indicators { code realization achievement } } }
            satisfactionSurvey(year: 2022) { index respondents } } }`,
        { u: OTHER },
        token,
      );
      expect(json.errors).toBeUndefined();
      const unit = json.data!.unit;
      const file = await getLakip(system, `${OTHER}/2022.pdf`, token);
      expect(file.status).toBe(200);
      const lines = await pdfLines(file.body);
      expect(lines[0]).toContain(unit.name);
      const satker = unit.budget.satkers[0];
      expect(lineWith(lines, `${satker.code} `, ' | TOTAL')).toContain(
        `| ${formatRupiah(satker.ceiling)} | ${formatRupiah(satker.realized)} | ${formatDecimal(satker.absorptionRate)}`,
      );
      expect(lines).toContain(`Nilai IKM | ${formatDecimal(unit.satisfactionSurvey.index)}`);
      const workbook = await readWorkbook((await getLakip(system, `${OTHER}/2022.xlsx`, token)).body);
      const sheet = workbook.getWorksheet('Indikator Kinerja')!;
      const indicators = unit.performance.goals.flatMap((g: Data) => g.indicators) as Data[];
      expect(indicators.length).toBeGreaterThan(0);
      for (const i of indicators) {
        const row = rowStartingWith(sheet, i.code);
        expect([i.code, row.getCell(7).value, row.getCell(8).value]).toEqual([i.code, i.realization, i.achievement]);
      }
    });

    it('errors: bad year or format 400, unknown unit 404, naming the field; no token 401; another unit 403', async () => {
      const json = async (path: string, token?: string, method?: string) => {
        const file = await getLakip(system, path, token, method);
        return { status: file.status, body: JSON.parse(file.body.toString()) as Data };
      };
      const unknown = await json('BBPPKS-NOWHERE/2022.pdf', analyst());
      expect(unknown.status).toBe(404);
      expect(unknown.body.errors[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'unit' });
      for (const [path, field] of [
        [`${PADANG}/2022.docx`, 'format'],
        [`${PADANG}/2022`, 'format'],
        [`${PADANG}/twenty.pdf`, 'year'],
        [`${PADANG}/1850.xlsx`, 'year'],
        ['BBPPKS PADANG/2022.pdf', 'unit'],
      ]) {
        const bad = await json(path, analyst());
        expect({ path, status: bad.status, extensions: bad.body.errors[0].extensions }).toEqual({
          path,
          status: 400,
          extensions: { code: 'BAD_USER_INPUT', field },
        });
      }
      expect((await json(`${PADANG}/2022.pdf`)).status).toBe(401);
      const forbidden = await json(`${PADANG}/2022.pdf`, tokenFor('viewer', OTHER));
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'unit' });
      expect(forbidden.body.errors[0].message).toContain(OTHER);
      // The unit's own viewer reads its report; the same viewer is refused the seed unit's above.
      expect((await getLakip(system, `${OTHER}/2022.xlsx`, tokenFor('viewer', OTHER))).status).toBe(200);
      const posted = await json(`${PADANG}/2022.pdf`, analyst(), 'POST');
      expect(posted.status).toBe(405);
    });

    it('a year the graph holds nothing for: the tables say so, no error', async () => {
      const file = await getLakip(system, `${PADANG}/2005.pdf`, analyst());
      expect(file.status).toBe(200);
      const lines = await pdfLines(file.body);
      expect(lines).toEqual(
        expect.arrayContaining([
          'Belum ada perjanjian kinerja yang tercatat untuk tahun ini.',
          'Tidak ada DIPA untuk tahun ini.',
          'Tidak ada responden survei untuk tahun ini.',
        ]),
      );
    });
  });
}
