import type { DataSource } from 'typeorm';
import type { DistributedGraph } from './distributed.support';
import { startDistributedTestGraph } from './distributed.support';
import type { GraphResult } from './support';
import { query, tokenFor } from './support';

/**
 * Many clerks writing the same records at the same moment, through the gateway over HTTP, on
 * MariaDB (SQLite's single writer would hide every one of these races). After each burst the
 * invariant is read from the database itself, not from the answers.
 */
const PADANG = 'BBPPKS-PADANG';
const operator = () => tokenFor('operator', PADANG);

type Errors = GraphResult['errors'];
const codeOf = (errors: Errors) => errors?.[0]?.extensions?.code;

let graph: DistributedGraph;
const db = (name: string): DataSource => graph.services.find((s) => s.name === name)!.dataSource;
const sql = async (service: string, text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> =>
  db(service).query(text, params);

async function call<T = Record<string, unknown>>(
  source: string,
  variables: Record<string, unknown>,
  token: string | null = operator(),
): Promise<GraphResult<T>> {
  return query<T>(graph, source, variables, token);
}

/** Fires every request at once and waits for all answers. */
const burst = <T>(n: number, request: (i: number) => Promise<GraphResult<T>>) =>
  Promise.all(Array.from({ length: n }, (_, i) => request(i)));

/** Losers must be told what happened in a way a client can act on: never an internal error. */
function losersAreClean(results: GraphResult[]): void {
  const codes = results.filter((r) => r.errors).map((r) => codeOf(r.errors));
  expect(codes.filter((c) => c !== 'BAD_USER_INPUT' && c !== 'CONFLICT')).toEqual([]);
}
const winners = <T>(results: GraphResult<T>[]) => results.filter((r) => !r.errors && r.data);
/**
 * Writers that queue on one lock are decided one after the other, each against what the previous
 * committed: every refusal is then the business rule naming its field, none a lost race.
 */
function refusedBy(results: GraphResult[], field: string): void {
  const refusals = results
    .filter((r) => r.errors)
    .map((r) => ({ code: codeOf(r.errors), field: r.errors![0].extensions?.field }));
  expect(refusals.filter((x) => x.code !== 'BAD_USER_INPUT' || x.field !== field)).toEqual([]);
}

beforeAll(async () => {
  // The races need the seeded records (unit, chart of accounts), not the seed's events.
  graph = await startDistributedTestGraph('races', { seedEvents: false });
}, 120_000);
afterAll(async () => {
  await graph?.stop();
}, 120_000);

describe('budget: money invariants hold under concurrent writers', () => {
  const OPEN = `mutation($input: OpenDipaInput!) { openDipa(input: $input) { number } }`;
  const RECORD = `mutation($input: RecordRealizationInput!) { recordRealization(input: $input) { id } }`;
  const REVERSE = `mutation($input: ReverseRealizationInput!) { reverseRealization(input: $input) { id } }`;
  const REVISE = `mutation($input: RecordRevisionInput!) { recordBudgetRevision(input: $input) { number } }`;
  const TRANSFER = `mutation($input: RecordBudgetTransferInput!) { recordBudgetTransfer(input: $input) { amount } }`;

  /** A 2023 DIPA of a new satker with one goods summary line (account 52); answers the line's id. */
  async function dipaWithOneLine(satkerCode: string, ceiling: number): Promise<string> {
    const opened = await call(
      OPEN,
      {
        input: {
          unit: PADANG,
          satkerCode,
          year: 2023,
          date: '2023-01-02',
          description: `DIPA ${satkerCode}/2023 (race test)`,
          newSatker: { name: `Satker Sintetis ${satkerCode}`, organisation: 'race test' },
          programmes: [],
          lines: [{ accountCode: '52', ceiling }],
        },
      },
      tokenFor('admin'),
    );
    expect(opened.errors).toBeUndefined();
    const rows = await sql(
      'budget',
      'SELECT l.id FROM budget_line l JOIN dipa d ON d.id = l.dipaId WHERE d.satkerCode = ? AND d.year = 2023',
      [satkerCode],
    );
    expect(rows).toHaveLength(1);
    return String(rows[0].id);
  }
  const spend = (satkerCode: string, amount: number, i: number) =>
    call(RECORD, {
      input: {
        satkerCode,
        year: 2023,
        accountCode: '52',
        date: '2023-03-01',
        amount,
        documentNumber: `SP2D-RACE-${satkerCode}-${i}`,
      },
    });
  /** Ceiling and spending of a line as stored: the sums of its revision changes and its transactions. */
  async function line(id: string): Promise<{ ceiling: number; realized: number }> {
    const [c] = await sql(
      'budget',
      'SELECT COALESCE(SUM(ceilingChange), 0) AS v FROM budget_line_change WHERE lineId = ?',
      [id],
    );
    const [r] = await sql('budget', 'SELECT COALESCE(SUM(amount), 0) AS v FROM realization WHERE lineId = ?', [id]);
    return { ceiling: Number(c.v), realized: Number(r.v) };
  }

  it('150 spends of Rp 10,000 on a Rp 1,000,000 line: exactly 100 succeed and the line is spent to its ceiling, not beyond', async () => {
    const lineId = await dipaWithOneLine('880001', 1_000_000);
    const results = await burst(150, (i) => spend('880001', 10_000, i));
    losersAreClean(results);
    refusedBy(results, 'amount');
    expect(winners(results)).toHaveLength(100);
    expect(await line(lineId)).toEqual({ ceiling: 1_000_000, realized: 1_000_000 });
  });

  it('20 ceiling cuts racing 60 spends never leave a line spent above its ceiling', async () => {
    // Every cut can pass only while no more than Rp 350,000 is spent: both kinds contend for the last rupiah.
    const lineId = await dipaWithOneLine('880002', 1_350_000);
    const cut = (i: number) =>
      call(REVISE, {
        input: {
          satkerCode: '880002',
          year: 2023,
          authority: 'DJPB',
          date: '2023-03-01',
          description: `pemotongan ${i} (race test)`,
          changes: [{ lineId, ceilingChange: -50_000 }],
        },
      });
    const results = await burst(80, (i) => (i % 4 === 0 ? cut(i) : spend('880002', 10_000, i)));
    losersAreClean(results);
    refusedBy(
      results.filter((_, i) => i % 4 === 0),
      'changes.ceilingChange',
    );
    refusedBy(
      results.filter((_, i) => i % 4 !== 0),
      'amount',
    );
    // Cuts only lower the ceiling and spends only raise the realisation, so the final state
    // holding means it held after every revision too.
    const after = await line(lineId);
    expect(after.realized).toBeLessThanOrEqual(after.ceiling);
    const cuts = winners(results.filter((_, i) => i % 4 === 0)).length;
    const spends = winners(results.filter((_, i) => i % 4 !== 0)).length;
    expect(after).toEqual({ ceiling: 1_350_000 - cuts * 50_000, realized: spends * 10_000 });
  });

  it('20 concurrent reversals of one transaction: exactly one reversing entry', async () => {
    await dipaWithOneLine('880003', 1_000_000);
    const spent = await spend('880003', 250_000, 0);
    expect(spent.errors).toBeUndefined();
    const id = (spent.data as { recordRealization: { id: string } }).recordRealization.id;
    const results = await burst(20, (i) =>
      call(REVERSE, {
        input: {
          transactionId: id,
          date: '2023-03-02',
          documentNumber: `SP2D-RACE-KOREKSI-${i}`,
          reason: 'salah input (race test)',
        },
      }),
    );
    losersAreClean(results);
    refusedBy(results, 'transactionId');
    expect(winners(results)).toHaveLength(1);
    const [n] = await sql(
      'budget',
      'SELECT COUNT(*) AS n, SUM(amount) AS total FROM realization WHERE reversesId = ?',
      [id],
    );
    expect({ n: Number(n.n), total: Number(n.total) }).toEqual({ n: 1, total: -250_000 });
  });

  it('30 concurrent transfers, most of them from one satker, cannot move more than the giver has', async () => {
    const a = await dipaWithOneLine('880004', 1_000_000);
    const b = await dipaWithOneLine('880005', 100_000);
    const transfer = (from: { satker: string; line: string }, to: { satker: string; line: string }, i: number) =>
      call(TRANSFER, {
        input: {
          year: 2023,
          date: '2023-04-03',
          description: `pergeseran ${i} (race test)`,
          from: {
            satkerCode: from.satker,
            authority: 'DJA',
            changes: [{ lineId: from.line, ceilingChange: -100_000 }],
          },
          to: { satkerCode: to.satker, authority: 'DJA', changes: [{ lineId: to.line, ceilingChange: 100_000 }] },
        },
      });
    const A = { satker: '880004', line: a };
    const B = { satker: '880005', line: b };
    // One in five goes the other way, so the two satkers are locked in both orders at once.
    const results = await burst(30, (i) => (i % 5 === 4 ? transfer(B, A, i) : transfer(A, B, i)));
    losersAreClean(results);
    refusedBy(results, 'from.changes.ceilingChange');
    const [la, lb] = [await line(a), await line(b)];
    expect(la.ceiling).toBeGreaterThanOrEqual(0);
    expect(lb.ceiling).toBeGreaterThanOrEqual(0);
    expect(la.ceiling + lb.ceiling).toBe(1_100_000);
    const moved = await sql(
      'budget',
      "SELECT fromSatkerCode AS f, COUNT(*) AS n FROM budget_transfer WHERE fromSatkerCode IN ('880004', '880005') GROUP BY fromSatkerCode",
    );
    const count = (code: string) => Number(moved.find((r) => r.f === code)?.n ?? 0);
    expect(count('880004')).toBeGreaterThan(0);
    expect(la.ceiling).toBe(1_000_000 - 100_000 * count('880004') + 100_000 * count('880005'));
  });
});

describe('training: seats, graduations and NIKs hold under concurrent writers', () => {
  const PROGRAMME = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`;
  const CLASS = `mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { id } }`;
  const PARTICIPANT = `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`;
  const ENROLL = `mutation($input: EnrollParticipantInput!) { enrollParticipant(input: $input) { id } }`;
  const START = `mutation($id: ID!) { startTrainingClass(classId: $id) { status } }`;
  const ATTEND = `mutation($id: ID!) { markAttendance(enrollmentId: $id) { status } }`;
  const SCORES = `mutation($input: RecordTestScoresInput!) { recordTestScores(input: $input) { postTestScore } }`;
  const GRADUATE = `mutation($input: GraduateEnrollmentInput!) { graduateEnrollment(input: $input) { id certificateNumber } }`;
  const VERIFY = `query($n: String!) { verifyCertificate(number: $n) { number status } }`;

  /** Synthetic NIKs (district 00, which no district has); serials from 5000 stay clear of the seed's. */
  const nik = (serial: number) => `137100410190${String(serial).padStart(4, '0')}`;
  const person = (serial: number, name: string) => ({
    unit: PADANG,
    nik: nik(serial),
    name,
    gender: 'FEMALE',
    birthDate: '1990-01-01',
    education: 'SMA',
    category: 'PM_KPM_PKH',
    originProvince: 'Sumatera Barat',
    originRegency: 'Kota Padang',
  });
  let programmeId: string;

  async function ok<T>(source: string, variables: Record<string, unknown>): Promise<T> {
    const r = await call<T>(source, variables);
    expect(r.errors).toBeUndefined();
    return r.data!;
  }
  const newClass = async (capacity: number): Promise<string> =>
    (
      await ok<{ createTrainingClass: { id: string } }>(CLASS, {
        input: {
          programmeId,
          province: 'Sumatera Barat',
          regency: 'Kota Padang',
          startDate: '2023-05-08',
          endDate: '2023-05-12',
          capacity,
          targetParticipants: capacity,
        },
      })
    ).createTrainingClass.id;
  const register = async (serial: number): Promise<string> =>
    (
      await ok<{ registerParticipant: { id: string } }>(PARTICIPANT, {
        input: person(serial, `Peserta Sintetis Balapan ${serial}`),
      })
    ).registerParticipant.id;

  beforeAll(async () => {
    programmeId = (
      await ok<{ createProgramme: { id: string } }>(PROGRAMME, {
        input: { unit: PADANG, code: 'RACE', name: 'Pelatihan Uji Balapan', participantCategory: 'PM_KPM_PKH' },
      })
    ).createProgramme.id;
  });

  it('20 concurrent enrollments into a class of 5 seats: exactly 5 are seated', async () => {
    const classId = await newClass(5);
    const people: string[] = [];
    for (let i = 0; i < 20; i++) people.push(await register(5000 + i));
    const results = await burst(20, (i) => call(ENROLL, { input: { classId, participantId: people[i] } }));
    losersAreClean(results);
    refusedBy(results, 'classId');
    expect(winners(results)).toHaveLength(5);
    const [n] = await sql(
      'training',
      "SELECT COUNT(*) AS n FROM enrollment WHERE classId = ? AND status <> 'DROPPED_OUT'",
      [classId],
    );
    expect(Number(n.n)).toBe(5);
  });

  it('100 concurrent graduations of 10 enrollments: exactly 10 succeed and every certificate number handed out verifies', async () => {
    const classId = await newClass(10);
    const enrollments: string[] = [];
    for (let i = 0; i < 10; i++) {
      const participantId = await register(5100 + i);
      enrollments.push(
        (await ok<{ enrollParticipant: { id: string } }>(ENROLL, { input: { classId, participantId } }))
          .enrollParticipant.id,
      );
    }
    await ok(START, { id: classId });
    for (const id of enrollments) {
      await ok(ATTEND, { id });
      await ok(SCORES, { input: { enrollmentId: id, preTestScore: 60, postTestScore: 85 } });
    }
    const results = await burst(100, (i) =>
      call<{ graduateEnrollment: { id: string; certificateNumber: string } }>(GRADUATE, {
        input: { enrollmentId: enrollments[i % 10] },
      }),
    );
    losersAreClean(results);
    refusedBy(results, 'enrollmentId');
    const won = winners(results).map((r) => r.data!.graduateEnrollment);
    expect(won).toHaveLength(10);
    expect(new Set(won.map((g) => g.id)).size).toBe(10);
    for (const g of won) {
      const v = await call<{ verifyCertificate: { number: string; status: string } | null }>(
        VERIFY,
        { n: g.certificateNumber },
        null,
      );
      expect(v.data?.verifyCertificate).toEqual({ number: g.certificateNumber, status: 'GRADUATED' });
    }
    const stored = await sql(
      'training',
      "SELECT COUNT(*) AS n FROM enrollment WHERE classId = ? AND status = 'GRADUATED'",
      [classId],
    );
    expect(Number(stored[0].n)).toBe(10);
    const events = await sql(
      'training',
      "SELECT COUNT(*) AS n FROM outbox_event WHERE subject = 'training.enrollment.graduated' AND envelope LIKE ?",
      [`%"classId":${classId},%`],
    );
    expect(Number(events[0].n)).toBe(10);
  });

  it('20 clerks registering one NIK at once: exactly one participant', async () => {
    const results = await burst(20, (i) =>
      call(PARTICIPANT, { input: person(5200, `Peserta Sintetis Serentak ${i}`) }),
    );
    losersAreClean(results);
    expect(winners(results)).toHaveLength(1);
    const [n] = await sql(
      'training',
      "SELECT COUNT(*) AS n FROM participant WHERE name LIKE 'Peserta Sintetis Serentak %'",
    );
    expect(Number(n.n)).toBe(1);
  });
});
