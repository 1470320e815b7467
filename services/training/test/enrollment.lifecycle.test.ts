import { type DomainEvent, PUBLIC_CALLER } from '@kesos/infra';
import { callSubgraph, TEST_SECRETS } from '@kesos/infra/testing';
import { BANDUNG, callers, counts, PADANG, quietPeriod, startTraining, type TrainingUnderTest } from './kesos.support';

const PROGRAMME = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id code } }`;
const CLASS = `mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { id year batch name status capacity } }`;
const PARTICIPANT = `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id nik name } }`;
const ENROLL = `mutation($input: EnrollParticipantInput!) { enrollParticipant(input: $input) { id status } }`;
const START = `mutation($id: ID!) { startTrainingClass(classId: $id) { status } }`;
const CLOSE = `mutation($id: ID!) { closeTrainingClass(classId: $id) { status } }`;
const ATTEND = `mutation($id: ID!) { markAttendance(enrollmentId: $id) { status attendedOn } }`;
const SCORES = `mutation($input: RecordTestScoresInput!) { recordTestScores(input: $input) { preTestScore postTestScore scoreGain } }`;
const GRADUATE = `mutation($input: GraduateEnrollmentInput!) { graduateEnrollment(input: $input) { status predicate certificateNumber certificateIssuedOn } }`;
const FAIL = `mutation($id: ID!) { failEnrollment(enrollmentId: $id) { status } }`;
const DROP = `mutation($input: DropOutEnrollmentInput!) { dropOutEnrollment(input: $input) { status dropOutReason } }`;
const ASSESS = `mutation($input: AssessAlumniInput!) { assessAlumni(input: $input) { id year hasLifeSkills } }`;
const VERIFY = `query($n: String!) { verifyCertificate(number: $n) { number holderName programmeCode programmeName classStartDate classEndDate unitCode unitName status predicate issuedOn } }`;
const PARTICIPANT_READ = `query($id: ID!) { participant(id: $id) { nik name birthDate } }`;
const TABLES = ['participant', 'enrollment', 'training_class', 'programme', 'alumni_monitoring'];

const person = (nik: string, name: string) => ({
  unit: PADANG,
  nik,
  name,
  gender: 'FEMALE',
  birthDate: '1990-01-01',
  education: 'SMA',
  category: 'PM_KPM_PKH',
  originProvince: 'Sumatera Barat',
  originRegency: 'Kota Padang',
});

/** Synthetic NIKs: district digits 00, which no real district has. */
const NIK_A = '1371004101900001';
const NIK_B = '1371004101900002';
const NIK_C = '1371004101900003';

describe('enrollment lifecycle: mutations, events on NATS, refusals, NIK protection, public verification (MariaDB + NATS)', () => {
  let t: TrainingUnderTest;
  let events: DomainEvent[];
  const operator = callers.operator(PADANG);
  let classId: string;
  let a: string;
  let b: string;
  let c: string;
  let enrollA: string;
  let enrollB: string;
  let certificate: string;

  const field = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => ({
    code: res.errors?.[0]?.extensions?.code,
    field: res.errors?.[0]?.extensions?.field,
  });

  beforeAll(async () => {
    t = await startTraining('lifecycle', false);
    events = await t.collect('training.>');
    const p = await t.call(
      PROGRAMME,
      {
        input: {
          unit: PADANG,
          code: 'PPM',
          name: 'Pelatihan Pemberdayaan Masyarakat (uji)',
          participantCategory: 'PM_KPM_PKH',
          budgetOutputCode: '6391.SCM.001',
          indicatorCode: 'SK3.1',
        },
      },
      operator,
    );
    expect(p.errors).toBeUndefined();
    const k = await t.call(
      CLASS,
      {
        input: {
          programmeId: p.data.createProgramme.id,
          province: 'Sumatera Barat',
          regency: 'Kota Padang',
          startDate: '2023-03-06',
          endDate: '2023-03-10',
          capacity: 2,
          targetParticipants: 2,
          satkerCode: '690552',
        },
      },
      operator,
    );
    expect(k.errors).toBeUndefined();
    expect(k.data.createTrainingClass).toMatchObject({
      year: 2023,
      batch: 1,
      name: 'PPM Angkatan 1 Tahun 2023',
      status: 'PLANNED',
    });
    classId = k.data.createTrainingClass.id;
    const ids: string[] = [];
    for (const [nik, name] of [
      [NIK_A, 'Peserta Sintetis Uji Satu'],
      [NIK_B, 'Peserta Sintetis Uji Dua'],
      [NIK_C, 'Peserta Sintetis Uji Tiga'],
    ] as const) {
      const r = await t.call(PARTICIPANT, { input: person(nik, name) }, operator);
      expect(r.errors).toBeUndefined();
      ids.push(r.data.registerParticipant.id);
    }
    [a, b, c] = ids as [string, string, string];
  });
  afterAll(async () => t?.stop());

  it('validates programmes and classes, naming the field', async () => {
    const before = await counts(t.database, TABLES);
    const programme = (input: Record<string, unknown>) =>
      t.call(
        PROGRAMME,
        { input: { unit: PADANG, code: 'PPX', name: 'Program Uji', participantCategory: 'TKSM', ...input } },
        operator,
      );
    expect(field(await programme({ code: 'PPM' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(field(await programme({ code: 'p p' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(field(await programme({ budgetOutputCode: '6391-SCM-001' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'budgetOutputCode',
    });
    expect(field(await programme({ indicatorCode: 'IKU 2' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'indicatorCode',
    });
    const programmeId = (await t.call(`{ programmes(unit: "${PADANG}") { id } }`, {}, operator)).data.programmes[0].id;
    const cls = (input: Record<string, unknown>) =>
      t.call(
        CLASS,
        {
          input: {
            programmeId,
            province: 'Sumatera Barat',
            regency: 'Kota Padang',
            startDate: '2023-03-06',
            endDate: '2023-03-10',
            capacity: 2,
            targetParticipants: 2,
            ...input,
          },
        },
        operator,
      );
    expect(field(await cls({ province: 'Jawa Barat' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'province' });
    expect(field(await cls({ endDate: '2023-03-01' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'endDate' });
    expect(field(await cls({ startDate: '2023-13-01' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'startDate' });
    expect(field(await cls({ capacity: 0 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'capacity' });
    expect(field(await cls({ batch: 1 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'batch' });
    expect(field(await cls({ satkerCode: '69055' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'satkerCode' });
    expect(field(await cls({ programmeId: '12x' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'programmeId' });
    expect(
      field(
        await t.call(
          CLASS,
          {
            input: {
              programmeId,
              province: 'Sumatera Barat',
              regency: 'Kota Padang',
              startDate: '2023-03-06',
              endDate: '2023-03-10',
              capacity: 2,
              targetParticipants: 2,
            },
          },
          callers.operator(BANDUNG),
        ),
      ),
    ).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(await counts(t.database, TABLES)).toEqual(before);
  });

  it('refuses a bad or repeated NIK and writes nothing', async () => {
    const before = await counts(t.database, TABLES);
    for (const nik of [
      '137100410190000',
      '13710041019000x1',
      '0971004101900004',
      '1371003201900004',
      '1371004113900004',
      '1371004101900000',
    ]) {
      expect(field(await t.call(PARTICIPANT, { input: person(nik, 'Peserta Sintetis Salah') }, operator))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'nik',
      });
    }
    expect(field(await t.call(PARTICIPANT, { input: person(NIK_A, 'Peserta Sintetis Kembar') }, operator))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'nik',
    });
    expect(
      field(
        await t.call(PARTICIPANT, { input: { ...person('1371004101900009', 'X'), birthDate: '1990-02-30' } }, operator),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'birthDate' });
    expect(
      field(
        await t.call(
          PARTICIPANT,
          { input: person('1371004101900009', 'Peserta Sintetis Lain') },
          callers.operator(BANDUNG),
        ),
      ),
    ).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(await counts(t.database, TABLES)).toEqual(before);
  });

  it('registers a NIK sent by several clerks at the same moment once; the others get a clear refusal', async () => {
    const nik = '1371004101900007';
    const before = (await counts(t.database, ['participant'])).participant;
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((i) =>
        t.call(PARTICIPANT, { input: person(nik, `Peserta Sintetis Serentak ${i}`) }, operator),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((x) => x.errors))
      expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(r.errors![0].extensions!.code);
    expect((await counts(t.database, ['participant'])).participant).toBe(before + 1);
  });

  it('shows the NIK in full to admins only; others see it masked', async () => {
    const admin = await t.call(PARTICIPANT_READ, { id: a });
    expect(admin.data.participant).toEqual({ nik: NIK_A, name: 'Peserta Sintetis Uji Satu', birthDate: '1990-01-01' });
    for (const caller of [operator, callers.viewer(PADANG)])
      expect((await t.call(PARTICIPANT_READ, { id: a }, caller)).data.participant.nik).toBe('1371********0001');
    expect((await t.call(PARTICIPANT_READ, { id: a }, callers.analyst())).data.participant).toEqual({
      nik: '1371********0001',
      name: 'P****** S******* U** S***',
      birthDate: null,
    });
    expect(field(await t.call(PARTICIPANT_READ, { id: a }, callers.viewer(BANDUNG)))).toEqual({
      code: 'FORBIDDEN',
      field: undefined,
    });
    const stored = await t.database.dataSource.query(
      'SELECT nikCipher, nikHash, nikMasked FROM participant WHERE id = ?',
      [a],
    );
    expect(JSON.stringify(stored)).not.toContain(NIK_A);
    const found = await t.call(
      `query($q: String) { participants(unit: "${PADANG}", search: $q) { nodes { id } } }`,
      { q: NIK_B },
      operator,
    );
    expect(found.data.participants.nodes).toEqual([{ id: b }]);
    const byName = await t.call(
      `query($q: String) { participants(unit: "${PADANG}", search: $q) { nodes { id } } }`,
      { q: 'uji tiga' },
      operator,
    );
    expect(byName.data.participants.nodes).toEqual([{ id: c }]);
  });

  it('enforces capacity and single enrollment', async () => {
    const first = await t.call(ENROLL, { input: { classId, participantId: a } }, operator);
    expect(first.data.enrollParticipant.status).toBe('REGISTERED');
    enrollA = first.data.enrollParticipant.id;
    expect(field(await t.call(ENROLL, { input: { classId, participantId: a } }, operator))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'participantId',
    });
    enrollB = (await t.call(ENROLL, { input: { classId, participantId: b } }, operator)).data.enrollParticipant.id;
    const before = await counts(t.database, TABLES);
    const full = await t.call(ENROLL, { input: { classId, participantId: c } }, operator);
    expect(field(full)).toEqual({ code: 'BAD_USER_INPUT', field: 'classId' });
    expect(full.errors![0].message).toContain('full');
    expect(await counts(t.database, TABLES)).toEqual(before);
  });

  it('refuses illegal transitions, naming the field', async () => {
    expect(field(await t.call(ATTEND, { id: enrollA }, operator))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'enrollmentId',
    });
    expect(field(await t.call(GRADUATE, { input: { enrollmentId: enrollA } }, operator))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'enrollmentId',
    });
    expect(field(await t.call(CLOSE, { id: classId }, operator))).toEqual({ code: 'BAD_USER_INPUT', field: 'classId' });
    expect((await t.call(START, { id: classId }, operator)).data.startTrainingClass.status).toBe('RUNNING');
    expect(field(await t.call(START, { id: classId }, operator))).toEqual({ code: 'BAD_USER_INPUT', field: 'classId' });
    expect(field(await t.call(SCORES, { input: { enrollmentId: enrollA, preTestScore: 50 } }, operator))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'enrollmentId',
    });
    expect((await t.call(ATTEND, { id: enrollA }, operator)).data.markAttendance.status).toBe('ATTENDING');
    expect(field(await t.call(GRADUATE, { input: { enrollmentId: enrollA } }, operator))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'preTestScore',
    });
    expect(field(await t.call(SCORES, { input: { enrollmentId: enrollA, preTestScore: 101 } }, operator))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'preTestScore',
    });
    expect(field(await t.call(SCORES, { input: { enrollmentId: enrollA, postTestScore: 80.123 } }, operator))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'postTestScore',
    });
    expect(field(await t.call(CLOSE, { id: classId }, operator))).toEqual({ code: 'BAD_USER_INPUT', field: 'classId' });
    expect(field(await t.call(ATTEND, { id: enrollA }, callers.viewer(PADANG)))).toEqual({
      code: 'FORBIDDEN',
      field: undefined,
    });
  });

  it('takes an enrollment through its whole lifecycle and publishes each event exactly once', async () => {
    const scores = await t.call(
      SCORES,
      { input: { enrollmentId: enrollA, preTestScore: 55.5, postTestScore: 86.25 } },
      operator,
    );
    expect(scores.data.recordTestScores).toEqual({ preTestScore: 55.5, postTestScore: 86.25, scoreGain: 30.75 });
    const grad = await t.call(GRADUATE, { input: { enrollmentId: enrollA } }, operator);
    expect(grad.errors).toBeUndefined();
    expect(grad.data.graduateEnrollment).toMatchObject({ status: 'GRADUATED', predicate: 'BAIK' });
    certificate = grad.data.graduateEnrollment.certificateNumber;
    expect(certificate).toMatch(
      new RegExp(`^${PADANG}/PPM/2023/${enrollA.padStart(6, '0')}/[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$`),
    );
    expect(field(await t.call(FAIL, { id: enrollA }, operator))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'enrollmentId',
    });
    expect(
      (await t.call(DROP, { input: { enrollmentId: enrollB, reason: 'Sakit (uji)' } }, operator)).data
        .dropOutEnrollment,
    ).toEqual({ status: 'DROPPED_OUT', dropOutReason: 'Sakit (uji)' });
    expect(field(await t.call(DROP, { input: { enrollmentId: enrollB, reason: 'lagi' } }, operator))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'enrollmentId',
    });
    // The dropped-out seat is free again.
    const enrollC = (await t.call(ENROLL, { input: { classId, participantId: c } }, operator)).data.enrollParticipant
      .id;
    await t.call(ATTEND, { id: enrollC }, operator);
    expect((await t.call(FAIL, { id: enrollC }, operator)).data.failEnrollment.status).toBe('FAILED');
    expect((await t.call(CLOSE, { id: classId }, operator)).data.closeTrainingClass.status).toBe('CLOSED');
    expect(field(await t.call(ENROLL, { input: { classId, participantId: b } }, operator))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'classId',
    });
    const today = new Date().toISOString().slice(0, 10);
    expect(
      field(
        await t.call(
          ASSESS,
          {
            input: {
              enrollmentId: enrollC,
              assessedOn: today,
              marketingImproved: true,
              permitsObtained: false,
              quantityImproved: false,
              qualityImproved: false,
            },
          },
          operator,
        ),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'enrollmentId' });
    const assessed = await t.call(
      ASSESS,
      {
        input: {
          enrollmentId: enrollA,
          assessedOn: today,
          marketingImproved: false,
          permitsObtained: true,
          quantityImproved: false,
          qualityImproved: false,
        },
      },
      operator,
    );
    expect(assessed.data.assessAlumni).toMatchObject({ year: 2023, hasLifeSkills: true });
    expect(
      field(
        await t.call(
          ASSESS,
          {
            input: {
              enrollmentId: enrollA,
              assessedOn: today,
              marketingImproved: false,
              permitsObtained: false,
              quantityImproved: false,
              qualityImproved: false,
            },
          },
          operator,
        ),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'enrollmentId' });

    const ofType = (type: string) => events.filter((e) => e.type === type && e.unit === PADANG);
    await t.until(
      () => ofType('training.monitoring.assessed').length > 0 && ofType('training.class.closed').length > 0,
    );
    // A relay that publishes the same rows again (a crash before marking them sent) changes nothing: JetStream drops the duplicates.
    await t.database.dataSource.query(
      `UPDATE outbox_event SET publishedAt = NULL WHERE subject <> 'training.unit.registered'`,
    );
    expect(await t.running.relay.flush()).toBe(3);
    await quietPeriod(600);
    const graduated = ofType('training.enrollment.graduated');
    expect(graduated).toHaveLength(1);
    expect(graduated[0].version).toBe(1);
    expect(graduated[0].data).toEqual({
      enrollmentId: Number(enrollA),
      classId: Number(classId),
      programmeCode: 'PPM',
      participantCategory: 'PM_KPM_PKH',
      year: 2023,
      predicate: 'BAIK',
      budgetOutputCode: '6391.SCM.001',
      indicatorCode: 'SK3.1',
      satkerCode: '690552',
      date: '2023-03-10',
      provenance: 'OPERATIONAL',
    });
    const closed = ofType('training.class.closed');
    expect(closed).toHaveLength(1);
    expect(closed[0].data).toEqual({
      classId: Number(classId),
      programmeCode: 'PPM',
      year: 2023,
      targetParticipants: 2,
      participants: 3,
      graduates: 1,
      indicatorCode: 'SK3.1',
      satkerCode: '690552',
      budgetOutputCode: '6391.SCM.001',
      date: '2023-03-10',
      provenance: 'OPERATIONAL',
    });
    const monitored = ofType('training.monitoring.assessed');
    expect(monitored).toHaveLength(1);
    expect(monitored[0].data).toEqual({
      monitoringId: Number(assessed.data.assessAlumni.id),
      enrollmentId: Number(enrollA),
      year: 2023,
      hasLifeSkills: true,
      programmeCode: 'PPM',
      date: today,
      provenance: 'OPERATIONAL',
    });
    expect(events.filter((e) => e.type !== 'training.unit.registered')).toHaveLength(3);
  });

  it('verifies a certificate without a token and shows only what a verifier needs', async () => {
    const asPublic = (query: string, variables: Record<string, unknown>) =>
      callSubgraph(t.running.url, query, variables, { caller: PUBLIC_CALLER, secret: TEST_SECRETS.internalSecret });
    const res = await asPublic(VERIFY, { n: certificate });
    expect(res.errors).toBeUndefined();
    expect(res.data!.verifyCertificate).toEqual({
      number: certificate,
      holderName: 'P****** S******* U** S***',
      programmeCode: 'PPM',
      programmeName: 'Pelatihan Pemberdayaan Masyarakat (uji)',
      classStartDate: '2023-03-06',
      classEndDate: '2023-03-10',
      unitCode: PADANG,
      unitName: expect.stringContaining('Padang'),
      status: 'GRADUATED',
      predicate: 'BAIK',
      issuedOn: new Date().toISOString().slice(0, 10),
    });
    expect((await asPublic(VERIFY, { n: `${certificate.slice(0, -4)}ZZZZ` })).data!.verifyCertificate).toBeNull();
    for (const query of [
      PARTICIPANT_READ,
      `query { verifyCertificate(number: "x") { number } participants(unit: "${PADANG}") { nodes { nik } } }`,
      `query { programmes(unit: "${PADANG}") { code } }`,
    ]) {
      const refused = await asPublic(query, { id: a });
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const noIdentity = await callSubgraph(t.running.url, VERIFY, { n: certificate });
    expect(noIdentity.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
