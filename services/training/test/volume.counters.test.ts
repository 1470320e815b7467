import { createLogger } from '@kesos/infra';
import { memorySqliteDatabase } from '@kesos/infra/testing';
import { trainingService } from '../src';
import { callers, PADANG, startTraining, type TrainingUnderTest } from './kesos.support';

const PROGRAMME = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`;
const CLASS = `mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { id } }`;
const PARTICIPANT = `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`;
const ENROLL = `mutation($input: EnrollParticipantInput!) { enrollParticipant(input: $input) { id } }`;
const START = `mutation($id: ID!) { startTrainingClass(classId: $id) { status } }`;
const ATTEND = `mutation($id: ID!) { markAttendance(enrollmentId: $id) { status } }`;
const SCORES = `mutation($input: RecordTestScoresInput!) { recordTestScores(input: $input) { postTestScore } }`;
const GRADUATE = `mutation($input: GraduateEnrollmentInput!) { graduateEnrollment(input: $input) { status } }`;
const FAIL = `mutation($id: ID!) { failEnrollment(enrollmentId: $id) { status } }`;
const VOLUME = `query($unit: ID!) { unit(code: $unit) { trainingVolume(fromYear: 2023, toYear: 2023) { year target realized } } }`;

const PEOPLE = 24;
/** Synthetic NIKs: district digits 00, which no real district has. */
const nik = (i: number) => `137100410188${1001 + i}`;

/** The class graduate counter the volume figures read, against a recount of the enrollments. */
describe('training volume counters under concurrent writers (MariaDB)', () => {
  let t: TrainingUnderTest;
  const operator = callers.operator(PADANG);
  const ok = async (query: string, variables: Record<string, unknown>) => {
    const res = await t.call(query, variables, operator);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    t = await startTraining('volume_counters', false);
  }, 120000);
  afterAll(async () => t?.stop());

  it('counts every graduation exactly once when many are recorded at the same moment, repeats included', async () => {
    const programme = await ok(PROGRAMME, {
      input: { unit: PADANG, code: 'VOL', name: 'Pelatihan Uji Volume', participantCategory: 'PM_KPM_PKH' },
    });
    const classId: string = (
      await ok(CLASS, {
        input: {
          programmeId: programme.createProgramme.id,
          province: 'Sumatera Barat',
          regency: 'Kota Padang',
          startDate: '2023-05-01',
          endDate: '2023-05-05',
          capacity: PEOPLE,
          targetParticipants: 30,
        },
      })
    ).createTrainingClass.id;
    const enrollments: string[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const p = await ok(PARTICIPANT, {
        input: {
          unit: PADANG,
          nik: nik(i),
          name: `Peserta Sintetis Volume ${i}`,
          gender: 'FEMALE',
          birthDate: '1990-01-01',
          education: 'SMA',
          category: 'PM_KPM_PKH',
        },
      });
      enrollments.push(
        (await ok(ENROLL, { input: { classId, participantId: p.registerParticipant.id } })).enrollParticipant.id,
      );
    }
    await ok(START, { id: classId });
    for (const id of enrollments) {
      await ok(ATTEND, { id });
      await ok(SCORES, { input: { enrollmentId: id, preTestScore: 50, postTestScore: 85 } });
    }

    // Each enrollment is graduated by two clerks at once; the last four are failed at the same time
    // as they are graduated. Exactly one transition per enrollment may win.
    const results = await Promise.all(
      enrollments.flatMap((id, i) => [
        t.call(GRADUATE, { input: { enrollmentId: id } }, operator),
        i >= PEOPLE - 4 ? t.call(FAIL, { id }, operator) : t.call(GRADUATE, { input: { enrollmentId: id } }, operator),
      ]),
    );
    const graduatedReplies = results.filter((r) => r.data?.graduateEnrollment?.status === 'GRADUATED').length;

    const [counter] = await t.database.dataSource.query<{ graduates: number | string }[]>(
      `SELECT graduates FROM training_class WHERE id = ?`,
      [Number(classId)],
    );
    const [recount] = await t.database.dataSource.query<{ n: number | string }[]>(
      `SELECT COUNT(*) AS n FROM enrollment WHERE classId = ? AND status = 'GRADUATED'`,
      [Number(classId)],
    );
    expect(Number(recount.n)).toBe(graduatedReplies);
    expect(Number(recount.n)).toBeGreaterThanOrEqual(PEOPLE - 4);
    expect(Number(counter.graduates)).toBe(Number(recount.n));

    const volume = await ok(VOLUME, { unit: PADANG });
    expect(volume.unit.trainingVolume).toEqual([{ year: 2023, target: 30, realized: Number(recount.n) }]);
  }, 120000);
});

describe('training volume counters in an embedded database from before them (SQLite)', () => {
  it('recounts every class graduate counter at startup from the GRADUATED enrollments', async () => {
    const db = await memorySqliteDatabase(trainingService);
    const logger = createLogger('test', 'silent');
    try {
      expect(await trainingService.seed(db.dataSource, logger)).toBe(true);
      const recount = `SELECT c.id AS id, c.graduates AS counter, (SELECT COUNT(*) FROM enrollment e WHERE e.classId = c.id AND e.status = 'GRADUATED') AS n FROM training_class c ORDER BY c.id`;
      const seeded = await db.dataSource.query<{ id: number; counter: number | string; n: number | string }[]>(recount);
      expect(seeded.reduce((sum, r) => sum + Number(r.n), 0)).toBeGreaterThan(0);
      expect(seeded.filter((r) => Number(r.counter) !== Number(r.n))).toEqual([]);
      // What synchronize leaves in a database written before the counter: the column at 0.
      await db.dataSource.query(`UPDATE training_class SET graduates = 0`);
      expect(await trainingService.seed(db.dataSource, logger)).toBe(false);
      expect(await db.dataSource.query(recount)).toEqual(seeded);
    } finally {
      await db.dataSource.destroy();
    }
  }, 120000);
});
