import type { LakipData, PrintedFigure, PrintedFigureSource } from '../src';
import {
  buildLakipReport,
  cellText,
  Footnotes,
  formatDate,
  formatDecimal,
  formatInteger,
  formatMonth,
  formatRupiah,
  parseLakipPath,
} from '../src';

describe('Indonesian number and date formats of the LAKIP', () => {
  it('decimals: comma, dot between thousands, half-up, fixed places', () => {
    expect(formatDecimal(91.6)).toBe('91,60');
    expect(formatDecimal(115.96)).toBe('115,96');
    expect(formatDecimal(1234567.891)).toBe('1.234.567,89');
    expect(formatDecimal(115.955)).toBe('115,96'); // stored as 115.95499..., half-up still gives 96
    expect(formatDecimal(0.005)).toBe('0,01');
    expect(formatDecimal(3.5, 1)).toBe('3,5');
    expect(formatDecimal(-18.5, 0)).toBe('-19');
    expect(formatDecimal(-0.001)).toBe('0,00');
    expect(formatDecimal(100, 0)).toBe('100');
    expect(formatInteger(1508)).toBe('1.508');
    expect(formatInteger(999)).toBe('999');
    expect(() => formatDecimal(Number.NaN)).toThrow(RangeError);
  });

  it('rupiah: whole, dots between thousands, from numbers, bigints and decimal strings', () => {
    expect(formatRupiah(8179753000)).toBe('Rp 8.179.753.000');
    expect(formatRupiah(8_179_753_000n)).toBe('Rp 8.179.753.000');
    expect(formatRupiah('27531508000')).toBe('Rp 27.531.508.000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(999)).toBe('Rp 999');
    expect(formatRupiah(-18810406000)).toBe('-Rp 18.810.406.000');
    expect(formatRupiah('-0')).toBe('Rp 0');
    expect(() => formatRupiah(1.5)).toThrow(RangeError);
  });

  it('dates and months in words', () => {
    expect(formatDate('2023-02-15')).toBe('15 Februari 2023');
    expect(formatDate('2022-11-04')).toBe('4 November 2022');
    expect(formatDate('2022-12-27')).toBe('27 Desember 2022');
    expect(formatDate('2024-02-29')).toBe('29 Februari 2024');
    expect(() => formatDate('2023-02-29')).toThrow(RangeError);
    expect(() => formatDate('2023-13-01')).toThrow(RangeError);
    expect(() => formatDate('15/02/2023')).toThrow(RangeError);
    expect(formatMonth('2022-09')).toBe('September 2022');
    expect(formatMonth('2022-05')).toBe('Mei 2022');
    expect(() => formatMonth('2022-00')).toThrow(RangeError);
  });
});

describe('the LAKIP path', () => {
  it('unit, year and format, or the field at fault', () => {
    expect(parseLakipPath('/export')).toBeNull();
    expect(parseLakipPath('/reports/lakip/BBPPKS-PADANG/2022.pdf')).toEqual({
      ok: true,
      unit: 'BBPPKS-PADANG',
      year: 2022,
      format: 'pdf',
    });
    expect(parseLakipPath('/reports/lakip/BBPPKS-PADANG/2022.xlsx')).toMatchObject({ ok: true, format: 'xlsx' });
    expect(parseLakipPath('/reports/lakip/BBPPKS-PADANG/2022.csv')).toMatchObject({ ok: false, field: 'format' });
    expect(parseLakipPath('/reports/lakip/BBPPKS-PADANG/2022')).toMatchObject({ ok: false, field: 'format' });
    expect(parseLakipPath('/reports/lakip/BBPPKS-PADANG/22.pdf')).toMatchObject({ ok: false, field: 'year' });
    expect(parseLakipPath('/reports/lakip/BBPPKS-PADANG/1999.pdf')).toMatchObject({ ok: false, field: 'year' });
    expect(parseLakipPath('/reports/lakip/BBPPKS-PADANG/3000.pdf')).toMatchObject({ ok: false, field: 'year' });
    expect(parseLakipPath('/reports/lakip/BBPPKS%20PADANG/2022.pdf')).toMatchObject({ ok: false, field: 'unit' });
    expect(parseLakipPath('/reports/lakip/%E0%A4%A/2022.pdf')).toMatchObject({ ok: false, field: 'unit' });
    expect(parseLakipPath('/reports/lakip/BBPPKS-PADANG/2022/x.pdf')).toMatchObject({ ok: false, field: 'path' });
  });
});

const figure = (
  key: string,
  printed: number | null,
  derived: number | null,
  note: string | null = null,
): PrintedFigure => ({
  key,
  label: key,
  printed,
  derived,
  decimals: 2,
  note,
  source: 'test',
});

describe('footnotes: printed against derived', () => {
  it('a footnote only where the printed figure differs as shown, or a remark is given; numbered as claimed', () => {
    const notes = new Footnotes([
      figure('a', 115.95, 115.96),
      figure('same', 82, 82),
      figure('same-after-rounding', 99.999, 100),
      figure('remark', 118.35, 118.35, 'another column prints 121.34'),
      figure('unshown', 8179753000, 16900855000),
    ]);
    expect(notes.claim('same')).toBeNull();
    expect(notes.claim('same-after-rounding')).toBeNull();
    expect(notes.claim('remark')).toBe(1);
    expect(notes.claim('a')).toBe(2);
    expect(notes.claim('remark')).toBe(1);
    const list = notes.list();
    expect(list.map((f) => [f.number, f.key])).toEqual([
      [1, 'remark'],
      [2, 'a'],
      [3, 'unshown'],
    ]);
    expect(list[1].text).toBe('a: dihitung dari data 115,96, tercetak di LAKIP 115,95 (sumber: test).');
    expect(list[0].text).toContain('another column prints 121.34');
  });

  it('another source of printed figures plugs into the report beside the published fields', () => {
    const data: LakipData = {
      unit: {
        code: 'X',
        name: 'Unit X',
        performanceAgreements: [],
        strategicPlan: null,
        performance: null,
        previous: null,
        budget: {
          ceiling: 100,
          realized: 50,
          absorptionRate: 50,
          budgetPerformanceScore: 90,
          publishedBudgetPerformanceScore: null,
          smartScore: 90,
          ikpaScore: 90,
          byExpenseType: [],
          satkers: [
            {
              code: '690552',
              name: 'S',
              ceiling: 100,
              realized: 50,
              absorptionRate: 50,
              byExpenseType: [{ type: 'GOODS', ceiling: 6056979000, realized: 50, absorptionRate: 0 }],
              revisions: [],
            },
          ],
        },
        budgetHistory: [],
        satisfactionSurvey: null,
      },
      consistency: null,
      sakipBefore: [],
      sakipFirstRound: [],
      sakipFinal: [],
    };
    const consistency: PrintedFigureSource = {
      name: 'consistency',
      figures: () => [
        figure('budget/budgetPerformanceScore', 89.99, 90),
        {
          ...figure('satker/690552/GOODS/ceiling', 605697900, 6056979000),
          decimals: 0,
          note: 'printed "6.056.979.00"',
        },
        figure('elsewhere', 1, 2),
      ],
    };
    const report = buildLakipReport(data, 2022, [consistency]);
    const nka = report.tables.find((t) => t.name === 'Nilai Kinerja Anggaran')!;
    expect(nka.rows.map((r) => r.map(cellText))).toEqual([
      ['Nilai SMART', '90,00'],
      ['IKPA', '90,00'],
      ['Nilai Kinerja Anggaran = 60% x SMART + 40% x IKPA', '90,00 [2]'],
    ]);
    const goods = report.tables
      .find((t) => t.name === 'Realisasi Anggaran')!
      .rows.find((r) => cellText(r[1]) === 'Belanja Barang')!;
    expect(cellText(goods[2])).toBe('Rp 6.056.979.000 [1]');
    // Numbered in the order of the tables: the budget table comes before the score table.
    expect(report.footnotes.map((f) => f.key)).toEqual([
      'satker/690552/GOODS/ceiling',
      'budget/budgetPerformanceScore',
      'elsewhere',
    ]);
    expect(report.footnotes[0].text).toBe(
      'satker/690552/GOODS/ceiling: dihitung dari data 6.056.979.000, tercetak di LAKIP 605.697.900. Keterangan: printed "6.056.979.00" (sumber: test).',
    );
  });
});
