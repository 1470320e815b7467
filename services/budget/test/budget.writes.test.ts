import type { DomainEvent } from '@kesos/infra';
import { applyOnce, enrollmentGraduatedV1, OutboxEventEntity } from '@kesos/infra';
import { callers, eventually } from '@kesos/infra/testing';
import { randomUUID } from 'node:crypto';
import { budgetService } from '../src';
import { graduationConsumer } from '../src/output/output.consumer';
import { RealizationEntity } from '../src/realization/realization.entity';
import { LineChangeEntity, RevisionEntity } from '../src/revision/revision.entity';
import type { BudgetTestService } from './support';
import { collect, padang, PADANG, startBudget, unitBudget } from './support';

/** Mutations, refusals and events against the seeded MariaDB and a real NATS namespace. */
let s: BudgetTestService;
beforeAll(async () => {
  s = await startBudget('writes');
});
afterAll(async () => {
  await s?.stop();
});

const RECORD = `mutation($input: RecordRealizationInput!) { recordRealization(input: $input) { id amount date lineId accountCode } }`;
const REVERSE = `mutation($input: ReverseRealizationInput!) { reverseRealization(input: $input) { id amount reversesId } }`;
const REVISE = `mutation($input: RecordRevisionInput!) { recordBudgetRevision(input: $input) { number ceilingAfter ceilingChange } }`;

/** A PPM line of 690552: account 521211 under RO 6391.SCM.001, component 051. */
const spend = (over: Record<string, unknown> = {}) => ({
  satkerCode: '690552',
  year: 2022,
  outputCode: '6391.SCM.001',
  componentCode: '051',
  accountCode: '521211',
  date: '2022-12-29',
  amount: 1_000_000,
  documentNumber: 'SP2D-TEST-0001',
  ...over,
});

type Line = {
  id: string;
  outputCode: string | null;
  componentCode: string | null;
  accountCode: string;
  ceiling: number;
  blocked: number;
  realized: number;
};

async function satker690552(): Promise<{
  ceiling: number;
  realized: number;
  lines: Line[];
  revisions: { number: number }[];
}> {
  const r = await s.call<{
    _entities: {
      budget: {
        satkers: { code: string; ceiling: number; realized: number; lines: Line[]; revisions: { number: number }[] }[];
      };
    }[];
  }>(
    unitBudget(
      'budget(year: 2022) { satkers { code ceiling realized revisions { number } lines { id outputCode componentCode accountCode ceiling blocked realized } } }',
    ),
    padang,
  );
  expect(r.errors).toBeUndefined();
  return r.data!._entities[0].budget.satkers.find((x) => x.code === '690552')!;
}

const lineOf = (lines: Line[], output: string, component: string, account: string) =>
  lines.find((l) => l.outputCode === output && l.componentCode === component && l.accountCode === account)!;

async function counts() {
  const ds = s.running.dataSource;
  return {
    realizations: await ds.getRepository(RealizationEntity).count(),
    revisions: await ds.getRepository(RevisionEntity).count(),
    changes: await ds.getRepository(LineChangeEntity).count(),
    outbox: await ds.getRepository(OutboxEventEntity).count(),
  };
}

async function expectRefused(query: string, input: Record<string, unknown>, field?: string | RegExp) {
  const before = await counts();
  const r = await s.call(query, { input });
  expect(r.data?.recordRealization ?? r.data?.recordBudgetRevision ?? null).toBeNull();
  expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  if (typeof field === 'string') expect(r.errors?.[0].extensions?.field).toBe(field);
  if (field instanceof RegExp) expect(r.errors?.[0].message).toMatch(field);
  expect(await counts()).toEqual(before);
  return r.errors![0].message;
}

describe('refused with BAD_USER_INPUT and nothing written', () => {
  test('negative and fractional rupiah', async () => {
    await expectRefused(RECORD, spend({ amount: -5_000 }), 'amount');
    await expectRefused(RECORD, spend({ amount: 0 }), 'amount');
    await expectRefused(RECORD, spend({ amount: 1500.5 }), /SafeInt|integer/i);
  });

  test("spending outside the fiscal year or the satker's DIPA period", async () => {
    await expectRefused(RECORD, spend({ date: '2023-01-02' }), 'date');
    await expectRefused(RECORD, spend({ date: '2022-02-30' }), 'date');
    // 690552's DIPA starts on 10 September 2022.
    await expectRefused(RECORD, spend({ date: '2022-03-01' }), /starts on 2022-09-10/);
    // 369283 was closed on 10 September 2022.
    await expectRefused(
      RECORD,
      spend({ satkerCode: '369283', outputCode: null, componentCode: null, accountCode: '52', date: '2022-10-01' }),
      /closed/,
    );
  });

  test('unknown account, and a known account without a line', async () => {
    const unknown = await expectRefused(RECORD, spend({ accountCode: '599999' }), 'accountCode');
    expect(unknown).toMatch(/not in the chart of accounts/);
    const noLine = await expectRefused(RECORD, spend({ accountCode: '532111' }), 'accountCode');
    expect(noLine).toMatch(/no line for account 532111/);
  });

  test('overspending a line names what is left', async () => {
    const line = lineOf((await satker690552()).lines, '6391.SCM.001', '051', '521211');
    const left = line.ceiling - line.blocked - line.realized;
    const message = await expectRefused(RECORD, spend({ amount: left + 1 }), 'amount');
    expect(message).toMatch(/a revision must raise the ceiling first/);
  });

  test('a revision dated before the previous one, or naming a line of another DIPA', async () => {
    const { lines } = await satker690552();
    const a = lineOf(lines, '6391.SCM.001', '051', '521211');
    const b = lineOf(lines, '6391.SCM.001', '051', '521219');
    const revision = {
      satkerCode: '690552',
      year: 2022,
      authority: 'DJPB',
      description: 'test move',
      changes: [
        { lineId: a.id, ceilingChange: 1_000 },
        { lineId: b.id, ceilingChange: -1_000 },
      ],
    };
    const message = await expectRefused(REVISE, { ...revision, date: '2022-12-26' }, 'date');
    expect(message).toMatch(/before revision 7 of 2022-12-27/);
    await expectRefused(
      REVISE,
      { ...revision, date: '2022-12-30', changes: [{ lineId: '999999', ceilingChange: 1 }] },
      'changes.lineId',
    );
    await expectRefused(
      REVISE,
      { ...revision, date: '2022-12-30', changes: [{ lineId: a.id, ceilingChange: 0.5 }] },
      /SafeInt|integer/i,
    );
    await expectRefused(REVISE, { ...revision, date: '2022-12-30', authority: 'BPK' }, /BPK/);
    // A line cannot be cut below what it has already spent.
    await expectRefused(
      REVISE,
      { ...revision, date: '2022-12-30', changes: [{ lineId: a.id, ceilingChange: -a.ceiling }] },
      'changes.ceilingChange',
    );
  });

  test("only the unit's operator or an admin may write", async () => {
    const r = await s.call(RECORD, { input: spend() }, callers.operator('BBPPKS-BANDUNG'));
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const v = await s.call(RECORD, { input: spend() }, callers.viewer(PADANG));
    expect(v.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

test('a realisation recorded by mutation shows up in Unit.budget and its event arrives on NATS exactly once', async () => {
  const watch = await collect(s.bus, 'test-realizations', 'budget.realization.recorded');
  try {
    const before = await satker690552();
    const r = await s.call<{ recordRealization: { id: string; amount: number } }>(
      RECORD,
      { input: spend({ amount: 1_500_000, documentNumber: 'SP2D-TEST-0100' }) },
      callers.operator(PADANG),
    );
    expect(r.errors).toBeUndefined();
    const after = await satker690552();
    expect(after.realized - before.realized).toBe(1_500_000);
    expect(after.ceiling).toBe(before.ceiling);
    const ours = (e: DomainEvent) =>
      (e.data as { transactionId: number }).transactionId === Number(r.data!.recordRealization.id);
    await eventually(async () => (watch.events.some(ours) ? true : undefined));
    // A second relay pass and a pause must not bring a second copy.
    await s.running.relay.flush();
    await new Promise((res) => setTimeout(res, 500));
    const delivered = watch.events.filter(ours);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      unit: PADANG,
      data: {
        satkerCode: '690552',
        year: 2022,
        accountCode: '521211',
        amount: 1_500_000,
        date: '2022-12-29',
        documentNumber: 'SP2D-TEST-0100',
      },
    });

    // A correction is a reversing entry: the original stays, the total returns, and it cannot be reversed twice.
    const rev = await s.call<{ reverseRealization: { amount: number; reversesId: string } }>(REVERSE, {
      input: {
        transactionId: r.data!.recordRealization.id,
        date: '2022-12-30',
        documentNumber: 'KOREKSI-0100',
        reason: 'wrong line',
      },
    });
    expect(rev.errors).toBeUndefined();
    expect(rev.data!.reverseRealization).toMatchObject({
      amount: -1_500_000,
      reversesId: r.data!.recordRealization.id,
    });
    expect((await satker690552()).realized).toBe(before.realized);
    const again = await s.call(REVERSE, {
      input: {
        transactionId: r.data!.recordRealization.id,
        date: '2022-12-30',
        documentNumber: 'KOREKSI-0101',
        reason: 'again',
      },
    });
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await eventually(async () =>
      watch.events.some(
        (e) =>
          (e.data as { reversesTransactionId?: number }).reversesTransactionId === Number(r.data!.recordRealization.id),
      )
        ? true
        : undefined,
    );
  } finally {
    await watch.stop();
  }
});

test('a revision moves money between lines: ceiling after is derived, history is appended, and the raised line can spend', async () => {
  const before = await satker690552();
  const a = lineOf(before.lines, '6391.SCM.001', '051', '521211');
  const b = lineOf(before.lines, '6391.SCM.001', '051', '521219');
  const room = a.ceiling - a.blocked - a.realized;
  const over = await s.call(RECORD, { input: spend({ amount: room + 3_000_000, documentNumber: 'SP2D-TEST-0200' }) });
  expect(over.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const r = await s.call<{ recordBudgetRevision: { number: number; ceilingAfter: number; ceilingChange: number } }>(
    REVISE,
    {
      input: {
        satkerCode: '690552',
        year: 2022,
        authority: 'DJPB',
        date: '2022-12-29',
        description: 'Test: move Rp 3,000,000 from 521219 to 521211',
        changes: [
          { lineId: a.id, ceilingChange: 3_000_000 },
          { lineId: b.id, ceilingChange: -3_000_000 },
        ],
      },
    },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data!.recordBudgetRevision).toEqual({ number: 8, ceilingAfter: before.ceiling, ceilingChange: 0 });
  const after = await satker690552();
  expect(after.revisions.map((x) => x.number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  expect(lineOf(after.lines, '6391.SCM.001', '051', '521211').ceiling).toBe(a.ceiling + 3_000_000);
  const ok = await s.call(RECORD, {
    input: spend({ amount: room + 3_000_000, date: '2022-12-30', documentNumber: 'SP2D-TEST-0201' }),
  });
  expect(ok.errors).toBeUndefined();
});

/** Realised volume of RO 6391.SCM.001 (PPM graduates) of satker 690552 in 2022. */
const ppmVolume = async () => {
  const r = await s.call<{
    _entities: { budget: { satkers: { code: string; outputs: { code: string; realizedVolume: number }[] }[] } }[];
  }>(unitBudget('budget(year: 2022) { satkers { code outputs { code realizedVolume } } }'), padang);
  return r
    .data!._entities[0].budget.satkers.find((x) => x.code === '690552')!
    .outputs.find((o) => o.code === '6391.SCM.001')!.realizedVolume;
};

test("a graduated training event applied twice changes the RO's realised volume once", async () => {
  const start = await ppmVolume();
  const event: DomainEvent = {
    id: randomUUID(),
    type: 'training.enrollment.graduated',
    unit: PADANG,
    occurredAt: new Date().toISOString(),
    version: 1,
    data: {
      enrollmentId: 'enr-test-1',
      classId: 'cls-1',
      programmeCode: 'PPM',
      participantCategory: 'TKSM',
      year: 2022,
      predicate: 'BAIK',
      budgetOutputCode: '6391.SCM.001',
      indicatorCode: null,
    },
  };
  await s.bus.publish(event);
  await eventually(async () => ((await ppmVolume()) === start + 1 ? true : undefined));
  // The same event again, through the bus and straight through the consumer's idempotent path.
  await s.bus.publish(event);
  const durable = `${budgetService.name}-${graduationConsumer.name}`;
  expect(
    await applyOnce(s.running.dataSource, durable, event, (m) =>
      graduationConsumer.handle(enrollmentGraduatedV1.parseEvent(event), m),
    ),
  ).toBe(false);
  // A different event reporting the same enrollment does not count it twice either.
  const repeat = { ...event, id: randomUUID() };
  expect(
    await applyOnce(s.running.dataSource, durable, repeat, (m) =>
      graduationConsumer.handle(enrollmentGraduatedV1.parseEvent(repeat), m),
    ),
  ).toBe(true);
  // A graduate paid for by the old satker (which records no outputs) does not count towards 690552.
  const old = {
    ...event,
    id: randomUUID(),
    data: { ...(event.data as object), enrollmentId: 'enr-test-2', satkerCode: '369283' },
  };
  expect(
    await applyOnce(s.running.dataSource, durable, old, (m) =>
      graduationConsumer.handle(enrollmentGraduatedV1.parseEvent(old), m),
    ),
  ).toBe(true);
  await new Promise((res) => setTimeout(res, 500));
  expect(await ppmVolume()).toBe(start + 1);
});

test('a graduation naming an RO but no enrollment id is dead-lettered at once with its reason, not counted', async () => {
  const start = await ppmVolume();
  const durable = `${budgetService.name}-${graduationConsumer.name}`;
  const event: DomainEvent = {
    id: randomUUID(),
    type: 'training.enrollment.graduated',
    unit: PADANG,
    occurredAt: new Date().toISOString(),
    version: 1,
    data: {
      classId: 'cls-1',
      programmeCode: 'PPM',
      year: 2022,
      predicate: 'BAIK',
      budgetOutputCode: '6391.SCM.001',
      indicatorCode: null,
    },
  };
  await s.bus.publish(event);
  const [letter] = await eventually(async () => {
    const letters = await s.bus.listDeadLetters({ eventId: event.id });
    return letters.length ? letters : undefined;
  });
  expect(letter).toMatchObject({
    durable,
    failure: 'permanent',
    deliveries: 1,
    error: 'payload field enrollmentId is missing',
  });
  expect(await ppmVolume()).toBe(start);
});

test('recordBudgetPerformance derives the score and publishes budget.performance.scored', async () => {
  const watch = await collect(s.bus, 'test-performance', 'budget.performance.scored');
  try {
    const r = await s.call<{ recordBudgetPerformance: { budgetPerformanceScore: number } }>(
      'mutation($input: RecordBudgetPerformanceInput!) { recordBudgetPerformance(input: $input) { budgetPerformanceScore } }',
      { input: { unitCode: 'BBPPKS-BANDUNG', year: 2022, smartScore: 90.01, ikpaScore: 95.5 } },
    );
    expect(r.errors).toBeUndefined();
    // 0.6 x 90.01 + 0.4 x 95.5 = 54.006 + 38.2 = 92.206 -> 92.21
    expect(r.data!.recordBudgetPerformance.budgetPerformanceScore).toBe(92.21);
    const e = await eventually(async () => watch.events.find((x) => x.unit === 'BBPPKS-BANDUNG'));
    expect(e.data).toEqual({
      year: 2022,
      smartScore: 90.01,
      ikpaScore: 95.5,
      budgetPerformanceScore: 92.21,
      provenance: 'OPERATIONAL',
    });
    const bad = await s.call(
      'mutation($input: RecordBudgetPerformanceInput!) { recordBudgetPerformance(input: $input) { year } }',
      { input: { unitCode: 'BBPPKS-BANDUNG', year: 2022, smartScore: 101, ikpaScore: 95.5 } },
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  } finally {
    await watch.stop();
  }
});

test("IKPA component scores: all of the year's components, their weighted sum is the IKPA; a later record replaces them", async () => {
  const RECORD_NKA =
    'mutation($input: RecordBudgetPerformanceInput!) { recordBudgetPerformance(input: $input) { ikpaScore } }';
  const scores: [string, number][] = [
    ['REVISI_DIPA', 100],
    ['DEVIASI_HALAMAN_III_DIPA', 90.5],
    ['PENYERAPAN_ANGGARAN', 95.2],
    ['DATA_KONTRAK', 100],
    ['PENYELESAIAN_TAGIHAN', 98.75],
    ['PENGELOLAAN_UP_TUP', 100],
    ['DISPENSASI_SPM', 100],
    ['CAPAIAN_OUTPUT', 96.4],
  ];
  const components = scores.map(([code, score]) => ({ code, score }));
  const input = {
    unitCode: 'BBPPKS-JAYAPURA',
    year: 2022,
    smartScore: 91,
    ikpaScore: 97.07,
    ikpaComponents: components,
  };
  const refused = async (over: Record<string, unknown>, field: string, message?: RegExp) => {
    const r = await s.call(RECORD_NKA, { input: { ...input, ...over } });
    expect({ code: r.errors?.[0].extensions?.code, field: r.errors?.[0].extensions?.field }).toEqual({
      code: 'BAD_USER_INPUT',
      field,
    });
    if (message) expect(r.errors![0].message).toMatch(message);
  };
  // 10x100 + 10x90.5 + 20x95.2 + 10x100 + 10x98.75 + 10x100 + 5x100 + 25x96.4 = 9706.5; / 100 = 97.065 -> 97.07
  await refused({ ikpaScore: 97.06 }, 'ikpaScore', /give an IKPA of 97.07/);
  await refused({ ikpaComponents: components.slice(1) }, 'ikpaComponents', /missing REVISI_DIPA/);
  await refused({ ikpaComponents: [...components, { code: 'KEPATUHAN', score: 90 }] }, 'ikpaComponents', /KEPATUHAN/);
  await refused(
    { ikpaComponents: [...components.slice(1), { code: 'REVISI_DIPA', score: 100.5 }] },
    'ikpaComponents.score',
  );
  await refused({ year: 2021 }, 'ikpaComponents', /no IKPA components are defined for 2021/);

  const QUERY = unitBudget('budget(year: 2022) { ikpaScore ikpaComponents { code weight score } }');
  const jayapura = { representations: [{ __typename: 'Unit', code: 'BBPPKS-JAYAPURA' }] };
  const read = async () =>
    (
      await s.call<{
        _entities: {
          budget: { ikpaScore: number; ikpaComponents: { code: string; weight: number; score: number | null }[] };
        }[];
      }>(QUERY, jayapura)
    ).data!._entities[0].budget;
  expect((await s.call(RECORD_NKA, { input })).errors).toBeUndefined();
  const recorded = await read();
  expect(recorded.ikpaScore).toBe(97.07);
  expect(recorded.ikpaComponents.map((c) => [c.code, c.score])).toEqual(scores);
  expect(recorded.ikpaComponents.reduce((sum, c) => sum + c.weight, 0)).toBe(100);

  expect(
    (await s.call(RECORD_NKA, { input: { ...input, ikpaScore: 96, ikpaComponents: null } })).errors,
  ).toBeUndefined();
  expect((await read()).ikpaComponents.map((c) => c.score)).toEqual(Array(8).fill(null));
});
