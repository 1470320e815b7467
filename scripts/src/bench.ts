import { answerHelp } from './cli.usage';
import { callers, callSubgraph, freshMysqlDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { trainingService } from '@kesos/training';
import { cpus, totalmem } from 'node:os';
import { benchAnalytics } from './bench.analytics';

const USAGE = `Usage: npm run bench -- [--rows 100000] [--baseline 1000]
       npm run bench -- analytics [options]   (the analysts' bench; --help there for its options)
       npm run bench -- cluster [options]     (1 vs 2 processes per subgraph, 1 vs 3 NATS nodes; npm run bench -- cluster --help)

Bulk import of participants and enrollments into the training subgraph on MariaDB (TEST_MYSQL_URL):
rows per second for --rows against --baseline rows, side by side. On demand, not in CI.

Options:
  --rows <n>       rows of the measured import (default 100000)
  --baseline <n>   rows of the small import it is compared with (default 1000)
  --help           this text
`;
// `analytics --help` and `cluster --help` are those benches' to answer (they read their own arguments).
if (process.argv[2] !== 'cluster' && process.argv[2] !== 'analytics') answerHelp(USAGE);

/**
 * `npm run bench [-- --rows 100000 --baseline 1000]` (`npm run bench -- analytics [...]`: bench.analytics.ts; `npm run bench -- cluster [...]`: bench.cluster.ts): bulk import of participants and enrollments
 * through the training subgraph against MariaDB, side by side with the same rows entered one by one
 * through the registration mutations (what a desk without import does). Prints rows/s and the ratio.
 * Uses a scratch database kesos_test_training_bench_<run>, dropped at the end; run on demand, not in CI.
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 100_000);
const BASELINE = arg('baseline', 1_000);
const UNIT = 'BBPPKS-PADANG';
const MAX_CAPACITY = 10_000;

/** Synthetic NIKs in district 00, which no real district has; day + 40 marks women. */
const nik = (i: number) =>
  `137100${String(41 + (i % 28)).padStart(2, '0')}${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}88${String(1 + Math.floor(i / 336)).padStart(4, '0')}`;

async function main(): Promise<void> {
  const database = await freshMysqlDatabase(trainingService, 'bench');
  const logger = createLogger('bench', 'silent');
  const service = await startService(trainingService, {
    database,
    bus: new MemoryEventBus(),
    secrets: TEST_SECRETS,
    logger,
    port: 0,
    host: '127.0.0.1',
    seed: true,
  });
  const admin = { caller: callers.admin(), secret: TEST_SECRETS.internalSecret };
  const call = async (query: string, variables: Record<string, unknown>) => {
    const res = await callSubgraph<Record<string, Record<string, unknown>>>(service.url, query, variables, admin);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  try {
    const programme = await call('mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }', {
      input: { unit: UNIT, code: 'BENCH', name: 'Program Uji Kinerja', participantCategory: 'PM_KPM_PKH' },
    });
    const newClass = async (capacity: number) =>
      (
        await call('mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { id } }', {
          input: {
            programmeId: programme.createProgramme.id,
            province: 'Sumatera Barat',
            regency: 'Kota Padang',
            startDate: '2023-05-01',
            endDate: '2023-05-05',
            capacity,
            targetParticipants: capacity,
          },
        })
      ).createTrainingClass.id as string;

    // Baseline: one registerParticipant and one enrollParticipant mutation per row.
    const baselineClass = await newClass(BASELINE);
    let started = Date.now();
    for (let i = 0; i < BASELINE; i++) {
      const p = await call(
        'mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }',
        {
          input: {
            unit: UNIT,
            nik: nik(ROWS + i),
            name: `Peserta Sintetis ${ROWS + i}`,
            gender: 'FEMALE',
            birthDate: '1988-02-01',
            education: 'SMA',
            category: 'PM_KPM_PKH',
          },
        },
      );
      await call('mutation($input: EnrollParticipantInput!) { enrollParticipant(input: $input) { id } }', {
        input: { classId: baselineClass, participantId: p.registerParticipant.id },
      });
    }
    const baselineSeconds = (Date.now() - started) / 1000;

    // Bulk: one importParticipants mutation with a CSV of ROWS rows, spread over classes of at
    // most MAX_CAPACITY seats (the limit a class accepts).
    const classes: string[] = [];
    for (let left = ROWS; left > 0; left -= MAX_CAPACITY) classes.push(await newClass(Math.min(left, MAX_CAPACITY)));
    const header = 'nik,nama,jenis kelamin,tanggal lahir,pendidikan,kategori,provinsi,kabupaten/kota,id angkatan';
    const lines = Array.from(
      { length: ROWS },
      (_, i) =>
        `${nik(i)},Peserta Sintetis ${i},P,01/02/1988,SMA,PM/KPM PKH,Sumatera Barat,Kota Padang,${classes[Math.floor(i / MAX_CAPACITY)]}`,
    );
    const content = Buffer.from([header, ...lines].join('\n')).toString('base64');
    started = Date.now();
    const job = (
      await call(
        'mutation($input: ImportParticipantsInput!) { importParticipants(input: $input) { status enrollmentsCreated message } }',
        { input: { unit: UNIT, format: 'CSV', contentBase64: content } },
      )
    ).importParticipants;
    const bulkSeconds = (Date.now() - started) / 1000;
    if (job.status !== 'IMPORTED' || job.enrollmentsCreated !== ROWS)
      throw new Error(`import did not complete: ${JSON.stringify(job)}`);

    const baselineRate = BASELINE / baselineSeconds;
    const bulkRate = ROWS / bulkSeconds;
    process.stdout.write(
      [
        `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, MariaDB at ${process.env.TEST_MYSQL_URL ?? '127.0.0.1:3306'}`,
        `one by one (registerParticipant + enrollParticipant): ${BASELINE} rows in ${baselineSeconds.toFixed(1)} s = ${baselineRate.toFixed(0)} rows/s`,
        `bulk import (importParticipants, CSV, one transaction): ${ROWS} rows in ${bulkSeconds.toFixed(1)} s = ${bulkRate.toFixed(0)} rows/s`,
        `ratio bulk / one by one: ${(bulkRate / baselineRate).toFixed(1)}x`,
      ].join('\n') + '\n',
    );
  } finally {
    await service.stop();
    await database.drop();
  }
}

// `npm run bench -- analytics [...]` runs the analytics bench (it starts on load and reads the rest of the arguments).
if (process.argv[2] === 'analytics')
  benchAnalytics(process.argv.slice(2)).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
// `npm run bench -- cluster [...]` loads the cluster bench, which starts on load.
else if (process.argv[2] === 'cluster') void import('./bench.cluster.js');
else
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).message}\n`);
    process.exit(1);
  });
