import {
  RAW_COARSE_SELECT,
  RAW_PARTICIPANT_SELECT,
  RAW_PEOPLE_SELECT,
  RAW_PERSON_YEAR_SELECT,
  RAW_ROLLUP_SELECT,
  rebuildTrainingStats,
} from '../src/stats/stats.rollup';
import { BANDUNG, callers, PADANG, startTraining, type TrainingUnderTest } from './kesos.support';

/**
 * The rollup behind trainingStats is kept by the writes themselves. After random sequences of
 * writes through the API (and concurrent ones), it must equal a raw GROUP BY over the enrollments,
 * and so must what trainingStats answers.
 */
const PROGRAMME = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`;
const CLASS = `mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { id } }`;
const START = `mutation($id: ID!) { startTrainingClass(classId: $id) { status } }`;
const PARTICIPANT = `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`;
const ENROLL = `mutation($input: EnrollParticipantInput!) { enrollParticipant(input: $input) { id status } }`;
const ATTEND = `mutation($id: ID!) { markAttendance(enrollmentId: $id) { status } }`;
const SCORES = `mutation($input: RecordTestScoresInput!) { recordTestScores(input: $input) { postTestScore } }`;
const GRADUATE = `mutation($input: GraduateEnrollmentInput!) { graduateEnrollment(input: $input) { status } }`;
const FAIL = `mutation($id: ID!) { failEnrollment(enrollmentId: $id) { status } }`;
const DROP = `mutation($input: DropOutEnrollmentInput!) { dropOutEnrollment(input: $input) { status } }`;
const IMPORT = `mutation($input: ImportParticipantsInput!) { importParticipants(input: $input) { status enrollmentsCreated message } }`;
const STATS = `query($filter: TrainingStatsFilter, $groupBy: [TrainingStatsDimension!]) {
  trainingStats(filter: $filter, groupBy: $groupBy) {
    unit { code } year programmeCode gender education status provinceCode enrolled graduated failed droppedOut participants graduationRate
    evidence { operational reported reconstructed synthetic records weakest } } }`;

/** A small deterministic generator (mulberry32), so a failing sequence can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVINCES = ['13', '12', '14', '31', '32'];
const EDUCATIONS = ['SD', 'SMA', 'S1', 'S2'];
let serial = 1000;
/** Synthetic NIKs: district digits 00 (no real district), birth 1988, a serial of the test's own. */
function person(rand: () => number): { nik: string; female: boolean; education: string } {
  const female = rand() < 0.5;
  const province = PROVINCES[Math.floor(rand() * PROVINCES.length)];
  serial += 1;
  const nik = `${province}7100${female ? '41' : '01'}0188${String(serial).padStart(4, '0')}`;
  return { nik, female, education: EDUCATIONS[Math.floor(rand() * EDUCATIONS.length)] };
}

type Status = 'REGISTERED' | 'ATTENDING' | 'GRADUATED' | 'FAILED' | 'DROPPED_OUT';
interface Seat {
  id: string;
  unit: string;
  status: Status;
}

const DIMENSIONS: Record<string, string> = {
  UNIT: 'e.unitCode',
  YEAR: 'c.year',
  PROGRAMME: 'p.code',
  GENDER: 'pa.gender',
  EDUCATION: 'pa.education',
  STATUS: 'e.status',
  PROVINCE: 'SUBSTR(pa.nikMasked, 1, 2)',
};
const FIELDS: Record<string, string> = {
  UNIT: 'unit',
  YEAR: 'year',
  PROGRAMME: 'programmeCode',
  GENDER: 'gender',
  EDUCATION: 'education',
  STATUS: 'status',
  PROVINCE: 'provinceCode',
};
const COMBINATIONS: { groupBy: string[]; statuses?: string[] }[] = [
  { groupBy: [] },
  { groupBy: ['UNIT', 'YEAR'] },
  { groupBy: ['YEAR', 'UNIT'], statuses: ['GRADUATED', 'FAILED'] },
  { groupBy: ['YEAR'] },
  { groupBy: ['UNIT', 'PROGRAMME', 'GENDER', 'EDUCATION'], statuses: ['GRADUATED'] },
  { groupBy: ['PROVINCE', 'STATUS'] },
  { groupBy: ['YEAR', 'GENDER', 'EDUCATION', 'PROVINCE'] },
  { groupBy: ['UNIT', 'YEAR', 'PROGRAMME', 'GENDER', 'EDUCATION', 'STATUS', 'PROVINCE'] },
];

describe('training statistics rollup kept by the writes (MariaDB)', () => {
  let t: TrainingUnderTest;
  const admin = callers.admin();
  const classes: { id: string; unit: string }[] = [];
  const people: { id: string; unit: string; nik: string; female: boolean; education: string }[] = [];
  const seats: Seat[] = [];

  const ok = async (query: string, variables: Record<string, unknown>) => {
    const r = await t.call(query, variables, admin);
    expect(r.errors).toBeUndefined();
    return r.data;
  };

  const register = async (unit: string, rand: () => number) => {
    const p = person(rand);
    const data = await ok(PARTICIPANT, {
      input: {
        unit,
        nik: p.nik,
        name: `Peserta Sintetis Statistik ${serial}`,
        gender: p.female ? 'FEMALE' : 'MALE',
        birthDate: '1988-01-01',
        education: p.education,
        category: 'PM_KPM_PKH',
      },
    });
    people.push({ id: data.registerParticipant.id, unit, ...p });
  };

  const csv = (rows: string[][]) =>
    Buffer.from(
      [
        [
          'nik',
          'nama',
          'jenis kelamin',
          'tanggal lahir',
          'pendidikan',
          'kategori',
          'provinsi',
          'kabupaten/kota',
          'id angkatan',
        ],
        ...rows,
      ]
        .map((r) => r.join(','))
        .join('\n'),
    ).toString('base64');

  /** An import of new and already registered people of one unit into its classes; returns the new seats' count. */
  const importRows = async (unit: string, rand: () => number, size: number, caller = admin) => {
    const own = classes.filter((c) => c.unit === unit);
    const rows: string[][] = [];
    const used = new Set<string>();
    for (let i = 0; i < size; i++) {
      const cls = own[Math.floor(rand() * own.length)];
      const known = people.filter((p) => p.unit === unit);
      const existing = rand() < 0.4 && known.length ? known[Math.floor(rand() * known.length)] : null;
      const p = existing ?? person(rand);
      const key = `${p.nik}:${cls.id}`;
      if (used.has(key)) continue;
      used.add(key);
      rows.push([
        p.nik,
        `Peserta Sintetis Impor ${p.nik.slice(-4)}`,
        p.female ? 'P' : 'L',
        '1988-01-01',
        p.education,
        'PM_KPM_PKH',
        '',
        '',
        cls.id,
      ]);
    }
    return t.call(IMPORT, { input: { unit, format: 'CSV', contentBase64: csv(rows) } }, caller);
  };

  /** Everything written by the API so far, reloaded from the enrollments (imports create seats the test did not name). */
  const reloadSeats = async () => {
    const rows = await t.database.dataSource.query<{ id: number; unitCode: string; status: Status }[]>(
      `SELECT id, unitCode, status FROM enrollment ORDER BY id`,
    );
    seats.length = 0;
    seats.push(...rows.map((r) => ({ id: String(r.id), unit: r.unitCode, status: r.status })));
    const known = new Set(people.map((p) => p.id));
    const registered = await t.database.dataSource.query<
      { id: number; unitCode: string; nikMasked: string; gender: string; education: string }[]
    >(`SELECT id, unitCode, nikMasked, gender, education FROM participant`);
    for (const r of registered)
      if (!known.has(String(r.id)))
        people.push({
          id: String(r.id),
          unit: r.unitCode,
          nik: '',
          female: r.gender === 'FEMALE',
          education: r.education,
        });
  };

  const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
  const normal = (rows: Record<string, unknown>[]) =>
    rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          typeof v === 'bigint' || /^(n|year|participantId|participants|\w+Enrollments)$/.test(k) ? Number(v) : v,
        ]),
      ),
    );

  /** The maintained tables, and trainingStats for several groupings, against raw GROUP BYs over the enrollments. */
  const expectExact = async () => {
    const ds = t.database.dataSource;
    const counters = 'operationalEnrollments, reportedEnrollments, reconstructedEnrollments, syntheticEnrollments';
    const cols = `unitCode, year, programmeCode, gender, education, province, status, n, ${counters}`;
    expect(sorted(normal(await ds.query(`SELECT ${cols} FROM training_stats_rollup`)))).toEqual(
      sorted(normal(await ds.query(RAW_ROLLUP_SELECT))),
    );
    const ccols = `unitCode, year, programmeCode, gender, education, status, n, ${counters}`;
    expect(sorted(normal(await ds.query(`SELECT ${ccols} FROM training_stats_rollup_coarse`)))).toEqual(
      sorted(normal(await ds.query(RAW_COARSE_SELECT))),
    );
    expect(
      sorted(normal(await ds.query(`SELECT unitCode, year, participantId FROM training_stats_person_year`))),
    ).toEqual(sorted(normal(await ds.query(RAW_PERSON_YEAR_SELECT))));
    expect(sorted(normal(await ds.query(`SELECT unitCode, year, participants FROM training_stats_people`)))).toEqual(
      sorted(normal(await ds.query(RAW_PEOPLE_SELECT))),
    );
    const pcols = 'unitCode, year, programmeCode, status, participantId, gender, education, province, n';
    expect(sorted(normal(await ds.query(`SELECT ${pcols} FROM training_stats_participant`)))).toEqual(
      sorted(normal(await ds.query(RAW_PARTICIPANT_SELECT))),
    );
    for (const { groupBy, statuses } of COMBINATIONS) {
      const r = await t.call(STATS, { groupBy, filter: { fromYear: 2023, toYear: 2024, statuses } }, callers.analyst());
      expect(r.errors).toBeUndefined();
      const exprs = groupBy.map((d) => DIMENSIONS[d]);
      const raw = await ds.query<Record<string, unknown>[]>(
        `SELECT ${exprs.map((e, i) => `${e} AS d${i}, `).join('')} COUNT(*) AS enrolled,
           SUM(CASE WHEN e.status = 'GRADUATED' THEN 1 ELSE 0 END) AS graduated,
           SUM(CASE WHEN e.status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
           SUM(CASE WHEN e.status = 'DROPPED_OUT' THEN 1 ELSE 0 END) AS droppedOut,
           COUNT(DISTINCT e.participantId) AS participants,
           SUM(CASE WHEN e.provenance = 'OPERATIONAL' THEN 1 ELSE 0 END) AS operational,
           SUM(CASE WHEN e.provenance = 'REPORTED' THEN 1 ELSE 0 END) AS reported,
           SUM(CASE WHEN e.provenance = 'RECONSTRUCTED' THEN 1 ELSE 0 END) AS reconstructed,
           SUM(CASE WHEN e.provenance = 'SYNTHETIC' THEN 1 ELSE 0 END) AS synthetic
         FROM enrollment e JOIN training_class c ON c.id = e.classId JOIN programme p ON p.id = c.programmeId
           JOIN participant pa ON pa.id = e.participantId
         WHERE c.year BETWEEN 2023 AND 2024 ${statuses ? `AND e.status IN (${statuses.map((s) => `'${s}'`).join(', ')})` : ''}
         ${exprs.length ? `GROUP BY ${exprs.join(', ')}` : ''}`,
      );
      const expected = raw
        .filter((x) => exprs.length === 0 || Number(x.enrolled) > 0)
        .map((x) => ({
          key: groupBy.map((_, i) => String(x[`d${i}`])),
          counts: [x.enrolled, x.graduated, x.failed, x.droppedOut, x.participants].map(Number),
          evidence: [x.operational, x.reported, x.reconstructed, x.synthetic].map(Number),
        }));
      const answered = (r.data.trainingStats as Record<string, unknown>[]).map((row) => ({
        key: groupBy.map((d) => {
          const v = row[FIELDS[d]];
          return String(d === 'UNIT' ? (v as { code: string }).code : v);
        }),
        counts: [row.enrolled, row.graduated, row.failed, row.droppedOut, row.participants].map(Number),
        evidence: (() => {
          const e = row.evidence as Record<string, number>;
          // The counts add up to the row's enrollments, which they are.
          expect(e.records).toBe(Number(row.enrolled));
          return [e.operational, e.reported, e.reconstructed, e.synthetic];
        })(),
      }));
      expect([groupBy.join(','), sorted(answered)]).toEqual([groupBy.join(','), sorted(expected)]);
    }
  };

  beforeAll(async () => {
    t = await startTraining('stats_rollup', false);
    const rand = random(7);
    for (const [unit, codes] of [
      [PADANG, ['STA', 'STB']],
      [BANDUNG, ['STC']],
    ] as const) {
      for (const code of codes) {
        const programme = await ok(PROGRAMME, {
          input: { unit, code, name: `Pelatihan Uji Statistik ${code}`, participantCategory: 'PM_KPM_PKH' },
        });
        for (const year of [2023, 2024]) {
          const cls = await ok(CLASS, {
            input: {
              programmeId: programme.createProgramme.id,
              province: unit === PADANG ? 'Sumatera Barat' : 'Jawa Barat',
              regency: 'Kota Uji',
              startDate: `${year}-05-01`,
              endDate: `${year}-05-05`,
              capacity: 1000,
              targetParticipants: 100,
            },
          });
          await ok(START, { id: cls.createTrainingClass.id });
          classes.push({ id: cls.createTrainingClass.id, unit });
        }
      }
      for (let i = 0; i < 12; i++) await register(unit, rand);
    }
  }, 180000);
  afterAll(async () => t?.stop());

  it.each([11, 22, 33])(
    'after a random sequence of writes (seed %i) equals the raw GROUP BY',
    async (seed) => {
      const rand = random(seed);
      const pick = <T>(list: T[]): T | undefined => (list.length ? list[Math.floor(rand() * list.length)] : undefined);
      const refusals: string[] = [];
      for (let step = 0; step < 60; step++) {
        const r = rand();
        if (r < 0.3) {
          const cls = pick(classes)!;
          const p = pick(people.filter((x) => x.unit === cls.unit))!;
          // An admin loading data names any provenance: the rollup counts each beside the key.
          const provenance = pick(['OPERATIONAL', 'REPORTED', 'RECONSTRUCTED', 'SYNTHETIC']);
          const res = await t.call(ENROLL, { input: { classId: cls.id, participantId: p.id, provenance } }, admin);
          // Enrolling the same person twice in a class is refused and counts nothing.
          if (res.errors) refusals.push(String(res.errors[0].extensions?.field));
          else seats.push({ id: res.data.enrollParticipant.id, unit: cls.unit, status: 'REGISTERED' });
        } else if (r < 0.5) {
          const s = pick(seats.filter((x) => x.status === 'REGISTERED'));
          if (s) {
            await ok(ATTEND, { id: s.id });
            s.status = 'ATTENDING';
          }
        } else if (r < 0.65) {
          const s = pick(seats.filter((x) => x.status === 'ATTENDING'));
          if (s) {
            await ok(SCORES, {
              input: { enrollmentId: s.id, preTestScore: 50, postTestScore: 60 + Math.floor(rand() * 40) },
            });
            await ok(GRADUATE, { input: { enrollmentId: s.id } });
            s.status = 'GRADUATED';
          }
        } else if (r < 0.73) {
          const s = pick(seats.filter((x) => x.status === 'ATTENDING'));
          if (s) {
            await ok(FAIL, { id: s.id });
            s.status = 'FAILED';
          }
        } else if (r < 0.83) {
          const s = pick(seats.filter((x) => x.status === 'REGISTERED' || x.status === 'ATTENDING'));
          if (s) {
            await ok(DROP, { input: { enrollmentId: s.id, reason: 'Sakit (uji statistik)' } });
            s.status = 'DROPPED_OUT';
          }
        } else if (r < 0.9) {
          const res = await importRows(rand() < 0.6 ? PADANG : BANDUNG, rand, 1 + Math.floor(rand() * 6));
          expect(res.errors).toBeUndefined();
          await reloadSeats();
        } else {
          // A transition the record's state forbids (a correction refused): nothing moves.
          const s = pick(seats.filter((x) => x.status !== 'ATTENDING'));
          if (s) {
            const res = await t.call(FAIL, { id: s.id }, admin);
            expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
            refusals.push('enrollmentId');
          }
        }
      }
      expect(seats.length).toBeGreaterThan(10);
      await expectExact();
    },
    300000,
  );

  it('stays exact with several writers at once on the same keys', async () => {
    const rand = random(99);
    const padangClasses = classes.filter((c) => c.unit === PADANG);
    const padangPeople = people.filter((p) => p.unit === PADANG && p.nik);
    // Enroll at once: every (class, person) pair not yet taken, many of them in the same rollup keys.
    const taken = new Set(
      (
        await t.database.dataSource.query<{ classId: number; participantId: number }[]>(
          `SELECT classId, participantId FROM enrollment`,
        )
      ).map((r) => `${r.classId}:${r.participantId}`),
    );
    const pairs = padangClasses
      .flatMap((c) => padangPeople.map((p) => ({ c, p })))
      .filter(({ c, p }) => !taken.has(`${c.id}:${p.id}`));
    const codes: string[] = [];
    const note = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => {
      if (res.errors) codes.push(String(res.errors[0].extensions?.code));
    };
    const enrolled = await Promise.all(
      pairs.slice(0, 30).map(({ c, p }) => t.call(ENROLL, { input: { classId: c.id, participantId: p.id } }, admin)),
    );
    enrolled.forEach(note);
    const fresh = enrolled.filter((r) => !r.errors).map((r) => r.data.enrollParticipant.id as string);
    expect(fresh.length).toBeGreaterThan(0);
    // Imports into the same classes beside them, and attendance of everything new.
    const [a, b] = await Promise.all([
      // One import per caller at a time: two units' operators.
      importRows(PADANG, rand, 8, callers.operator(PADANG)),
      importRows(BANDUNG, rand, 8, callers.operator(BANDUNG)),
      ...fresh.map((id) => t.call(ATTEND, { id }, admin).then(note)),
    ]);
    note(a as never);
    note(b as never);
    for (const id of fresh)
      await t.call(SCORES, { input: { enrollmentId: id, preTestScore: 50, postTestScore: 85 } }, admin);
    // Each new seat graduated twice at once, or graduated, failed and dropped out at once: one wins.
    const races = await Promise.all(
      fresh.flatMap((id, i) =>
        i % 3 === 0
          ? [
              t.call(GRADUATE, { input: { enrollmentId: id } }, admin),
              t.call(GRADUATE, { input: { enrollmentId: id } }, admin),
            ]
          : [
              t.call(GRADUATE, { input: { enrollmentId: id } }, admin),
              t.call(FAIL, { id }, admin),
              t.call(DROP, { input: { enrollmentId: id, reason: 'Pindah (uji statistik)' } }, admin),
            ],
      ),
    );
    races.forEach(note);
    // Losers are refused by the rule (BAD_USER_INPUT) or lost the race (CONFLICT), never an internal error.
    expect(codes.filter((c) => c !== 'BAD_USER_INPUT' && c !== 'CONFLICT')).toEqual([]);
    await reloadSeats();
    await expectExact();
  }, 300000);

  it('the rebuild recomputes the same tables from the enrollments', async () => {
    const ds = t.database.dataSource;
    const before = sorted(normal(await ds.query(`SELECT * FROM training_stats_rollup`)));
    await ds.query(`UPDATE training_stats_rollup SET n = n + 5`);
    await ds.query(`UPDATE training_stats_people SET participants = 0`);
    await ds.query(`DELETE FROM training_stats_participant`);
    await ds.query(`DELETE FROM training_stats_person_year`);
    const counts = await ds.transaction((m) => rebuildTrainingStats(m));
    expect(counts.rollupRows).toBe(before.length);
    expect(sorted(normal(await ds.query(`SELECT * FROM training_stats_rollup`)))).toEqual(before);
    await expectExact();
  }, 120000);
});
