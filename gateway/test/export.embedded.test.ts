import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmbeddedSystem } from '../src';
import { exportFile, parseCsv, readWorkbook, sheetValues } from './export.support';
import { query, startTestGraph, tokenFor } from './support';

const OPERATIONS = readFileSync(join(__dirname, 'contract', 'operations.graphql'), 'utf8');

const UNITS_WITH_SATKERS = `query UnitBudgets($year: Int!) {
  units {
    code
    name
    budget(year: $year) { satkers { code ceiling realized absorptionRate } }
  }
}`;

interface UnitBudget {
  code: string;
  name: string;
  budget: { satkers: { code: string; ceiling: number; realized: number; absorptionRate: number }[] } | null;
}

describe('POST /export: operations as XLSX and CSV files (embedded graph)', () => {
  let system: EmbeddedSystem;
  const analyst = () => tokenFor('analyst');
  beforeAll(async () => {
    system = await startTestGraph();
  }, 120000);
  afterAll(async () => system?.stop());

  /** The rows the file must hold: one per unit and satker, the unit's columns repeated. */
  const expectedRows = async (token: string) => {
    const json = await query<{ units: UnitBudget[] }>(system, UNITS_WITH_SATKERS, { year: 2022 }, token);
    expect(json.errors).toBeUndefined();
    const rows = json.data!.units.flatMap<unknown[]>((u) =>
      u.budget?.satkers.length
        ? u.budget.satkers.map((s) => [u.code, u.name, s.code, s.ceiling, s.realized, s.absorptionRate])
        : [[u.code, u.name, null, null, null, null]],
    );
    expect(rows.length).toBeGreaterThan(json.data!.units.length); // some unit has several satkers
    return rows;
  };

  it('XLSX: one sheet per root field, a nested list flattened, real numbers, 0.00 percentages, bold frozen header', async () => {
    const expected = await expectedRows(analyst());
    const file = await exportFile(system, 'xlsx', UNITS_WITH_SATKERS, {
      variables: { year: 2022 },
      token: analyst(),
      operationName: 'UnitBudgets',
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="UnitBudgets.xlsx"');
    // Written as it is produced: no length known in advance (chunked), never one buffer.
    expect(file.headers.get('content-length')).toBeNull();
    const workbook = await readWorkbook(file.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['units']);
    const sheet = workbook.worksheets[0];
    const [header, ...rows] = sheetValues(sheet);
    expect(header).toEqual([
      'code',
      'name',
      'budget.satkers.code',
      'budget.satkers.ceiling',
      'budget.satkers.realized',
      'budget.satkers.absorptionRate',
    ]);
    expect(rows).toEqual(expected);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const firstWithSatker = 2 + rows.findIndex((r) => typeof r[3] === 'number');
    const first = sheet.getRow(firstWithSatker);
    expect(first.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(4).numFmt).toBe('#,##0');
    expect(first.getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(6).numFmt).toBe('0.00');
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.String);
  });

  it('XLSX: sheets named after aliases; a contract operation picked by operationName names the file', async () => {
    const json = await query<{
      sakipEvaluations: { score: number; category: string; unit: { code: string; name: string } }[];
    }>(system, OPERATIONS, { year: 2022 }, analyst(), 'SakipRanking');
    expect(json.errors).toBeUndefined();
    const file = await exportFile(system, 'xlsx', OPERATIONS, {
      variables: { year: 2022 },
      token: analyst(),
      operationName: 'SakipRanking',
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="SakipRanking.xlsx"');
    const [header, ...rows] = sheetValues((await readWorkbook(file.body)).worksheets[0]);
    expect(header).toEqual(['score', 'category', 'unit.code', 'unit.name']);
    expect(rows).toEqual(json.data!.sakipEvaluations.map((e) => [e.score, e.category, e.unit.code, e.unit.name]));

    const two = await exportFile(system, 'xlsx', '{ first: units { code } second: units { code region } }', {
      token: analyst(),
    });
    expect(two.headers.get('content-disposition')).toBe('attachment; filename="export.xlsx"');
    const workbook = await readWorkbook(two.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['first', 'second']);
    expect(sheetValues(workbook.worksheets[1])[0]).toEqual(['code', 'region']);
  });

  it('CSV: the first root field, RFC 4180 with a BOM, the same rows as /graphql', async () => {
    const expected = await expectedRows(analyst());
    const file = await exportFile(system, 'csv', UNITS_WITH_SATKERS, { variables: { year: 2022 }, token: analyst() });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="UnitBudgets.csv"');
    const text = file.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header[5]).toBe('budget.satkers.absorptionRate');
    expect(rows).toEqual(
      expected.map((r) => r.map((v) => (v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v)))),
    );
  });

  it('a viewer exports only their own unit, as /graphql answers them', async () => {
    const viewer = tokenFor('viewer', 'BBPPKS-PADANG');
    const json = await query<{ sakipEvaluations: { unit: { code: string } }[] }>(
      system,
      OPERATIONS,
      { year: 2022 },
      viewer,
      'SakipRanking',
    );
    const file = await exportFile(system, 'csv', OPERATIONS, {
      variables: { year: 2022 },
      token: viewer,
      operationName: 'SakipRanking',
    });
    const [, ...rows] = parseCsv(file.body.toString('utf8').slice(1));
    expect(rows.map((r) => r[2])).toEqual(json.data!.sakipEvaluations.map((e) => e.unit.code));
  });

  it('errors answer JSON with the codes and statuses of /graphql', async () => {
    const json = (a: { body: Buffer }) =>
      JSON.parse(a.body.toString('utf8')) as { errors: { message: string; extensions: Record<string, unknown> }[] };

    const noToken = await exportFile(system, 'xlsx', '{ units { code } }');
    const graphqlNoToken = await query(system, '{ units { code } }');
    expect(noToken.status).toBe(401);
    expect(noToken.status).toBe(graphqlNoToken.status);
    expect(json(noToken).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const forged = await exportFile(system, 'csv', '{ units { code } }', { token: `${analyst()}x` });
    expect(forged.status).toBe(401);
    expect(json(forged).errors[0].message).toContain('invalid token');

    for (const format of [null, 'pdf']) {
      const bad = await exportFile(system, format, '{ units { code } }', { token: analyst() });
      expect(bad.status).toBe(400);
      expect(json(bad).errors[0]).toMatchObject({
        message: expect.stringContaining('"format" must be xlsx or csv'),
        extensions: { code: 'BAD_REQUEST', field: 'format' },
      });
    }

    for (const source of ['{ units { code ', '{ units { noSuchField } }']) {
      const viaExport = await exportFile(system, 'xlsx', source, { token: analyst() });
      const viaGraphql = await query(system, source, {}, analyst());
      expect(viaExport.status).toBe(viaGraphql.status);
      expect(json(viaExport).errors[0].extensions.code).toBe(viaGraphql.errors?.[0]?.extensions?.code);
    }

    const get = await exportFile(system, 'csv', '', { method: 'GET', token: analyst() });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('refuses mutations before they run (405), even for an admin', async () => {
    const admin = tokenFor('admin');
    const mutation =
      'mutation { createProgramme(input: { unit: "BBPPKS-PADANG", code: "EXPORT-X", name: "Export test", participantCategory: OTHER }) { id } }';
    const refused = await exportFile(system, 'xlsx', mutation, { token: admin });
    expect(refused.status).toBe(405);
    const body = JSON.parse(refused.body.toString('utf8')) as {
      data?: unknown;
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]).toMatchObject({
      message: expect.stringContaining('queries only'),
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(body.data ?? null).toBeNull();
    const programmes = await query<{ programmes: { code: string }[] }>(
      system,
      '{ programmes(unit: "BBPPKS-PADANG") { code } }',
      {},
      admin,
    );
    expect(programmes.data!.programmes.length).toBeGreaterThan(0);
    expect(programmes.data!.programmes.map((p) => p.code)).not.toContain('EXPORT-X');
  });

  it('applies the caller role cost limit exactly as /graphql does', async () => {
    const pages = Array.from(
      { length: 3 },
      (_, i) => `p${i}: trainingClasses(unit: "BBPPKS-PADANG", first: 200) { nodes { id name year unitCode } }`,
    );
    const source = `{ ${pages.join(' ')} }`;
    const viewer = tokenFor('viewer', 'BBPPKS-PADANG');
    const viaGraphql = await query(system, source, {}, viewer);
    const viaExport = await exportFile(system, 'xlsx', source, { token: viewer });
    expect(viaGraphql.status).toBe(400);
    expect(viaExport.status).toBe(400);
    const exported = JSON.parse(viaExport.body.toString('utf8')) as { errors: { message: string }[] };
    expect(exported.errors[0].message).toBe(viaGraphql.errors?.[0]?.message);
    expect(exported.errors[0].message).toMatch(/^Query cost limit exceeded/);
    const asAnalyst = await exportFile(system, 'xlsx', source, { token: analyst() });
    expect(asAnalyst.status).toBe(200);
    expect((await readWorkbook(asAnalyst.body)).worksheets.map((s) => s.name)).toEqual(['p0', 'p1', 'p2']);
  });
});
