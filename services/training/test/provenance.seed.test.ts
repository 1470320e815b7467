import { PADANG_CAMPUSES, PADANG_PPNPN_BY_JOB } from '../src/seed/campuses.seed';
import { PADANG_STAFF, PADANG_WORK_AREA, UNITS } from '../src/seed/units.seed';
import { BANDUNG, callers, PADANG, startTraining, type TrainingUnderTest } from './kesos.support';

const TABLES = [
  'programme',
  'training_class',
  'participant',
  'enrollment',
  'alumni_monitoring',
  'certification_candidate',
  'certification_session',
  'certification_assessment',
  'lks_institution',
  'accreditation_assessment',
  'atensi_case',
  // The unit profile, which the report prints line by line.
  'unit',
  'work_area_province',
  'staff_count',
  'campus',
  'facility',
  'staff_job_count',
];

/** Graduates of the seeded classes, 2018-2022 (trainings.plan.ts): one person and one enrollment each. */
const SEEDED_PEOPLE = 792 + 4636 + 1852 + 2000 + 90 + 1600 + 800 + 390;

/** The seed as the 2022 report's records: what each table holds, by provenance. */
const SEED: Record<string, Record<string, number>> = {
  programme: { REPORTED: 2, RECONSTRUCTED: 2 },
  training_class: { RECONSTRUCTED: 27 + 116 + 62 + 53 + 60 + 13 },
  participant: { RECONSTRUCTED: SEEDED_PEOPLE },
  enrollment: { RECONSTRUCTED: SEEDED_PEOPLE },
  alumni_monitoring: { RECONSTRUCTED: 390 },
  certification_candidate: { RECONSTRUCTED: 3000 },
  certification_session: { RECONSTRUCTED: 24 },
  certification_assessment: { RECONSTRUCTED: 2987 },
  lks_institution: { RECONSTRUCTED: 202 },
  accreditation_assessment: { RECONSTRUCTED: 202 },
  atensi_case: { RECONSTRUCTED: 40 },
  unit: { REPORTED: UNITS.length },
  work_area_province: { REPORTED: PADANG_WORK_AREA.length },
  staff_count: { REPORTED: PADANG_STAFF.length },
  campus: { REPORTED: PADANG_CAMPUSES.length },
  facility: { REPORTED: PADANG_CAMPUSES.reduce((n, c) => n + c.facilities.length, 0) },
  staff_job_count: { REPORTED: PADANG_PPNPN_BY_JOB.length },
};

describe('provenance of the 2022 report seed, its events and figures, and the migration that backfills it (MariaDB)', () => {
  let t: TrainingUnderTest;
  const q = (sql: string, params?: unknown[]) => t.database.dataSource.query(sql, params);
  const byProvenance = async () => {
    const out: Record<string, Record<string, number>> = {};
    for (const table of TABLES) {
      const rows: { provenance: string; n: string | number }[] = await q(
        `SELECT provenance, COUNT(*) AS n FROM \`${table}\` GROUP BY provenance ORDER BY provenance`,
      );
      out[table] = Object.fromEntries(rows.map((r) => [r.provenance, Number(r.n)]));
    }
    return out;
  };

  beforeAll(async () => {
    t = await startTraining('provseed', true);
    // Only the records matter here; the outbox stays unpublished so its rows can be read.
    await t.running.relay.stop();
  }, 180_000);
  afterAll(async () => t?.stop());

  it('marks every seeded record REPORTED or RECONSTRUCTED, the programmes the report describes REPORTED', async () => {
    expect(await byProvenance()).toEqual(SEED);
    const programmes: { code: string; provenance: string }[] = await q(
      'SELECT code, provenance FROM programme ORDER BY code',
    );
    expect(programmes).toEqual([
      { code: 'DIKLAT-KESOS', provenance: 'RECONSTRUCTED' },
      { code: 'DIKLAT-PKH', provenance: 'RECONSTRUCTED' },
      { code: 'PPM', provenance: 'REPORTED' },
      { code: 'PPPS', provenance: 'REPORTED' },
    ]);
  });

  it("answers every statistics row with its records' provenance, read from the rollups", async () => {
    const EVIDENCE = 'evidence { operational reported reconstructed synthetic records weakest }';
    const filter = { fromYear: 2022, toYear: 2022, units: [PADANG] };
    const r = await t.call(
      `query($filter: TrainingStatsFilter, $c: CertificationStatsFilter, $a: AccreditationStatsFilter, $s: AtensiStatsFilter) {
        trainingStats(filter: $filter, groupBy: [PROGRAMME]) { programmeCode enrolled ${EVIDENCE} }
        total: trainingStats(filter: $filter) { enrolled ${EVIDENCE} }
        certificationStats(filter: $c) { candidates ${EVIDENCE} }
        accreditationStats(filter: $a) { assessed ${EVIDENCE} }
        atensiStats(filter: $s) { cases ${EVIDENCE} }
      }`,
      { filter, c: filter, a: filter, s: filter },
      callers.analyst(),
    );
    expect(r.errors).toBeUndefined();
    // The seed made every 2022 record to add up to a printed total: nothing there is evidence.
    const reconstructed = (n: number) => ({
      operational: 0,
      reported: 0,
      reconstructed: n,
      synthetic: 0,
      records: n,
      weakest: 'RECONSTRUCTED',
    });
    expect(r.data.trainingStats).toEqual([
      { programmeCode: 'PPM', enrolled: 390, evidence: reconstructed(390) },
      { programmeCode: 'PPPS', enrolled: 2400, evidence: reconstructed(2400) },
    ]);
    expect(r.data.total).toEqual([{ enrolled: 2790, evidence: reconstructed(2790) }]);
    expect(r.data.certificationStats).toEqual([{ candidates: 3000, evidence: reconstructed(3000) }]);
    expect(r.data.accreditationStats).toEqual([{ assessed: 202, evidence: reconstructed(202) }]);
    expect(r.data.atensiStats).toEqual([{ cases: 40, evidence: reconstructed(40) }]);
  });

  it('answers the unit profile records REPORTED, as the report prints them', async () => {
    const r = await t.call(
      `query($code: ID!) { unit(code: $code) { provenance workArea { provenance } staffComposition { provenance }
        staffByJob { provenance } campuses { provenance facilities { provenance } } } units { provenance } }`,
      { code: PADANG },
      callers.viewer(PADANG),
    );
    expect(r.errors).toBeUndefined();
    const u = r.data.unit;
    const all = [
      u,
      ...u.workArea,
      ...u.staffComposition,
      ...u.staffByJob,
      ...u.campuses,
      ...u.campuses.flatMap((c: { facilities: unknown[] }) => c.facilities),
      ...r.data.units,
    ] as { provenance: string }[];
    expect(all.length).toBeGreaterThan(UNITS.length + PADANG_CAMPUSES.length);
    expect(new Set(all.map((x) => x.provenance))).toEqual(new Set(['REPORTED']));
  });

  it("writes the records' provenance into every seeded fact event", async () => {
    const rows: { subject: string; n: string | number; reconstructed: string | number }[] = await q(
      `SELECT subject, COUNT(*) AS n, SUM(CASE WHEN envelope LIKE '%"provenance":"RECONSTRUCTED"%' THEN 1 ELSE 0 END) AS reconstructed
       FROM outbox_event GROUP BY subject ORDER BY subject`,
    );
    expect(rows.map((r) => [r.subject, Number(r.n), Number(r.reconstructed)])).toEqual([
      ['training.accreditation.decided', 202, 202],
      ['training.atensi.case-closed', 40, 40],
      ['training.certification.assessed', 2987, 2987],
      ['training.class.closed', 73, 73],
      ['training.enrollment.graduated', 2790, 2790],
      ['training.monitoring.assessed', 390, 390],
      // Not a fact: the unit directory carries no provenance.
      ['training.unit.registered', 8, 0],
    ]);
  });

  it('says that the 2022 results and the 2018-2022 volumes are derived from reconstructed records', async () => {
    const res = await t.call(
      `{ unit(code: "${PADANG}") {
          accreditationSummary(year: 2022) { assessed accredited provenance { reconstructed records weakest } }
          certificationSummary(year: 2022) { planned assessed competent provenance { reconstructed records weakest } }
          atensiSummary(year: 2022) { cases peopleServed provenance { reconstructed records weakest } }
          trainingVolume(fromYear: 2018, toYear: 2022) { year realized provenance { reconstructed records weakest } }
        }
        trainingClasses(unit: "${PADANG}", year: 2022, first: 2) { nodes { provenance graduateCount enrollmentProvenance { reconstructed records weakest } } } }`,
      {},
      callers.viewer(PADANG),
    );
    expect(res.errors).toBeUndefined();
    const u = res.data.unit;
    const reconstructed = (n: number) => ({ reconstructed: n, records: n, weakest: 'RECONSTRUCTED' });
    expect(u.accreditationSummary).toEqual({ assessed: 202, accredited: 171, provenance: reconstructed(202) });
    // 3,000 candidates and 2,987 results.
    expect(u.certificationSummary).toEqual({
      planned: 3000,
      assessed: 2987,
      competent: 2899,
      provenance: reconstructed(5987),
    });
    expect(u.atensiSummary).toEqual({ cases: 40, peopleServed: 209, provenance: reconstructed(40) });
    // Classes per year: the volume is summed from them.
    expect(u.trainingVolume).toEqual([
      { year: 2018, realized: 792, provenance: reconstructed(27) },
      { year: 2019, realized: 4636, provenance: reconstructed(116) },
      { year: 2020, realized: 1852, provenance: reconstructed(62) },
      { year: 2021, realized: 2090, provenance: reconstructed(53) },
      { year: 2022, realized: 2790, provenance: reconstructed(73) },
    ]);
    expect(res.data.trainingClasses.nodes).toEqual([
      { provenance: 'RECONSTRUCTED', graduateCount: 40, enrollmentProvenance: reconstructed(40) },
      { provenance: 'RECONSTRUCTED', graduateCount: 40, enrollmentProvenance: reconstructed(40) },
    ]);
  });

  it('counts provenance in the statements that compute the figures: no statement more, as many for 40 classes or 5 years as for 2 or 1', async () => {
    const measure = (query: string) => t.running.queries.measure(() => t.call(query, {}, callers.viewer(PADANG)));
    const classes = (first: number, provenance: boolean) =>
      measure(
        `{ trainingClasses(unit: "${PADANG}", year: 2022, first: ${first}) { nodes { graduateCount ${provenance ? 'enrollmentProvenance { records }' : ''} } } }`,
      );
    const plain = await classes(2, false);
    const two = await classes(2, true);
    const forty = await classes(40, true);
    expect(forty.result.data.trainingClasses.nodes).toHaveLength(40);
    expect([two.queries, forty.queries]).toEqual([plain.queries, plain.queries]);

    const figures = (years: number[], provenance: boolean) =>
      measure(
        `{ unit(code: "${PADANG}") { ${years
          .map(
            (y) =>
              `c${y}: certificationSummary(year: ${y}) { assessed ${provenance ? 'provenance { records }' : ''} }
               a${y}: accreditationSummary(year: ${y}) { assessed ${provenance ? 'provenance { records }' : ''} }
               t${y}: atensiSummary(year: ${y}) { cases ${provenance ? 'provenance { records }' : ''} }`,
          )
          .join(' ')}
          trainingVolume(fromYear: ${years[0]}, toYear: ${years[years.length - 1]}) { realized ${provenance ? 'provenance { records }' : ''} } } }`,
      );
    const bare = await figures([2022], false);
    const one = await figures([2022], true);
    const five = await figures([2018, 2019, 2020, 2021, 2022], true);
    expect(five.result.errors).toBeUndefined();
    expect(five.result.data.unit.c2022.provenance.records).toBe(5987);
    expect([one.queries, five.queries]).toEqual([bare.queries, bare.queries]);

    // The statistics read evidence from the rollups' counters, in the statements that sum the figures.
    const stats = (evidence: boolean) =>
      measure(
        `{ ${['trainingStats', 'certificationStats', 'accreditationStats', 'atensiStats']
          .map((q) => `${q}(groupBy: [YEAR]) { year ${evidence ? 'evidence { records weakest }' : ''} }`)
          .join(' ')} }`,
      );
    const without = await stats(false);
    const withEvidence = await stats(true);
    expect(withEvidence.result.errors).toBeUndefined();
    expect(withEvidence.queries).toBe(without.queries);
  });

  it('gives the migration, run over a database seeded before the column, back every provenance, and leaves the API writes OPERATIONAL', async () => {
    const admin = callers.admin();
    const lks = `mutation($input: RegisterLksInstitutionInput!) { registerLksInstitution(input: $input) { id } }`;
    const decide = `mutation($input: RecordAccreditationInput!) { recordAccreditation(input: $input) { id } }`;
    const openCase = `mutation($input: OpenAtensiCaseInput!) { openAtensiCase(input: $input) { id } }`;
    const write = async (query: string, input: Record<string, unknown>, caller = callers.operator(PADANG)) => {
      const res = await t.call(query, { input }, caller);
      expect(res.errors).toBeUndefined();
      return Object.values(res.data as Record<string, { id: string }>)[0].id;
    };
    // The centre's own work, and what the generator writes into another unit (marked "Sintetis").
    const own = await write(lks, {
      unit: PADANG,
      name: 'Panti Asuhan Uji Provenance',
      kind: 'CHILDREN',
      province: 'Sumatera Barat',
      regency: 'Kota Padang',
    });
    await write(decide, {
      institutionId: own,
      visitDate: '2023-03-01',
      decidedOn: '2023-03-10',
      result: 'A',
      assessorTeam: ['Asesor Uji'],
    });
    const generated = await write(
      lks,
      {
        unit: BANDUNG,
        name: `LKS Sintetis ${BANDUNG} 2023 001`,
        kind: 'ELDERLY',
        province: 'Jawa Barat',
        regency: 'Kabupaten Sintetis',
        provenance: 'SYNTHETIC',
      },
      admin,
    );
    await write(
      decide,
      {
        institutionId: generated,
        visitDate: '2023-03-01',
        decidedOn: '2023-03-10',
        result: 'B',
        assessorTeam: ['Asesor Sintetis 1'],
        provenance: 'SYNTHETIC',
      },
      admin,
    );
    await write(
      openCase,
      {
        unit: BANDUNG,
        serviceType: 'RESPON_KASUS',
        receivedOn: '2023-02-01',
        province: 'Jawa Barat',
        regency: 'Kabupaten Sintetis',
        description: 'Kasus sintetis',
        provenance: 'SYNTHETIC',
      },
      admin,
    );
    // A unit registered at work keeps OPERATIONAL through the profile's backfill.
    const registered = await t.call(
      `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { code provenance } }`,
      { input: { code: 'BBPPKS-UJI-OPERASIONAL', name: 'Balai Uji Operasional' } },
      admin,
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerUnit.provenance).toBe('OPERATIONAL');
    const before = await byProvenance();
    expect(before.unit).toEqual({ OPERATIONAL: 1, REPORTED: UNITS.length });
    expect(before.lks_institution).toEqual({ OPERATIONAL: 1, RECONSTRUCTED: 202, SYNTHETIC: 1 });
    expect(before.accreditation_assessment).toEqual({ OPERATIONAL: 1, RECONSTRUCTED: 202, SYNTHETIC: 1 });
    expect(before.atensi_case).toEqual({ RECONSTRUCTED: 40, SYNTHETIC: 1 });

    // Back to the schema before the column (the rows stay), then forward again: the unit
    // profile's column (UnitProfileProvenance1797000000000) and the rollups' per-provenance
    // counters (StatsProvenance1796900000000) go first.
    for (let i = 0; i < 3; i++) await t.database.dataSource.undoLastMigration({ transaction: 'each' });
    const columns: unknown[] = await q(
      `SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'provenance'`,
    );
    expect(columns).toEqual([]);
    const applied = await t.database.dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual([
      'Provenance1796800000000',
      'StatsProvenance1796900000000',
      'UnitProfileProvenance1797000000000',
    ]);
    expect(await byProvenance()).toEqual(before);
    // The rollups were recomputed with their records' provenance: all units, every year.
    const total = await t.call(
      `{ trainingStats { enrolled evidence { operational reconstructed synthetic records } }
         accreditationStats { assessed evidence { operational reconstructed synthetic records } }
         atensiStats { cases evidence { operational reconstructed synthetic records } } }`,
      {},
      admin,
    );
    expect(total.errors).toBeUndefined();
    const enrollments = before.enrollment;
    expect(total.data.trainingStats[0].evidence).toEqual({
      operational: enrollments.OPERATIONAL ?? 0,
      reconstructed: enrollments.RECONSTRUCTED ?? 0,
      synthetic: enrollments.SYNTHETIC ?? 0,
      records: total.data.trainingStats[0].enrolled,
    });
    expect(total.data.accreditationStats[0].evidence).toEqual({
      operational: 1,
      reconstructed: 202,
      synthetic: 1,
      records: 204,
    });
    expect(total.data.atensiStats[0].evidence).toEqual({
      operational: 0,
      reconstructed: 40,
      synthetic: 1,
      records: 41,
    });
  }, 120_000);
});
