import { NatsEventBus } from '@kesos/infra';
import {
  callers,
  callSubgraph,
  dropTestDatabase,
  freePort,
  migratedMysqlDatabase,
  TEST_MYSQL_URL,
  TEST_NATS_URL,
  TEST_SECRETS,
  testDatabaseName,
  until,
} from '@kesos/infra/testing';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainingService } from '../src';
import { PADANG, unitsOnly } from './kesos.support';

/**
 * The training subgraph as its own process (the built services/training/dist/main.js, as
 * `npm run start:services` runs it) under a small heap, fed registration lists of 30 MB.
 */
const HEAP_MB = 512;
const PREFIX = testDatabaseName('importmem');
const ROWS = 270_000;
const IMPORT = `mutation($input: ImportParticipantsInput!) { importParticipants(input: $input) { id status } }`;
const JOB = `query($id: ID!) { importJob(id: $id) { status totalRows errorCount message errors(first: 1) { nodes { row column reason } } } }`;

const nik = (i: number) =>
  `137100${String(41 + (i % 28)).padStart(2, '0')}${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}88${String(1 + Math.floor(i / 336)).padStart(4, '0')}`;
const HEADER = 'nik,nama,jenis kelamin,tanggal lahir,pendidikan,kategori,provinsi,kabupaten/kota,id angkatan';
/** Every row is well-formed; by default each names class 999999, which does not exist: one problem per row. */
function bigCsv(rows: number, classOf: (i: number) => string = () => '999999'): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${nik(i)},Peserta Sintetis Impor Memori ${String(i).padStart(6, '0')},P,01/02/1988,SMA,PM/KPM PKH,Sumatera Barat,Kota Padang,${classOf(i)}`,
    );
  return Buffer.from(lines.join('\n')).toString('base64');
}

/** Peak resident memory of a process so far (Linux), in MB. */
function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

describe(`bulk import memory: the training process under a ${HEAP_MB} MB heap`, () => {
  let child: ChildProcess;
  let url: string;
  let exited: string | null = null;
  let stderr = '';
  const namespace = `t_importmem_${randomBytes(4).toString('hex')}`;
  const operator = callers.operator(PADANG);
  const secondOperator = { subject: 'test-operator-2', role: 'operator' as const, unit: PADANG };
  const thirdOperator = { subject: 'test-operator-3', role: 'operator' as const, unit: PADANG };
  const call = (query: string, variables: Record<string, unknown>, caller: typeof operator) =>
    callSubgraph<Record<string, { id: string; status: string }>>(url, query, variables, {
      caller,
      secret: TEST_SECRETS.internalSecret,
    });

  beforeAll(async () => {
    const db = await migratedMysqlDatabase(trainingService, `${PREFIX}_training`);
    await unitsOnly(db.dataSource);
    await db.dataSource.destroy();

    const port = await freePort();
    url = `http://127.0.0.1:${port}/graphql`;
    child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, join(__dirname, '..', 'dist', 'main.js')], {
      env: {
        ...process.env,
        PORT: String(port),
        MYSQL_URL: TEST_MYSQL_URL,
        DATABASE_PREFIX: PREFIX,
        NATS_URL: TEST_NATS_URL,
        NATS_NAMESPACE: namespace,
        JWT_SECRET: TEST_SECRETS.jwtSecret,
        INTERNAL_SECRET: TEST_SECRETS.internalSecret,
        PERSONAL_DATA_KEY: TEST_SECRETS.personalDataKey,
        LOG_LEVEL: 'error',
        // A 30 MB file travels as 40 MB of base64, above the default body limit.
        MAX_REQUEST_BYTES: String(64 * 1024 * 1024),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('exit', (code, signal) => (exited = `exited with code ${code} signal ${signal}: ${stderr}`));
    await until(
      'the training process ready',
      async () => {
        if (exited) throw new Error(`the training process ${exited}`);
        return fetch(url.replace(/graphql$/, 'readyz')).then(
          (r) => r.ok,
          () => false,
        );
      },
      60_000,
      200,
    );
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
    // The process's streams live on the shared NATS server; nothing else removes them.
    const bus = await NatsEventBus.connect(TEST_NATS_URL, undefined, { namespace });
    await bus.deleteNamespaceStreams();
    await bus.close();
    await dropTestDatabase(`${PREFIX}_training`);
  }, 60_000);

  const content = bigCsv(ROWS);
  const megabytes = (content.length * 3) / 4 / 1024 / 1024;
  const small = Buffer.from(
    `${HEADER}\n${nik(1)},Peserta Sintetis Kecil,P,01/02/1988,SMA,PM/KPM PKH,,,999999`,
  ).toString('base64');
  type Job = {
    status: string;
    totalRows: number;
    errorCount: number;
    message: string;
    errors: { nodes: { row: number; column: string; reason: string }[] };
  };
  const expectChecked = (job: Job) => {
    expect(job).toMatchObject({ status: 'INVALID', totalRows: ROWS, errorCount: ROWS });
    expect(job.message).toBe(
      `${ROWS} rows have problems; nothing was written; the first 1,000 of ${ROWS.toLocaleString('en-US')} problems are listed`,
    );
    expect(job.errors.nodes[0]).toEqual({
      row: 2,
      column: 'id angkatan',
      reason: 'there is no class 999999 of BBPPKS-PADANG',
    });
  };

  it('answers a dry run of a 30 MB list, every row counted and the first 1,000 problems listed', async () => {
    expect(megabytes).toBeGreaterThan(29);
    const started = Date.now();
    const res = await callSubgraph<{ importParticipants: Job }>(
      url,
      IMPORT.replace(
        '{ id status }',
        '{ status totalRows errorCount message errors(first: 1) { nodes { row column reason } } }',
      ),
      { input: { unit: PADANG, format: 'CSV', contentBase64: content, dryRun: true } },
      { caller: operator, secret: TEST_SECRETS.internalSecret },
    ).catch((err: unknown) => {
      throw new Error(
        `no answer (${err instanceof Error ? err.message : String(err)}); the training process ${exited ?? 'is still running'}`,
      );
    });
    expect(res.errors).toBeUndefined();
    expectChecked(res.data!.importParticipants);
    console.log(
      `one dry run of a ${megabytes.toFixed(1)} MB CSV (${ROWS} rows) under --max-old-space-size=${HEAP_MB}: ${((Date.now() - started) / 1000).toFixed(1)} s, peak RSS so far ${peakRssMb(child.pid!)} MB`,
    );
    expect(exited).toBeNull();
  }, 180_000);

  it('checks two 30 MB lists at once, refuses a third import and a second one of the same caller with TOO_MANY_REQUESTS, and stays up', async () => {
    const started = Date.now();
    const first = await call(
      IMPORT,
      { input: { unit: PADANG, format: 'CSV', contentBase64: content, dryRun: true, background: true } },
      operator,
    );
    expect(first.errors).toBeUndefined();
    const second = await call(
      IMPORT,
      { input: { unit: PADANG, format: 'CSV', contentBase64: content, dryRun: true, background: true } },
      secondOperator,
    );
    expect(second.errors).toBeUndefined();

    const sameCaller = await call(
      IMPORT,
      { input: { unit: PADANG, format: 'CSV', contentBase64: small, dryRun: true } },
      operator,
    );
    expect(sameCaller.errors?.[0]).toMatchObject({
      message: expect.stringContaining('you already have 1 import running'),
      extensions: { code: 'TOO_MANY_REQUESTS', scope: 'caller', limit: 1 },
    });
    const third = await call(
      IMPORT,
      { input: { unit: PADANG, format: 'CSV', contentBase64: small, dryRun: true } },
      thirdOperator,
    );
    expect(third.errors?.[0]).toMatchObject({
      message: expect.stringContaining('2 imports are running on this service'),
      extensions: { code: 'TOO_MANY_REQUESTS', scope: 'service', limit: 2 },
    });

    const done: Job[] = [];
    for (const id of [first.data!.importParticipants.id, second.data!.importParticipants.id]) {
      for (;;) {
        if (exited) throw new Error(`the training process ${exited}`);
        const job = (
          await callSubgraph<{ importJob: Job }>(
            url,
            JOB,
            { id },
            { caller: operator, secret: TEST_SECRETS.internalSecret },
          )
        ).data!.importJob;
        if (job.status !== 'RUNNING') {
          done.push(job);
          break;
        }
        if (Date.now() - started > 300_000) throw new Error('the imports did not finish within 5 minutes');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    const seconds = (Date.now() - started) / 1000;
    for (const job of done) expectChecked(job);
    console.log(
      `two concurrent dry runs of ${megabytes.toFixed(1)} MB CSVs (${ROWS} rows each) under --max-old-space-size=${HEAP_MB}: ${seconds.toFixed(1)} s, peak RSS ${peakRssMb(child.pid!)} MB`,
    );

    // The slots are free again once the imports are done.
    const after = await call(
      IMPORT,
      { input: { unit: PADANG, format: 'CSV', contentBase64: small, dryRun: true } },
      thirdOperator,
    );
    expect(after.errors).toBeUndefined();
    expect(after.data!.importParticipants.status).toBe('INVALID');
    expect(exited).toBeNull();
  }, 360_000);

  it('imports a 30 MB list for real, every row in one transaction, and stays up', async () => {
    // A class seats at most 10,000: the rows are spread over as many classes as they need.
    const programme = await call(
      `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`,
      { input: { unit: PADANG, code: 'PMEM', name: 'Program Uji Memori', participantCategory: 'PM_KPM_PKH' } },
      operator,
    );
    expect(programme.errors).toBeUndefined();
    const classes: string[] = [];
    for (let i = 0; i < Math.ceil(ROWS / 10_000); i++) {
      const created = await call(
        `mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { id } }`,
        {
          input: {
            programmeId: programme.data!.createProgramme.id,
            province: 'Sumatera Barat',
            regency: 'Kota Uji',
            startDate: '2023-05-01',
            endDate: '2023-05-05',
            capacity: 10_000,
            targetParticipants: 10_000,
          },
        },
        operator,
      );
      expect(created.errors).toBeUndefined();
      classes.push(created.data!.createTrainingClass.id);
    }
    const started = Date.now();
    const res = await callSubgraph<{
      importParticipants: { status: string; participantsCreated: number; enrollmentsCreated: number; message: string };
    }>(
      url,
      IMPORT.replace('{ id status }', '{ status participantsCreated enrollmentsCreated message }'),
      { input: { unit: PADANG, format: 'CSV', contentBase64: bigCsv(ROWS, (i) => classes[i % classes.length]) } },
      { caller: operator, secret: TEST_SECRETS.internalSecret },
    ).catch((err: unknown) => {
      throw new Error(
        `no answer (${err instanceof Error ? err.message : String(err)}); the training process ${exited ?? 'is still running'}`,
      );
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.importParticipants).toMatchObject({
      status: 'IMPORTED',
      participantsCreated: ROWS,
      enrollmentsCreated: ROWS,
    });
    console.log(
      `a real import of a ${megabytes.toFixed(1)} MB CSV (${ROWS} rows) under --max-old-space-size=${HEAP_MB}: ${((Date.now() - started) / 1000).toFixed(1)} s, peak RSS so far ${peakRssMb(child.pid!)} MB`,
    );
    expect(exited).toBeNull();
  }, 360_000);
});
