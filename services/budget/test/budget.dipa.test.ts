import { callers } from '@kesos/infra/testing';
import { BudgetLineEntity } from '../src/line/line.entity';
import { LineChangeEntity, RevisionEntity } from '../src/revision/revision.entity';
import { SatkerEntity } from '../src/satker/satker.entity';
import { DipaEntity } from '../src/dipa/dipa.entity';
import type { BudgetTestService } from './support';
import { padang, PADANG, startBudget, unitBudget } from './support';

/** Opening a new fiscal year's DIPA by mutation, against the seeded MariaDB. */
let s: BudgetTestService;
beforeAll(async () => {
  s = await startBudget('dipa');
});
afterAll(async () => {
  await s?.stop();
});

const OPEN = `mutation($input: OpenDipaInput!) { openDipa(input: $input) { number authority date ceilingAfter ceilingChange } }`;
const RECORD = `mutation($input: RecordRealizationInput!) { recordRealization(input: $input) { id amount } }`;
const REVISE = `mutation($input: RecordRevisionInput!) { recordBudgetRevision(input: $input) { number ceilingAfter } }`;

/** A 2023 DIPA for 690552: one programme, two outputs, a summary personnel line and two goods lines. */
const dipa2023 = (over: Record<string, unknown> = {}) => ({
  unit: PADANG,
  satkerCode: '690552',
  year: 2023,
  date: '2022-12-01',
  description: 'DIPA-027.01.2.690552/2023 (test)',
  programmes: [
    {
      code: '027.DN',
      name: 'Program Perlindungan Sosial',
      activities: [
        {
          code: '6391',
          name: 'Pendidikan dan Pelatihan Kesejahteraan Sosial',
          outputs: [
            {
              kroCode: '6391.SCM',
              kroName: 'Pelatihan Bidang Sosial',
              code: '6391.SCM.001',
              name: 'Penyelenggaraan Diklat Pemberdayaan Masyarakat',
              volumeUnit: 'orang',
              volumeTarget: 420,
            },
            {
              kroCode: '6391.SCM',
              kroName: 'Pelatihan Bidang Sosial',
              code: '6391.SCM.002',
              name: 'Penyelenggaraan Diklat Pendamping PKH',
              volumeUnit: 'orang',
              volumeTarget: 2000,
            },
          ],
        },
      ],
    },
  ],
  lines: [
    { accountCode: '51', ceiling: 6_000_000_000 },
    {
      outputCode: '6391.SCM.001',
      componentCode: '051',
      componentName: 'Pelaksanaan Diklat',
      accountCode: '521211',
      goalCode: 'SK3',
      ceiling: 750_000_000,
      blocked: 50_000_000,
    },
    {
      outputCode: '6391.SCM.002',
      componentCode: '051',
      componentName: 'Pelaksanaan Diklat',
      accountCode: '524111',
      goalCode: 'SK2',
      ceiling: 1_250_000_000,
    },
  ],
  ...over,
});

async function counts() {
  const ds = s.running.dataSource;
  return {
    satkers: await ds.getRepository(SatkerEntity).count(),
    dipas: await ds.getRepository(DipaEntity).count(),
    lines: await ds.getRepository(BudgetLineEntity).count(),
    revisions: await ds.getRepository(RevisionEntity).count(),
    changes: await ds.getRepository(LineChangeEntity).count(),
  };
}

async function expectRefused(input: Record<string, unknown>, field: string, message?: RegExp) {
  const before = await counts();
  const r = await s.call(OPEN, { input });
  expect(r.data?.openDipa ?? null).toBeNull();
  expect({ code: r.errors?.[0].extensions?.code, field: r.errors?.[0].extensions?.field }).toEqual({
    code: 'BAD_USER_INPUT',
    field,
  });
  if (message) expect(r.errors![0].message).toMatch(message);
  expect(await counts()).toEqual(before);
}

describe('openDipa refuses with BAD_USER_INPUT and writes nothing', () => {
  const line = (over: Record<string, unknown>) => ({ ...dipa2023().lines[1], ...over });

  test('a second DIPA for the same satker and year, a closed or foreign satker, an unknown satker without its details', async () => {
    await expectRefused(
      dipa2023({ year: 2022, date: '2022-01-03' }),
      'year',
      /already has a DIPA for 2022; change it with recordBudgetRevision/,
    );
    await expectRefused(dipa2023({ satkerCode: '369283' }), 'satkerCode', /closed on 2022-09-10/);
    await expectRefused(dipa2023({ unit: 'BBPPKS-BANDUNG' }), 'satkerCode', /belongs to unit BBPPKS-PADANG/);
    await expectRefused(dipa2023({ satkerCode: '777001' }), 'satkerCode', /give newSatker/);
    await expectRefused(dipa2023({ newSatker: { name: 'x', organisation: 'y' } }), 'newSatker');
    await expectRefused(dipa2023({ satkerCode: '69055' }), 'satkerCode');
  });

  test('bad lines: unknown account or output, missing component, zero ceiling, over-blocking, the same line twice', async () => {
    await expectRefused(
      dipa2023({ lines: [line({ accountCode: '599999' })] }),
      'lines.accountCode',
      /599999 are not in the chart of accounts/,
    );
    await expectRefused(dipa2023({ lines: [line({ outputCode: '6391.SCM.009' })] }), 'lines.outputCode');
    await expectRefused(dipa2023({ lines: [line({ componentCode: null })] }), 'lines.componentCode');
    await expectRefused(dipa2023({ lines: [line({ ceiling: 0 })] }), 'lines.ceiling');
    await expectRefused(dipa2023({ lines: [line({ ceiling: -1 })] }), 'lines.ceiling');
    await expectRefused(dipa2023({ lines: [line({ blocked: 750_000_001 })] }), 'lines.blocked');
    await expectRefused(dipa2023({ lines: [line({ goalCode: 'SK9' })] }), 'lines.goalCode');
    await expectRefused(dipa2023({ lines: [line({}), line({ ceiling: 60_000_000 })] }), 'lines', /appears twice/);
    await expectRefused(dipa2023({ lines: [] }), 'lines');
  });

  test('bad hierarchy or dates', async () => {
    const programmes = dipa2023().programmes;
    const output = (over: Record<string, unknown>) => [
      {
        ...programmes[0],
        activities: [
          { ...programmes[0].activities[0], outputs: [{ ...programmes[0].activities[0].outputs[0], ...over }] },
        ],
      },
    ];
    await expectRefused(
      dipa2023({ programmes: output({ code: '6391.SCA.001' }), lines: [{ accountCode: '51', ceiling: 1 }] }),
      'outputs.code',
      /not under output class 6391.SCM/,
    );
    await expectRefused(
      dipa2023({ programmes: output({ volumeTarget: -3 }), lines: [{ accountCode: '51', ceiling: 1 }] }),
      'outputs.volumeTarget',
    );
    await expectRefused(dipa2023({ date: '2022-11-30' }), 'date', /outside fiscal year 2023/);
    await expectRefused(dipa2023({ date: '2023-02-29' }), 'date');
  });

  test('fractional rupiah never reach the service', async () => {
    const r = await s.call(OPEN, { input: dipa2023({ lines: [{ accountCode: '51', ceiling: 10.5 }] }) });
    expect(r.errors?.[0].message).toMatch(/SafeInt|integer/i);
  });

  test("only the unit's operator or an admin opens a DIPA", async () => {
    expect(
      (await s.call(OPEN, { input: dipa2023() }, callers.operator('BBPPKS-BANDUNG'))).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await s.call(OPEN, { input: dipa2023() }, callers.viewer(PADANG))).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
  });
});

type Satker = {
  code: string;
  name: string;
  ceiling: number;
  blocked: number;
  realized: number;
  revisions: { number: number; ceilingAfter: number }[];
  outputs: { code: string; volumeTarget: number | null; ceiling: number }[];
  byGoal: { goalCode: string; ceiling: number }[];
  lines: { id: string; accountCode: string }[];
};

async function satkers2023(): Promise<Satker[]> {
  const r = await s.call<{ _entities: { budget: { satkers: Satker[] } }[] }>(
    unitBudget(
      'budget(year: 2023) { satkers { code name ceiling blocked realized revisions { number ceilingAfter } outputs { code volumeTarget ceiling } byGoal { goalCode ceiling } lines { id accountCode } } }',
    ),
    padang,
  );
  expect(r.errors).toBeUndefined();
  return r.data!._entities[0].budget.satkers;
}

test("a DIPA opened by the unit's operator is the year's budget: spending and revisions work on its lines", async () => {
  const operator = callers.operator(PADANG);
  const opened = await s.call<{ openDipa: Record<string, unknown> }>(OPEN, { input: dipa2023() }, operator);
  expect(opened.errors).toBeUndefined();
  expect(opened.data!.openDipa).toEqual({
    number: 0,
    authority: 'DJA',
    date: '2022-12-01',
    ceilingAfter: 8_000_000_000,
    ceilingChange: 8_000_000_000,
  });

  const [satker] = await satkers2023();
  expect(satker).toMatchObject({
    code: '690552',
    ceiling: 8_000_000_000,
    blocked: 50_000_000,
    realized: 0,
    revisions: [{ number: 0, ceilingAfter: 8_000_000_000 }],
    outputs: [
      { code: '6391.SCM.001', volumeTarget: 420, ceiling: 750_000_000 },
      { code: '6391.SCM.002', volumeTarget: 2000, ceiling: 1_250_000_000 },
    ],
    byGoal: [
      { goalCode: 'SK2', ceiling: 1_250_000_000 },
      { goalCode: 'SK3', ceiling: 750_000_000 },
    ],
  });

  const spent = await s.call(
    RECORD,
    {
      input: {
        satkerCode: '690552',
        year: 2023,
        outputCode: '6391.SCM.001',
        componentCode: '051',
        accountCode: '521211',
        date: '2023-03-15',
        amount: 700_000_000,
        documentNumber: 'SP2D-TEST-2023-001',
      },
    },
    operator,
  );
  expect(spent.errors).toBeUndefined();
  const over = await s.call(
    RECORD,
    {
      input: {
        satkerCode: '690552',
        year: 2023,
        outputCode: '6391.SCM.001',
        componentCode: '051',
        accountCode: '521211',
        date: '2023-03-16',
        amount: 1,
        documentNumber: 'SP2D-TEST-2023-002',
      },
    },
    operator,
  );
  expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });

  const goods = satker.lines.find((l) => l.accountCode === '521211')!;
  const revised = await s.call(
    REVISE,
    {
      input: {
        satkerCode: '690552',
        year: 2023,
        authority: 'DJPB',
        date: '2023-04-03',
        description: 'buka blokir (test)',
        changes: [{ lineId: goods.id, ceilingChange: 0, blockedChange: -50_000_000 }],
      },
    },
    operator,
  );
  expect(revised.data).toEqual({ recordBudgetRevision: { number: 1, ceilingAfter: 8_000_000_000 } });
  expect((await satkers2023())[0]).toMatchObject({ blocked: 0, realized: 700_000_000 });
});

test('an admin records a new satker together with its first DIPA', async () => {
  const before = await counts();
  const r = await s.call(OPEN, {
    input: dipa2023({
      satkerCode: '777001',
      newSatker: { name: 'Satker Sintetis Uji', organisation: 'OTK baru (test)' },
      lines: [{ accountCode: '52', ceiling: 1_000_000 }],
      authority: 'DJPB',
      date: '2023-01-02',
    }),
  });
  expect(r.errors).toBeUndefined();
  expect(await counts()).toEqual({
    ...before,
    satkers: before.satkers + 1,
    dipas: before.dipas + 1,
    lines: before.lines + 1,
    revisions: before.revisions + 1,
    changes: before.changes + 1,
  });
  expect((await satkers2023()).map((x) => [x.code, x.name, x.ceiling])).toEqual([
    ['690552', expect.any(String), 8_000_000_000],
    ['777001', 'Satker Sintetis Uji', 1_000_000],
  ]);
});

describe('recordBudgetTransfer: budget moved between satkers, as one fact linked to two revisions', () => {
  const TRANSFER = `mutation($input: RecordBudgetTransferInput!) { recordBudgetTransfer(input: $input) { year fromUnitCode fromSatkerCode fromRevisionNumber toSatkerCode toRevisionNumber amount date reference } }`;
  type SatkerRow = {
    code: string;
    closedOn: string | null;
    ceiling: number;
    lines: { id: string; accountCode: string }[];
    transfersIn: { amount: number; fromSatkerCode: string | null }[];
    transfersOut: { amount: number }[];
  };
  const satkers = async (): Promise<SatkerRow[]> => {
    const r = await s.call<{ _entities: { budget: { satkers: SatkerRow[] } }[] }>(
      unitBudget(
        'budget(year: 2023) { satkers { code closedOn ceiling lines { id accountCode } transfersIn { amount fromSatkerCode } transfersOut { amount } } }',
      ),
      padang,
    );
    expect(r.errors).toBeUndefined();
    return r.data!._entities[0].budget.satkers;
  };
  const transfers = async () =>
    Number((await s.running.dataSource.query('SELECT COUNT(*) AS n FROM budget_transfer'))[0].n);
  const lineOf = (rows: SatkerRow[], satker: string, account: string) =>
    rows.find((x) => x.code === satker)!.lines.find((l) => l.accountCode === account)!.id;

  test('refuses unequal sides, a cut on the receiving side, both or neither giver; nothing is written', async () => {
    const rows = await satkers();
    const give = lineOf(rows, '777001', '52');
    const take = lineOf(rows, '690552', '521211');
    const base = {
      year: 2023,
      date: '2023-06-30',
      description: 'test transfer',
      from: { satkerCode: '777001', authority: 'DJA', changes: [{ lineId: give, ceilingChange: -400_000 }] },
      to: { satkerCode: '690552', authority: 'DJPB', changes: [{ lineId: take, ceilingChange: 400_000 }] },
    };
    const before = { ...(await counts()), transfers: await transfers() };
    const refused = async (input: Record<string, unknown>, field: string) => {
      const r = await s.call(TRANSFER, { input });
      expect({ code: r.errors?.[0].extensions?.code, field: r.errors?.[0].extensions?.field }).toEqual({
        code: 'BAD_USER_INPUT',
        field,
      });
    };
    await refused(
      { ...base, to: { ...base.to, changes: [{ lineId: take, ceilingChange: 300_000 }] } },
      'to.changes.ceilingChange',
    );
    await refused(
      { ...base, to: { ...base.to, changes: [{ lineId: take, ceilingChange: -400_000 }] } },
      'to.changes.ceilingChange',
    );
    await refused(
      { ...base, from: { ...base.from, changes: [{ lineId: give, ceilingChange: 400_000 }] } },
      'from.changes.ceilingChange',
    );
    await refused({ ...base, fromUnitCode: 'BBPPKS-YOGYAKARTA' }, 'from');
    await refused({ ...base, from: null }, 'from');
    await refused({ ...base, date: '2024-01-02' }, 'to.date');
    await refused(
      { ...base, from: { ...base.from, changes: [{ lineId: take, ceilingChange: -400_000 }] } },
      'from.changes.lineId',
    );
    // The giving line cannot fall below what it has spent: the whole transaction is refused, the receiving side too.
    await refused(
      {
        ...base,
        from: { ...base.from, changes: [{ lineId: give, ceilingChange: -1_000_001 }] },
        to: { ...base.to, changes: [{ lineId: take, ceilingChange: 1_000_001 }] },
      },
      'from.changes.ceilingChange',
    );
    expect({ ...(await counts()), transfers: await transfers() }).toEqual(before);
  });

  test('moves the budget, closes the giving satker, and links both revisions; delegation from another unit has one side', async () => {
    let rows = await satkers();
    const give = lineOf(rows, '777001', '52');
    const take = lineOf(rows, '690552', '521211');
    const ceiling690552 = rows.find((x) => x.code === '690552')!.ceiling;
    const moved = await s.call(
      TRANSFER,
      {
        input: {
          year: 2023,
          date: '2023-06-30',
          description: 'Unspent budget of the closed satker (test)',
          reference: 'S-TEST/2023',
          closeFromSatker: true,
          from: { satkerCode: '777001', authority: 'DJA', changes: [{ lineId: give, ceilingChange: -400_000 }] },
          to: { satkerCode: '690552', authority: 'DJPB', changes: [{ lineId: take, ceilingChange: 400_000 }] },
        },
      },
      callers.operator(PADANG),
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.recordBudgetTransfer).toEqual({
      year: 2023,
      fromUnitCode: PADANG,
      fromSatkerCode: '777001',
      fromRevisionNumber: 1,
      toSatkerCode: '690552',
      toRevisionNumber: 2,
      amount: 400_000,
      date: '2023-06-30',
      reference: 'S-TEST/2023',
    });

    const delegated = await s.call(TRANSFER, {
      input: {
        year: 2023,
        date: '2023-07-03',
        description: 'Pelimpahan anggaran (test)',
        fromUnitCode: 'BBPPKS-YOGYAKARTA',
        to: { satkerCode: '690552', authority: 'DJPB', changes: [{ lineId: take, ceilingChange: 100_000 }] },
      },
    });
    expect(delegated.data!.recordBudgetTransfer).toMatchObject({
      fromUnitCode: 'BBPPKS-YOGYAKARTA',
      fromSatkerCode: null,
      fromRevisionNumber: null,
      toRevisionNumber: 3,
      amount: 100_000,
    });

    rows = await satkers();
    expect(rows.find((x) => x.code === '777001')).toMatchObject({
      closedOn: '2023-06-30',
      ceiling: 600_000,
      transfersOut: [{ amount: 400_000 }],
    });
    expect(rows.find((x) => x.code === '690552')).toMatchObject({
      ceiling: ceiling690552 + 500_000,
      transfersIn: [
        { amount: 400_000, fromSatkerCode: '777001' },
        { amount: 100_000, fromSatkerCode: null },
      ],
    });
    const late = await s.call(RECORD, {
      input: {
        satkerCode: '777001',
        year: 2023,
        accountCode: '52',
        date: '2023-07-01',
        amount: 1,
        documentNumber: 'SP2D-TEST-LATE',
      },
    });
    expect(late.errors?.[0].message).toMatch(/closed/);
  });
});

test("a revision can add lines (penambahan akun) under the DIPA's outputs; spending then works on them", async () => {
  const line = {
    outputCode: '6391.SCM.001',
    componentCode: '052',
    componentName: 'Monitoring Alumni (test)',
    accountCode: '521219',
    goalCode: 'SK3',
    ceiling: 5_000_000,
  };
  const revision = (newLines: Record<string, unknown>[]) => ({
    satkerCode: '690552',
    year: 2023,
    authority: 'DJPB',
    date: '2023-08-01',
    description: 'penambahan akun (test)',
    changes: [],
    newLines,
  });
  const before = await counts();
  const refused = async (newLines: Record<string, unknown>[], field: string) => {
    const r = await s.call(REVISE, { input: revision(newLines) });
    expect({ code: r.errors?.[0].extensions?.code, field: r.errors?.[0].extensions?.field }).toEqual({
      code: 'BAD_USER_INPUT',
      field,
    });
  };
  await refused([{ ...line, outputCode: '6391.SCM.009' }], 'newLines.outputCode');
  await refused([{ ...line, accountCode: '599999' }], 'newLines.accountCode');
  await refused([{ ...line, ceiling: 0 }], 'newLines.ceiling');
  await refused([{ ...line, componentCode: '051', accountCode: '521211' }], 'newLines');
  await refused([line, line], 'newLines');
  expect(await counts()).toEqual(before);

  const r = await s.call(REVISE, { input: revision([line]) }, callers.operator(PADANG));
  expect(r.errors).toBeUndefined();
  expect(r.data).toEqual({ recordBudgetRevision: { number: 4, ceilingAfter: 8_005_500_000 } });
  const spent = await s.call(RECORD, {
    input: {
      satkerCode: '690552',
      year: 2023,
      outputCode: '6391.SCM.001',
      componentCode: '052',
      accountCode: '521219',
      date: '2023-08-15',
      amount: 5_000_000,
      documentNumber: 'SP2D-TEST-2023-NEW',
    },
  });
  expect(spent.errors).toBeUndefined();
});
