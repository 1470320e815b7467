import ExcelJS from 'exceljs';
import { ImportJobEntity } from '../src/import/import.entity';
import { BANDUNG, callers, counts, PADANG, startTraining, type TrainingUnderTest } from './kesos.support';

const IMPORT = `mutation($input: ImportParticipantsInput!) { importParticipants(input: $input) { id status phase totalRows processedRows errorCount participantsCreated enrollmentsCreated message startedAt finishedAt errors(first: 200) { nodes { row column reason } pageInfo { hasNextPage } } } }`;
const JOB = `query($id: ID!) { importJob(id: $id) { status phase totalRows processedRows errorCount enrollmentsCreated } }`;
const HEADER = [
  'nik',
  'nama',
  'jenis kelamin',
  'tanggal lahir',
  'pendidikan',
  'kategori',
  'provinsi',
  'kabupaten/kota',
  'id angkatan',
];
const TABLES = ['participant', 'enrollment'];

/** Synthetic NIKs (district 00, which no real district has); day + 40 marks women. */
const nik = (i: number) =>
  `137100${String(41 + (i % 28)).padStart(2, '0')}${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}88${String(1 + Math.floor(i / 336)).padStart(4, '0')}`;
const row = (i: number, classId: string): string[] => [
  nik(i),
  `Peserta Sintetis Impor ${i}`,
  'P',
  '01/02/1988',
  'SMA',
  'PM/KPM PKH',
  'Sumatera Barat',
  'Kota Padang',
  classId,
];
const csv = (rows: string[][]) =>
  Buffer.from(
    [HEADER, ...rows]
      .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
      .join('\n'),
  ).toString('base64');

describe('bulk import of participants and enrollments (MariaDB)', () => {
  let t: TrainingUnderTest;
  const operator = callers.operator(PADANG);
  let open: string;
  let small: string;
  let closed: string;
  let bandungClass: string;
  let big: string;

  const createClass = async (unit: string, capacity: number, caller = operator) => {
    const p = await t.call(
      `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`,
      { input: { unit, code: `P${capacity}`, name: 'Program Uji Impor', participantCategory: 'PM_KPM_PKH' } },
      caller,
    );
    const c = await t.call(
      `mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { id } }`,
      {
        input: {
          programmeId: p.data.createProgramme.id,
          province: unit === PADANG ? 'Sumatera Barat' : 'Jawa Barat',
          regency: 'Kota Uji',
          startDate: '2023-05-01',
          endDate: '2023-05-05',
          capacity,
          targetParticipants: capacity,
        },
      },
      caller,
    );
    expect(c.errors).toBeUndefined();
    return c.data.createTrainingClass.id as string;
  };

  beforeAll(async () => {
    t = await startTraining('import', false);
    open = await createClass(PADANG, 50);
    small = await createClass(PADANG, 1);
    closed = await createClass(PADANG, 2);
    big = await createClass(PADANG, 6000);
    await t.call(`mutation { startTrainingClass(classId: "${closed}") { status } }`, {}, operator);
    await t.call(`mutation { closeTrainingClass(classId: "${closed}") { status } }`, {}, operator);
    bandungClass = await createClass(BANDUNG, 10, callers.admin());
    const other = await t.call(
      `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`,
      {
        input: {
          unit: BANDUNG,
          nik: nik(900),
          name: 'Peserta Sintetis Bandung',
          gender: 'FEMALE',
          birthDate: '1988-02-01',
          education: 'S1',
          category: 'TKSM',
        },
      },
      callers.admin(),
    );
    expect(other.errors).toBeUndefined();
  });
  afterAll(async () => t?.stop());

  it('a dry run of a file full of bad rows reports every row, with column and reason, and writes nothing', async () => {
    const before = await counts(t.database, TABLES);
    const bad: string[][] = [
      ['12345', 'Peserta Sintetis A', 'P', '1988-02-01', 'SMA', 'PM_KPM_PKH', '', '', open],
      [nik(1), '', 'P', '1988-02-01', 'SMA', 'PM_KPM_PKH', '', '', open],
      [nik(2), 'Peserta Sintetis C', 'X', '1988-02-01', 'SMA', 'PM_KPM_PKH', '', '', open],
      [nik(3), 'Peserta Sintetis D', 'P', '31/02/1988', 'SMA', 'PM_KPM_PKH', '', '', open],
      [nik(4), 'Peserta Sintetis E', 'P', '1988-02-01', 'Kuliah', 'PM_KPM_PKH', '', '', open],
      [nik(5), 'Peserta Sintetis F', 'P', '1988-02-01', 'SMA', 'Warga', '', '', open],
      [nik(6), 'Peserta Sintetis G', 'P', '1988-02-01', 'SMA', 'PM_KPM_PKH', '', '', 'angkatan satu'],
      [nik(7), 'Peserta Sintetis H', 'P', '1988-02-01', 'SMA', 'PM_KPM_PKH', '', '', '999999'],
      [nik(8), 'Peserta Sintetis I', 'P', '1988-02-01', 'SMA', 'PM_KPM_PKH', '', '', bandungClass],
      [nik(9), 'Peserta Sintetis J', 'P', '1988-02-01', 'SMA', 'PM_KPM_PKH', '', '', closed],
      [nik(900), 'Peserta Sintetis Bandung', 'P', '1988-02-01', 'S1', 'TKSM', '', '', open],
      [nik(10), 'Peserta Sintetis K', 'P', '1988-02-01', 'SMA', 'PM_KPM_PKH', '', '', small],
      [nik(11), 'Peserta Sintetis L', 'P', '1988-02-01', 'SMA', 'PM_KPM_PKH', '', '', small],
      [nik(10), 'Peserta Sintetis K', 'P', '1988-02-01', 'SMA', 'PM_KPM_PKH', '', '', small],
      [nik(10), 'Peserta Sintetis Lain', 'P', '1988-02-01', 'SMA', 'PM_KPM_PKH', '', '', open],
      ['1371004101880000', 'Peserta Sintetis M', 'L', '2999-01-01', 'SD', 'TKSP', '', '', '0'],
    ];
    const res = await t.call(
      IMPORT,
      { input: { unit: PADANG, format: 'CSV', contentBase64: csv(bad), dryRun: true } },
      operator,
    );
    expect(res.errors).toBeUndefined();
    const job = res.data.importParticipants;
    expect(job).toMatchObject({
      status: 'INVALID',
      phase: 'DONE',
      totalRows: 16,
      processedRows: 0,
      participantsCreated: 0,
      enrollmentsCreated: 0,
    });
    const errors: { row: number; column: string; reason: string }[] = job.errors.nodes;
    const good = new Set([13]); // row 13: the first of class "small"'s rows takes its one seat
    const bad_rows = new Set(errors.map((e) => e.row));
    for (let r = 2; r <= 17; r++) expect(bad_rows.has(r)).toBe(!good.has(r));
    const at = (r: number) => errors.filter((e) => e.row === r).map((e) => e.column);
    expect(at(2)).toEqual(['nik']);
    expect(at(3)).toEqual(['nama']);
    expect(at(4)).toEqual(['jenis kelamin']);
    expect(at(5)).toEqual(['tanggal lahir']);
    expect(at(6)).toEqual(['pendidikan']);
    expect(at(7)).toEqual(['kategori']);
    for (const r of [8, 9, 10, 11, 14]) expect(at(r)).toEqual(['id angkatan']);
    for (const r of [12, 15, 16]) expect(at(r)).toEqual(['nik']);
    expect(at(17).sort()).toEqual(['id angkatan', 'nik', 'tanggal lahir']);
    expect(errors.find((e) => e.row === 14)!.reason).toContain('full');
    // The person is another unit's: the operator learns that, not which unit.
    expect(errors.find((e) => e.row === 12)!.reason).toBe(
      `this NIK is already in the national registry, registered by another unit; an admin can enroll that person in a class of ${PADANG}`,
    );
    for (const e of errors) expect(e.reason).not.toContain(BANDUNG);
    expect(job.errorCount).toBe(errors.length);
    expect(await counts(t.database, TABLES)).toEqual(before);
  });

  it('reports missing columns and unreadable files on row 1', async () => {
    const noClass = Buffer.from('nik,nama\n1371004101880001,Peserta Sintetis\n').toString('base64');
    const a = (
      await t.call(IMPORT, { input: { unit: PADANG, format: 'CSV', contentBase64: noClass, dryRun: true } }, operator)
    ).data.importParticipants;
    expect(a.status).toBe('INVALID');
    expect(a.errors.nodes.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '1:gender',
      '1:birthDate',
      '1:education',
      '1:category',
      '1:classId',
    ]);
    const garbage = (
      await t.call(IMPORT, { input: { unit: PADANG, format: 'XLSX', contentBase64: noClass, dryRun: true } }, operator)
    ).data.importParticipants;
    expect(garbage).toMatchObject({ status: 'INVALID', errors: { nodes: [{ row: 1, column: '(file)' }] } });
    const notBase64 = await t.call(
      IMPORT,
      { input: { unit: PADANG, format: 'CSV', contentBase64: 'not base64!', dryRun: true } },
      operator,
    );
    expect(notBase64.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentBase64' });
    const viewer = await t.call(
      IMPORT,
      { input: { unit: PADANG, format: 'CSV', contentBase64: noClass, dryRun: true } },
      callers.viewer(PADANG),
    );
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('imports all rows or none', async () => {
    const before = await counts(t.database, TABLES);
    const rows = [
      row(100, open),
      row(101, open),
      row(102, open),
      [...row(103, open).slice(0, 4), 'SMA', 'PM_KPM_PKH', '', '', closed],
    ];
    const refused = (
      await t.call(
        IMPORT,
        { input: { unit: PADANG, format: 'CSV', contentBase64: csv(rows), dryRun: false } },
        operator,
      )
    ).data.importParticipants;
    expect(refused).toMatchObject({
      status: 'INVALID',
      errorCount: 1,
      participantsCreated: 0,
      enrollmentsCreated: 0,
      errors: { nodes: [{ row: 5, column: 'id angkatan' }] },
    });
    expect(await counts(t.database, TABLES)).toEqual(before);
    // The same people again, fixed; one already registered (row 2 of a second class) is enrolled, not created again.
    const fixed = [row(100, open), row(101, open), row(102, open), row(103, open), row(100, big)];
    const done = (
      await t.call(
        IMPORT,
        { input: { unit: PADANG, format: 'CSV', contentBase64: csv(fixed), dryRun: false } },
        operator,
      )
    ).data.importParticipants;
    expect(done).toMatchObject({
      status: 'IMPORTED',
      totalRows: 5,
      processedRows: 5,
      errorCount: 0,
      participantsCreated: 4,
      enrollmentsCreated: 5,
    });
    expect(await counts(t.database, TABLES)).toEqual({
      ...before,
      participant: before.participant + 4,
      enrollment: before.enrollment + 5,
    });
    const again = (
      await t.call(
        IMPORT,
        { input: { unit: PADANG, format: 'CSV', contentBase64: csv([row(100, open)]), dryRun: true } },
        operator,
      )
    ).data.importParticipants;
    expect(again.errors.nodes[0].reason).toContain('already enrolled');
    const list = await t.call(
      `query($q: String) { participants(unit: "${PADANG}", search: $q) { nodes { nik name birthDate category enrollments { status } } } }`,
      { q: nik(100) },
      callers.admin(),
    );
    expect(list.data.participants.nodes).toEqual([
      {
        nik: nik(100),
        name: 'Peserta Sintetis Impor 100',
        birthDate: '1988-02-01',
        category: 'PM_KPM_PKH',
        enrollments: [{ status: 'REGISTERED' }, { status: 'REGISTERED' }],
      },
    ]);
  });

  it('reads XLSX with text NIKs and date cells, and refuses NIKs Excel stored as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Peserta');
    sheet.addRow([
      'NIK',
      'Nama Lengkap',
      'JK',
      'Tgl Lahir',
      'Pendidikan Terakhir',
      'Kategori Peserta',
      'Provinsi',
      'Kab/Kota',
      'ID Angkatan',
    ]);
    sheet.addRow([
      nik(200),
      'Peserta Sintetis Excel',
      'L',
      new Date(Date.UTC(1988, 1, 1)),
      'S-1',
      'pendamping pkh',
      'Sumatera Barat',
      'Kota Padang',
      Number(open),
    ]);
    sheet.addRow([Number(nik(201)), 'Peserta Sintetis Angka', 'P', '1988-02-01', 'D3', 'TKSM', '', '', Number(open)]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const dry = (
      await t.call(IMPORT, { input: { unit: PADANG, format: 'XLSX', contentBase64: content, dryRun: true } }, operator)
    ).data.importParticipants;
    expect(dry.status).toBe('INVALID');
    expect(dry.errors.nodes).toEqual([{ row: 3, column: 'NIK', reason: expect.stringContaining('as text') }]);
    sheet.spliceRows(3, 1);
    const ok = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const done = (await t.call(IMPORT, { input: { unit: PADANG, format: 'XLSX', contentBase64: ok } }, operator)).data
      .importParticipants;
    expect(done).toMatchObject({ status: 'IMPORTED', participantsCreated: 1, enrollmentsCreated: 1 });
    const p = await t.call(
      `query($q: String) { participants(unit: "${PADANG}", search: $q) { nodes { gender birthDate education category } } }`,
      { q: nik(200) },
      operator,
    );
    expect(p.data.participants.nodes).toEqual([
      { gender: 'MALE', birthDate: '1988-02-01', education: 'S1', category: 'PENDAMPING_PKH' },
    ]);
  });

  it('reports an import whose process stopped as FAILED, not RUNNING forever; a live one stays RUNNING', async () => {
    const jobs = t.database.dataSource.getRepository(ImportJobEntity);
    const base = {
      unitCode: PADANG,
      format: 'CSV' as const,
      dryRun: false,
      status: 'RUNNING' as const,
      phase: 'WRITING' as const,
      totalRows: 10,
      processedRows: 4,
      requestedBy: 'test',
      message: null,
      finishedAt: null,
    };
    const cut = await jobs.save(jobs.create({ ...base, heartbeatAt: new Date(Date.now() - 5 * 60_000) }));
    const live = await jobs.save(jobs.create({ ...base, heartbeatAt: new Date() }));
    const STATUS = `query($id: ID!) { importJob(id: $id) { status phase message } }`;
    expect((await t.call(STATUS, { id: String(cut.id) }, operator)).data.importJob).toEqual({
      status: 'FAILED',
      phase: 'DONE',
      message: expect.stringContaining('wrote nothing; run it again'),
    });
    expect(await jobs.findOneBy({ id: cut.id })).toMatchObject({ status: 'FAILED' });
    expect((await t.call(STATUS, { id: String(live.id) }, operator)).data.importJob).toMatchObject({
      status: 'RUNNING',
      phase: 'WRITING',
    });
    await jobs.delete([cut.id, live.id]);
  });

  it('runs a large file in the background with progress that can be followed', async () => {
    const n = 5000;
    const rows = Array.from({ length: n }, (_, i) => row(1000 + i, big));
    const started = Date.now();
    const res = await t.call(
      IMPORT,
      { input: { unit: PADANG, format: 'CSV', contentBase64: csv(rows), background: true } },
      operator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.importParticipants.status).toBe('RUNNING');
    const seen: { status: string; phase: string; processedRows: number; totalRows: number }[] = [];
    let job;
    do {
      await new Promise((r) => setTimeout(r, 50));
      job = (await t.call(JOB, { id: res.data.importParticipants.id }, callers.viewer(PADANG))).data.importJob;
      seen.push(job);
    } while (job.status === 'RUNNING');
    const ms = Date.now() - started;
    expect(job).toMatchObject({
      status: 'IMPORTED',
      totalRows: n,
      processedRows: n,
      enrollmentsCreated: n,
      errorCount: 0,
    });
    const processed = seen.map((s) => s.processedRows);
    expect(processed).toEqual([...processed].sort((x, y) => x - y));
    // While it runs, the job already tells how many rows the file has and where it is.
    expect(
      seen.some((s) => s.status === 'RUNNING' && s.totalRows === n && ['CHECKING', 'WRITING'].includes(s.phase)),
    ).toBe(true);
    // Timing of a test-sized file; the service logs its phases ("import finished": parseMs, checkMs, writeMs).
    console.log(`import of ${n} rows (CSV) through GraphQL, MariaDB: ${ms} ms`);
    expect(ms).toBeLessThan(30_000);
    expect(
      (await t.call(JOB, { id: res.data.importParticipants.id }, callers.viewer(BANDUNG))).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });
});
