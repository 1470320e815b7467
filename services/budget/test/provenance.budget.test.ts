import type { DomainEvent, ProvenanceSummary } from '@kesos/infra';
import { callers, eventually, freshMysqlDatabase, type TestDatabase } from '@kesos/infra/testing';
import { randomUUID } from 'node:crypto';
import { budgetService } from '../src';
import { budgetMigrations } from '../src/migrations';
import { Provenance1796221396592 } from '../src/migrations/1796221396592-Provenance';
import { StatsProvenance1796500000000 } from '../src/migrations/1796500000000-StatsProvenance';
import type { BudgetTestService } from './support';
import { collect, padang, PADANG, startBudget, unitBudget } from './support';

/** Where the seeded budget records come from (issue 12), what the API writes, and the evidence of derived figures. */
let s: BudgetTestService;
beforeAll(async () => {
  s = await startBudget('provenance');
});
afterAll(async () => {
  await s?.stop();
});

const EVIDENCE = 'evidence { operational reported reconstructed synthetic records weakest }';

async function unit<T>(selection: string, caller = callers.admin()): Promise<T> {
  const r = await s.call<{ _entities: T[] }>(unitBudget(selection), padang, caller);
  expect(r.errors).toBeUndefined();
  return r.data!._entities[0];
}

/** Rows of a table per provenance, as SQL counts them. */
async function byProvenance(table: string): Promise<Record<string, number>> {
  const rows: { provenance: string; n: number | string }[] = await s.running.dataSource.query(
    `SELECT provenance, COUNT(*) AS n FROM \`${table}\` GROUP BY provenance`,
  );
  return Object.fromEntries(rows.map((r) => [r.provenance, Number(r.n)]));
}

test('the seed marks what the report gives REPORTED and what was made to add up to its totals RECONSTRUCTED', async () => {
  // Six DIPAs (2018-2021 and both 2022 satkers), each named by the report.
  expect(await byProvenance('dipa')).toEqual({ REPORTED: 6 });
  // 690552's eight revisions and 369283's initial 2022 DIPA are listed; 369283's closing revision
  // and the four dated 2018-2021 states are not.
  expect(await byProvenance('budget_revision')).toEqual({ REPORTED: 9, RECONSTRUCTED: 5 });
  // 2018-2021: one summary line per expense type, whose ceiling the five-year table prints.
  const lines: { year: number; provenance: string; n: number | string }[] = await s.running.dataSource.query(
    'SELECT d.year, l.provenance, COUNT(*) AS n FROM budget_line l INNER JOIN dipa d ON d.id = l.dipaId GROUP BY d.year, l.provenance ORDER BY d.year',
  );
  expect(lines.filter((l) => l.year < 2022).map((l) => [l.year, l.provenance, Number(l.n)])).toEqual([
    [2018, 'REPORTED', 3],
    [2019, 'REPORTED', 3],
    [2020, 'REPORTED', 3],
    [2021, 'REPORTED', 3],
  ]);
  expect(lines.filter((l) => l.year === 2022).map((l) => l.provenance)).toEqual(['RECONSTRUCTED']);
  // The monthly spending is a split of annual totals: every transaction is reconstructed.
  expect(Object.keys(await byProvenance('realization'))).toEqual(['RECONSTRUCTED']);
  expect(await byProvenance('budget_transfer')).toEqual({ REPORTED: 2 });
  expect(await byProvenance('budget_performance')).toEqual({ REPORTED: 2 });
  expect(Object.keys(await byProvenance('budget_output_target'))).toEqual(['REPORTED']);
});

test('the API shows each record its provenance and each derived figure the records behind it', async () => {
  const u = await unit<{
    budget: {
      scoresProvenance: string;
      evidence: ProvenanceSummary;
      transfers: { provenance: string }[];
      satkers: {
        code: string;
        evidence: ProvenanceSummary;
        revisions: { number: number; provenance: string }[];
        lines: { provenance: string; evidence: ProvenanceSummary }[];
        byGoal: { goalCode: string; evidence: ProvenanceSummary }[];
      }[];
    };
    budgetHistory: { year: number; evidence: ProvenanceSummary; satkers: { evidence: ProvenanceSummary }[] }[];
  }>(
    `budget(year: 2022) { scoresProvenance ${EVIDENCE} transfers { provenance } satkers { code ${EVIDENCE} revisions { number provenance } lines { provenance ${EVIDENCE} } byGoal { goalCode ${EVIDENCE} } } }
     budgetHistory(fromYear: 2018, toYear: 2018) { year ${EVIDENCE} satkers { ${EVIDENCE} } }`,
  );
  expect(u.budget.scoresProvenance).toBe('REPORTED');
  expect(u.budget.transfers.map((t) => t.provenance)).toEqual(['REPORTED', 'REPORTED']);
  const [old, neu] = u.budget.satkers;
  expect(old.revisions.map((r) => [r.number, r.provenance])).toEqual([
    [0, 'REPORTED'],
    [1, 'RECONSTRUCTED'],
  ]);
  expect(new Set(neu.revisions.map((r) => r.provenance))).toEqual(new Set(['REPORTED']));
  expect(new Set(neu.lines.map((l) => l.provenance))).toEqual(new Set(['RECONSTRUCTED']));
  // The 2022 totals rest only on reconstructed records, so they match the report by construction.
  for (const e of [u.budget.evidence, old.evidence, neu.evidence, ...neu.byGoal.map((g) => g.evidence)])
    expect(e).toMatchObject({ operational: 0, reported: 0, synthetic: 0, weakest: 'RECONSTRUCTED' });
  expect(u.budget.evidence.records).toBe(old.evidence.records + neu.evidence.records);
  expect(neu.evidence.records).toBe(neu.lines.reduce((sum, l) => sum + l.evidence.records, 0));
  // 2018: three reported ceilings (one per expense type), each spent in twelve reconstructed monthly transactions.
  expect(u.budgetHistory[0].evidence).toEqual({
    operational: 0,
    reported: 3,
    reconstructed: 36,
    synthetic: 0,
    records: 39,
    weakest: 'RECONSTRUCTED',
  });
  expect(u.budgetHistory[0].satkers[0].evidence).toEqual(u.budgetHistory[0].evidence);
});

test('budgetStats rows and the monthly figures count the same records as the totals, from the rollup', async () => {
  const u = await unit<{
    budget: {
      evidence: ProvenanceSummary;
      byMonth: {
        month: number;
        realized: number;
        evidence: ProvenanceSummary;
        cumulativeEvidence: ProvenanceSummary;
      }[];
    };
    budgetHistory: { evidence: ProvenanceSummary }[];
  }>(
    `budget(year: 2022) { ${EVIDENCE} byMonth { month realized ${EVIDENCE} cumulativeEvidence { operational reported reconstructed synthetic records weakest } } }
     budgetHistory(fromYear: 2018, toYear: 2018) { ${EVIDENCE} }`,
  );
  const stats = await s.call<{
    total: { evidence: ProvenanceSummary }[];
    months: { month: number; realized: number; evidence: ProvenanceSummary }[];
    y2018: { evidence: ProvenanceSummary }[];
  }>(
    `query($y: BudgetStatsFilter, $old: BudgetStatsFilter) {
      total: budgetStats(filter: $y) { ${EVIDENCE} }
      months: budgetStats(filter: $y, groupBy: [MONTH]) { month realized ${EVIDENCE} }
      y2018: budgetStats(filter: $old) { ${EVIDENCE} } }`,
    {
      y: { units: [PADANG], fromYear: 2022, toYear: 2022 },
      old: { units: [PADANG], fromYear: 2018, toYear: 2018 },
    },
    callers.analyst(),
  );
  expect(stats.errors).toBeUndefined();
  // The ceilings' line changes and every transaction: the records UnitBudget.evidence counts.
  expect(stats.data!.total[0].evidence).toEqual(u.budget.evidence);
  expect(stats.data!.y2018[0].evidence).toEqual(u.budgetHistory[0].evidence);
  expect(stats.data!.y2018[0].evidence).toMatchObject({ reported: 3, reconstructed: 36, weakest: 'RECONSTRUCTED' });
  // Month by month, the transactions dated in it: the seed's split of annual totals.
  const spent = u.budget.byMonth.filter((m) => m.evidence.records > 0);
  expect(spent.length).toBeGreaterThan(0);
  for (const m of spent) expect(m.evidence).toMatchObject({ operational: 0, reported: 0, weakest: 'RECONSTRUCTED' });
  for (const m of u.budget.byMonth.filter((x) => x.evidence.records === 0)) expect(m.realized).toBe(0);
  expect(stats.data!.months.map((m) => [m.month, m.realized, m.evidence])).toEqual(
    spent.map((m) => [m.month, m.realized, m.evidence]),
  );
  const december = u.budget.byMonth[11].cumulativeEvidence;
  expect(december.records).toBe(u.budget.byMonth.reduce((sum, m) => sum + m.evidence.records, 0));
  expect(december.reconstructed).toBe(december.records);
});

const RECORD = `mutation($input: RecordRealizationInput!) { recordRealization(input: $input) { id provenance } }`;
const spend = (documentNumber: string, extra: Record<string, unknown> = {}) => ({
  input: {
    satkerCode: '690552',
    year: 2022,
    outputCode: '6391.SCM.001',
    componentCode: '051',
    accountCode: '521211',
    date: '2022-12-30',
    amount: 100_000,
    documentNumber,
    ...extra,
  },
});

test('a transaction recorded at work is OPERATIONAL, in the record, its event and the totals; only an admin may record another', async () => {
  const neuEvidence = async () =>
    (
      await unit<{ budget: { satkers: { code: string; evidence: ProvenanceSummary }[] } }>(
        `budget(year: 2022) { satkers { code ${EVIDENCE} } }`,
      )
    ).budget.satkers.find((x) => x.code === '690552')!.evidence;
  const before = await neuEvidence();
  const watch = await collect(s.bus, 'test-provenance-realization', 'budget.realization.recorded');
  try {
    const r = await s.call<{ recordRealization: { id: string; provenance: string } }>(
      RECORD,
      spend('SP2D-PROV-0001'),
      callers.operator(PADANG),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordRealization.provenance).toBe('OPERATIONAL');
    const e = await eventually(async () =>
      watch.events.find(
        (x) => (x.data as { transactionId: number }).transactionId === Number(r.data!.recordRealization.id),
      ),
    );
    expect((e.data as { provenance: string }).provenance).toBe('OPERATIONAL');
  } finally {
    await watch.stop();
  }
  const after = await neuEvidence();
  expect(after).toMatchObject({
    operational: before.operational + 1,
    reconstructed: before.reconstructed,
    records: before.records + 1,
    weakest: 'RECONSTRUCTED',
  });

  const refused = await s.call(RECORD, spend('SP2D-PROV-0002', { provenance: 'REPORTED' }), callers.operator(PADANG));
  expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const loaded = await s.call<{ recordRealization: { provenance: string } }>(
    RECORD,
    spend('SP2D-PROV-0003', { provenance: 'SYNTHETIC' }),
  );
  expect(loaded.errors).toBeUndefined();
  expect(loaded.data!.recordRealization.provenance).toBe('SYNTHETIC');
  expect((await neuEvidence()).synthetic).toBe(before.synthetic + 1);
});

test("a graduation event's provenance is kept on the output volume it adds", async () => {
  const ppm = async () =>
    (
      await unit<{
        budget: {
          satkers: {
            code: string;
            outputs: { code: string; realizedVolume: number; realizedVolumeEvidence: ProvenanceSummary }[];
          }[];
        };
      }>(
        'budget(year: 2022) { satkers { code outputs { code realizedVolume realizedVolumeEvidence { operational reconstructed records weakest } } } }',
      )
    ).budget.satkers
      .find((x) => x.code === '690552')!
      .outputs.find((o) => o.code === '6391.SCM.001')!;
  const start = await ppm();
  const graduated = (enrollmentId: string, provenance?: string): DomainEvent => ({
    id: randomUUID(),
    type: 'training.enrollment.graduated',
    unit: PADANG,
    occurredAt: new Date().toISOString(),
    version: 1,
    data: {
      enrollmentId,
      classId: 'cls-prov',
      programmeCode: 'PPM',
      participantCategory: 'TKSM',
      year: 2022,
      predicate: 'BAIK',
      budgetOutputCode: '6391.SCM.001',
      indicatorCode: null,
      ...(provenance ? { provenance } : {}),
    },
  });
  await s.bus.publish(graduated('enr-prov-1', 'RECONSTRUCTED'));
  await s.bus.publish(graduated('enr-prov-2'));
  const end = await eventually(async () => {
    const o = await ppm();
    return o.realizedVolume === start.realizedVolume + 2 ? o : undefined;
  });
  expect(end.realizedVolumeEvidence).toEqual({
    operational: start.realizedVolumeEvidence.operational + 1,
    reconstructed: start.realizedVolumeEvidence.reconstructed + 1,
    records: start.realizedVolumeEvidence.records + 2,
    weakest: 'RECONSTRUCTED',
  });
});

test('evidence costs no statement per year or goal', async () => {
  // The outbox relay polls in the background; its statements would be counted too.
  await s.running.relay.stop();
  try {
    const history = (to: number) =>
      s.running.queries.measure(() =>
        s.call(
          unitBudget(
            `budgetHistory(fromYear: 2018, toYear: ${to}) { year ${EVIDENCE} satkers { ${EVIDENCE} byExpenseType { ${EVIDENCE} } byGoal { ${EVIDENCE} } lines { provenance ${EVIDENCE} } outputs { realizedVolumeEvidence { records } } } }`,
          ),
          padang,
        ),
      );
    const oneYear = await history(2018);
    const fiveYears = await history(2022);
    expect(fiveYears.result.errors).toBeUndefined();
    expect(fiveYears.queries).toBe(oneYear.queries);
    const goals = (codes: string[]) =>
      s.running.queries.measure(() =>
        s.call(
          `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Goal { budgetAbsorption budgetAbsorptionEvidence { records weakest } } } }`,
          { representations: codes.map((code) => ({ __typename: 'Goal', unitCode: PADANG, year: 2022, code })) },
        ),
      );
    const one = await goals(['SK1']);
    const five = await goals(['SK1', 'SK2', 'SK3', 'SK4', 'SK5']);
    expect(five.result.errors).toBeUndefined();
    expect(five.queries).toBe(one.queries);
  } finally {
    s.running.relay.start();
  }
});

describe('the migration on MariaDB', () => {
  let db: TestDatabase | undefined;
  afterAll(async () => {
    await db?.drop();
  });

  it('adds the columns as OPERATIONAL and marks the transactions the seed and the generator wrote before it', async () => {
    const before = budgetMigrations.filter((m) => m !== Provenance1796221396592 && m !== StatsProvenance1796500000000);
    db = await freshMysqlDatabase({ ...budgetService, migrations: before }, 'provenance_mig');
    const q = (sql: string) => db!.dataSource.query(sql);
    await q(`INSERT INTO satker (code, unitCode, name, organisation) VALUES ('990101', 'U', 'S', 'O')`);
    await q(`INSERT INTO account (code, name, expenseType) VALUES ('52', 'Belanja Barang', 'GOODS')`);
    await q(`INSERT INTO dipa (id, satkerCode, year) VALUES (1, '990101', 2022)`);
    await q(`INSERT INTO budget_line (id, dipaId, accountCode) VALUES (1, 1, '52')`);
    const tx = (doc: string, description: string) =>
      q(
        `INSERT INTO realization (lineId, date, amount, documentNumber, description) VALUES (1, '2022-01-25', 10, '${doc}', '${description}')`,
      );
    await tx('SP2D-SINTETIS-369283-2018-00001', 'Synthetic monthly split of the reported annual realisation');
    await tx('SP2D-SINTETIS-990101-2022-0001', 'Data sintetis');
    await tx('SP2D-0001', 'Honor narasumber');
    const runner = db.dataSource.createQueryRunner();
    try {
      await new Provenance1796221396592().up(runner);
      await new StatsProvenance1796500000000().up(runner);
    } finally {
      await runner.release();
    }
    const rows: { documentNumber: string; provenance: string }[] = await q(
      'SELECT documentNumber, provenance FROM realization ORDER BY id',
    );
    expect(rows.map((r) => r.provenance)).toEqual(['RECONSTRUCTED', 'SYNTHETIC', 'OPERATIONAL']);
    expect(await q('SELECT provenance FROM dipa')).toEqual([{ provenance: 'OPERATIONAL' }]);
    expect(await q('SELECT provenance FROM budget_line')).toEqual([{ provenance: 'OPERATIONAL' }]);
    // The rollup recomputed with the marked transactions counted by provenance.
    const rollup: Record<string, unknown>[] = await q(
      'SELECT month, realized, operationalRecords, reportedRecords, reconstructedRecords, syntheticRecords FROM budget_stats_rollup',
    );
    expect(rollup.map((r) => Object.values(r).map(Number))).toEqual([[1, 30, 1, 0, 1, 1]]);
  });
});
