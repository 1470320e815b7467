import type { DomainEvent, RunningService } from '@kesos/infra';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callSubgraph, memorySqliteDatabase, TEST_SECRETS, until } from '@kesos/infra/testing';
import { trainingService } from '../src';
import { FACT_TABLES } from '../src/seed/seed.service';
import { seedUnits } from '../src/seed/units.seed';
import { callers, PADANG } from './kesos.support';

const PROGRAMME = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id provenance } }`;
const CLASS = `mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { id provenance } }`;
const PARTICIPANT = `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id provenance } }`;
const ENROLL = `mutation($input: EnrollParticipantInput!) { enrollParticipant(input: $input) { id provenance } }`;
const LKS = `mutation($input: RegisterLksInstitutionInput!) { registerLksInstitution(input: $input) { id provenance } }`;
const ACCREDIT = `mutation($input: RecordAccreditationInput!) { recordAccreditation(input: $input) { id provenance } }`;
const OPEN_CASE = `mutation($input: OpenAtensiCaseInput!) { openAtensiCase(input: $input) { id provenance } }`;
const CLOSE_CASE = `mutation($input: CloseAtensiCaseInput!) { closeAtensiCase(input: $input) { id provenance } }`;
const SESSION = `mutation($input: ScheduleCertificationSessionInput!) { scheduleCertificationSession(input: $input) { id provenance } }`;
const CANDIDATE = `mutation($input: RegisterCertificationCandidateInput!) { registerCertificationCandidate(input: $input) { id provenance } }`;
const RESULT = `mutation($input: RecordCertificationAssessmentInput!) { recordCertificationAssessment(input: $input) { id provenance } }`;
const SUMMARY_FIELDS = 'operational reported reconstructed synthetic records weakest';

const dataOf = (e: DomainEvent) => e.data as Record<string, unknown>;

/** A synthetic person: NIK district digits 00, which no real district has. */
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

describe('provenance of records written through the API, their events and derived figures (embedded: SQLite + memory bus)', () => {
  let running: RunningService;
  const bus = new MemoryEventBus();
  const events: DomainEvent[] = [];
  const operator = callers.operator(PADANG);
  const admin = callers.admin();
  // Response shapes are asserted by each test.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const call = (query: string, variables: Record<string, unknown>, caller = operator): Promise<any> =>
    callSubgraph(running.url, query, variables, { caller, secret: TEST_SECRETS.internalSecret });
  const ok = async (query: string, variables: Record<string, unknown>, caller = operator) => {
    const res = await call(query, variables, caller);
    expect(res.errors).toBeUndefined();
    return Object.values(res.data as Record<string, { id: string; provenance: string }>)[0];
  };
  /** Publishes the outbox and waits until an event of the type about the record has arrived. */
  const eventOf = async (type: string, key: string, id: string) => {
    await running.relay.flush();
    await until(`${type} ${id}`, () => events.some((e) => e.type === type && String(dataOf(e)[key]) === id), 15_000);
    return dataOf(events.find((e) => e.type === type && String(dataOf(e)[key]) === id)!);
  };

  beforeAll(async () => {
    const database = await memorySqliteDatabase(trainingService);
    await database.dataSource.transaction((m) => seedUnits(m));
    running = await startService(trainingService, {
      database,
      bus,
      secrets: TEST_SECRETS,
      logger: createLogger('test', 'silent'),
      port: 0,
      host: '127.0.0.1',
      relay: { intervalMs: 50 },
    });
    await bus.subscribe({
      durable: 'provenance_test',
      subject: 'training.>',
      maxDeliver: 1,
      handler: async (e) => void events.push(e),
    });
  }, 60_000);
  afterAll(async () => running?.stop());

  it('stores OPERATIONAL for a unit operator, refuses any other claim from one, and takes an admin loading generated data at its word', async () => {
    const lks = (provenance?: string) => ({
      input: {
        unit: PADANG,
        name: 'LKS Sintetis Uji',
        kind: 'CHILDREN',
        province: 'Sumatera Barat',
        regency: 'Kota Padang',
        ...(provenance ? { provenance } : {}),
      },
    });
    expect((await ok(LKS, lks())).provenance).toBe('OPERATIONAL');
    expect((await ok(LKS, lks('OPERATIONAL'))).provenance).toBe('OPERATIONAL');
    const before = await running.dataSource.query('SELECT COUNT(*) AS n FROM lks_institution');
    for (const claim of ['REPORTED', 'RECONSTRUCTED', 'SYNTHETIC']) {
      const refused = await call(LKS, lks(claim));
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await running.dataSource.query('SELECT COUNT(*) AS n FROM lks_institution')).toEqual(before);
    expect((await ok(LKS, lks('SYNTHETIC'), admin)).provenance).toBe('SYNTHETIC');
    const bad = await call(LKS, lks('INVENTED'), admin);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives each fact event the provenance of its record, and each summary the count of its records by provenance', async () => {
    // Accreditation 2021: one decision by the unit, one loaded as generated.
    const institution = async (caller: typeof admin, provenance?: string) =>
      (
        await ok(
          LKS,
          {
            input: {
              unit: PADANG,
              name: 'LKS Sintetis 2021',
              kind: 'ELDERLY',
              province: 'Riau',
              regency: 'Kota Pekanbaru',
              provenance,
            },
          },
          caller,
        )
      ).id;
    const decide = (institutionId: string, caller: typeof admin, provenance?: string) =>
      ok(
        ACCREDIT,
        {
          input: {
            institutionId,
            visitDate: '2021-03-01',
            decidedOn: '2021-03-15',
            result: 'B',
            assessorTeam: ['Asesor Sintetis 1'],
            provenance,
          },
        },
        caller,
      );
    const own = await decide(await institution(operator), operator);
    const generated = await decide(await institution(admin, 'SYNTHETIC'), admin, 'SYNTHETIC');
    expect([own.provenance, generated.provenance]).toEqual(['OPERATIONAL', 'SYNTHETIC']);
    expect((await eventOf('training.accreditation.decided', 'assessmentId', own.id)).provenance).toBe('OPERATIONAL');
    expect((await eventOf('training.accreditation.decided', 'assessmentId', generated.id)).provenance).toBe(
      'SYNTHETIC',
    );

    // ATENSI 2021: one case loaded as a reconstruction.
    const opened = await ok(
      OPEN_CASE,
      {
        input: {
          unit: PADANG,
          serviceType: 'RESPON_KASUS',
          receivedOn: '2021-02-01',
          province: 'Sumatera Barat',
          regency: 'Kota Padang',
          provenance: 'RECONSTRUCTED',
        },
      },
      admin,
    );
    await ok(
      CLOSE_CASE,
      { input: { caseId: opened.id, closedOn: '2021-02-05', served: true, peopleServed: 3 } },
      admin,
    );
    expect((await eventOf('training.atensi.case-closed', 'caseId', opened.id)).provenance).toBe('RECONSTRUCTED');

    // Certification 2021: a session, a candidate and a result, all the unit's.
    const session = await ok(SESSION, {
      input: {
        unit: PADANG,
        name: 'Uji Kompetensi 2021',
        province: 'Sumatera Barat',
        regency: 'Kota Padang',
        startDate: '2021-05-05',
        endDate: '2021-05-07',
      },
    });
    const candidate = await ok(CANDIDATE, {
      input: {
        unit: PADANG,
        year: 2021,
        name: 'Asesi Sintetis Uji',
        category: 'TKS',
        originProvince: 'Sumatera Barat',
        originRegency: 'Kota Padang',
      },
    });
    const result = await ok(RESULT, {
      input: { sessionId: session.id, candidateId: candidate.id, result: 'KOMPETEN', assessedOn: '2021-05-06' },
    });
    expect([session.provenance, candidate.provenance, result.provenance]).toEqual([
      'OPERATIONAL',
      'OPERATIONAL',
      'OPERATIONAL',
    ]);
    expect((await eventOf('training.certification.assessed', 'assessmentId', result.id)).provenance).toBe(
      'OPERATIONAL',
    );

    const summaries = await call(
      `{ unit(code: "${PADANG}") {
          accreditationSummary(year: 2021) { assessed provenance { ${SUMMARY_FIELDS} } }
          atensiSummary(year: 2021) { cases provenance { ${SUMMARY_FIELDS} } byServiceType { serviceType provenance { records weakest } } }
          certificationSummary(year: 2021) { planned assessed provenance { ${SUMMARY_FIELDS} } }
          empty: accreditationSummary(year: 2022) { provenance { records weakest } } } }`,
      {},
    );
    expect(summaries.errors).toBeUndefined();
    const u = summaries.data.unit;
    expect(u.accreditationSummary).toEqual({
      assessed: 2,
      provenance: { operational: 1, reported: 0, reconstructed: 0, synthetic: 1, records: 2, weakest: 'SYNTHETIC' },
    });
    expect(u.atensiSummary.provenance).toEqual({
      operational: 0,
      reported: 0,
      reconstructed: 1,
      synthetic: 0,
      records: 1,
      weakest: 'RECONSTRUCTED',
    });
    expect(u.atensiSummary.byServiceType).toEqual([
      { serviceType: 'RESPON_KASUS', provenance: { records: 1, weakest: 'RECONSTRUCTED' } },
      { serviceType: 'TANGGAP_DARURAT_BENCANA', provenance: { records: 0, weakest: null } },
      { serviceType: 'DUKUNGAN_PSIKOSOSIAL', provenance: { records: 0, weakest: null } },
      { serviceType: 'SENTRA_KREASI_ATENSI', provenance: { records: 0, weakest: null } },
    ]);
    // The candidate and the result.
    expect(u.certificationSummary).toEqual({
      planned: 1,
      assessed: 1,
      provenance: { operational: 2, reported: 0, reconstructed: 0, synthetic: 0, records: 2, weakest: 'OPERATIONAL' },
    });
    expect(u.empty).toEqual({ provenance: { records: 0, weakest: null } });
  });

  it("carries a class's and its enrollments' provenance into the graduation, monitoring and closing events and the volumes", async () => {
    const programme = await ok(
      PROGRAMME,
      {
        input: {
          unit: PADANG,
          code: 'PPM-SIN',
          name: 'Pelatihan Sintetis',
          participantCategory: 'PM_KPM_PKH',
          provenance: 'SYNTHETIC',
        },
      },
      admin,
    );
    const cls = await ok(
      CLASS,
      {
        input: {
          programmeId: programme.id,
          province: 'Sumatera Barat',
          regency: 'Kota Padang',
          startDate: '2021-03-06',
          endDate: '2021-03-10',
          capacity: 3,
          targetParticipants: 3,
          provenance: 'SYNTHETIC',
        },
      },
      admin,
    );
    expect([programme.provenance, cls.provenance]).toEqual(['SYNTHETIC', 'SYNTHETIC']);
    const a = await ok(PARTICIPANT, { input: person('1371004101900011', 'Peserta Sintetis Asal Satu') });
    const b = await ok(
      PARTICIPANT,
      { input: { ...person('1371004101900012', 'Peserta Sintetis Asal Dua'), provenance: 'SYNTHETIC' } },
      admin,
    );
    expect([a.provenance, b.provenance]).toEqual(['OPERATIONAL', 'SYNTHETIC']);
    const ea = await ok(ENROLL, { input: { classId: cls.id, participantId: a.id } });
    const eb = await ok(ENROLL, { input: { classId: cls.id, participantId: b.id, provenance: 'SYNTHETIC' } }, admin);
    expect([ea.provenance, eb.provenance]).toEqual(['OPERATIONAL', 'SYNTHETIC']);

    await ok(`mutation($id: ID!) { startTrainingClass(classId: $id) { id: status } }`, { id: cls.id }, admin);
    for (const e of [ea, eb]) {
      await ok(`mutation($id: ID!) { markAttendance(enrollmentId: $id) { id } }`, { id: e.id }, admin);
      await ok(
        `mutation($input: RecordTestScoresInput!) { recordTestScores(input: $input) { id } }`,
        { input: { enrollmentId: e.id, preTestScore: 50, postTestScore: 90 } },
        admin,
      );
      await ok(
        `mutation($input: GraduateEnrollmentInput!) { graduateEnrollment(input: $input) { id } }`,
        { input: { enrollmentId: e.id } },
        admin,
      );
    }
    const monitored = await ok(
      `mutation($input: AssessAlumniInput!) { assessAlumni(input: $input) { id provenance } }`,
      {
        input: {
          enrollmentId: eb.id,
          assessedOn: '2021-06-01',
          marketingImproved: true,
          permitsObtained: false,
          quantityImproved: false,
          qualityImproved: false,
          provenance: 'SYNTHETIC',
        },
      },
      admin,
    );
    expect(monitored.provenance).toBe('SYNTHETIC');
    await ok(`mutation($id: ID!) { closeTrainingClass(classId: $id) { id } }`, { id: cls.id }, admin);

    expect((await eventOf('training.enrollment.graduated', 'enrollmentId', ea.id)).provenance).toBe('OPERATIONAL');
    expect((await eventOf('training.enrollment.graduated', 'enrollmentId', eb.id)).provenance).toBe('SYNTHETIC');
    expect((await eventOf('training.monitoring.assessed', 'monitoringId', monitored.id)).provenance).toBe('SYNTHETIC');
    expect((await eventOf('training.class.closed', 'classId', cls.id)).provenance).toBe('SYNTHETIC');

    const read = await call(
      `query($id: ID!) { trainingClass(id: $id) { provenance enrollmentCount graduateCount enrollmentProvenance { ${SUMMARY_FIELDS} } }
        unit(code: "${PADANG}") { trainingVolume(fromYear: 2021, toYear: 2021) { realized provenance { synthetic records weakest } byProgramme { programmeCode provenance { records weakest } } } } }`,
      { id: cls.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.trainingClass).toEqual({
      provenance: 'SYNTHETIC',
      enrollmentCount: 2,
      graduateCount: 2,
      enrollmentProvenance: {
        operational: 1,
        reported: 0,
        reconstructed: 0,
        synthetic: 1,
        records: 2,
        weakest: 'SYNTHETIC',
      },
    });
    // The volume is summed from classes: one, generated.
    expect(read.data.unit.trainingVolume).toEqual([
      {
        realized: 2,
        provenance: { synthetic: 1, records: 1, weakest: 'SYNTHETIC' },
        byProgramme: [{ programmeCode: 'PPM-SIN', provenance: { records: 1, weakest: 'SYNTHETIC' } }],
      },
    ]);
  });
});

describe('an embedded database from before the provenance column (SQLite)', () => {
  it('gets the seed its provenance back at startup, once, and leaves later records alone', async () => {
    const database = await memorySqliteDatabase(trainingService);
    const ds = database.dataSource;
    const logger = createLogger('test', 'silent');
    try {
      expect(await trainingService.seed(ds, logger)).toBe(true);
      const byProvenance = async () => {
        const out: Record<string, Record<string, number>> = {};
        for (const table of FACT_TABLES) {
          const rows: { provenance: string; n: number }[] = await ds.query(
            `SELECT provenance, COUNT(*) AS n FROM ${table} GROUP BY provenance ORDER BY provenance`,
          );
          out[table] = Object.fromEntries(rows.map((r) => [r.provenance, r.n]));
        }
        return out;
      };
      const seeded = await byProvenance();
      expect(seeded.accreditation_assessment).toEqual({ RECONSTRUCTED: 202 });
      expect(seeded.programme).toEqual({ RECONSTRUCTED: 2, REPORTED: 2 });

      // What synchronize leaves of a database seeded before the column: every row OPERATIONAL.
      for (const table of FACT_TABLES) await ds.query(`UPDATE ${table} SET provenance = 'OPERATIONAL'`);
      expect(await trainingService.seed(ds, logger)).toBe(false);
      expect(await byProvenance()).toEqual(seeded);

      // Once marked, a startup changes nothing, even a record an admin set against the marks.
      await ds.query(`UPDATE atensi_case SET provenance = 'REPORTED' WHERE id = 1`);
      await trainingService.seed(ds, logger);
      expect((await byProvenance()).atensi_case).toEqual({ RECONSTRUCTED: 39, REPORTED: 1 });
    } finally {
      await ds.destroy();
    }
  }, 120_000);
});
