import { answerHelp } from './cli.usage';
import { createLogger, MemoryEventBus, startService } from '@kesos/infra';
import { callers, callSubgraph, freshMysqlDatabase, TEST_SECRETS } from '@kesos/infra/testing';
import { rebuildTrainingStats, trainingService } from '@kesos/training';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import type { DataSource } from 'typeorm';

const USAGE = `Usage: node scripts/dist/bench.training-stats.js [--enrollments 1000000] [--runs 30] [--raw-runs 5]

trainingStats at ministry scale on MariaDB (TEST_MYSQL_URL) against the same figures by raw
GROUP BY. On demand, not in CI; run npm run build first.

Options:
  --enrollments <n>   enrollments loaded (default 1000000)
  --runs <n>          requests per operation (default 30)
  --raw-runs <n>      raw GROUP BY runs per operation (default 5)
  --help              this text
`;
answerHelp(USAGE);

/**
 * `npm run bench:training-stats [-- --enrollments 1000000 --runs 30]`: trainingStats at ministry
 * scale against MariaDB. Fills a scratch database (kesos_test_training_stats_bench_<run>, dropped at
 * the end) with synthetic enrollments over the eight units, 2019-2024, by plain multi-row INSERTs
 * (this measures the read side; the write paths are the tests' business), recomputes the rollup
 * with rebuildTrainingStats, then times each query through the training subgraph (HTTP, rollup)
 * side by side with the same figures by a raw GROUP BY over the base tables. Run on demand, not in CI.
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ENROLLMENTS = arg('enrollments', 1_000_000);
const RUNS = arg('runs', 30);
const RAW_RUNS = arg('raw-runs', 5);
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const PROGRAMMES = ['BNC1', 'BNC2', 'BNC3', 'BNC4'];
const PROVINCES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '71',
  '72',
  '73',
  '74',
  '81',
  '91',
  '92',
];
const EDUCATIONS = ['SD', 'SMP', 'SMA', 'DIII', 'S1', 'S2'];
const CLASS_SIZE = 40;
const CHUNK = 2000;

/** Deterministic (mulberry32). */
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

async function insertRows(ds: DataSource, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await ds.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`,
      part.flat(),
    );
  }
}

async function fill(ds: DataSource): Promise<void> {
  const rand = random(2026);
  const units = (await ds.query<{ code: string }[]>(`SELECT code FROM unit ORDER BY code`)).map((u) => u.code);
  const programmes: { id: number; unit: string }[] = [];
  for (const unit of units)
    for (const code of PROGRAMMES) {
      await ds.query(
        `INSERT INTO programme (unitCode, code, name, participantCategory) VALUES (?, ?, ?, 'PM_KPM_PKH')`,
        [unit, code, `Pelatihan Sintetis ${code}`],
      );
      const [{ id }] = await ds.query<{ id: number }[]>(`SELECT id FROM programme WHERE unitCode = ? AND code = ?`, [
        unit,
        code,
      ]);
      programmes.push({ id, unit });
    }
  const classCount = Math.ceil(ENROLLMENTS / CLASS_SIZE);
  const classRows: unknown[][] = [];
  for (let i = 0; i < classCount; i++) {
    const p = programmes[i % programmes.length];
    const year = YEARS[Math.floor(i / programmes.length) % YEARS.length];
    const batch = 1000 + Math.floor(i / (programmes.length * YEARS.length));
    classRows.push([
      p.unit,
      p.id,
      year,
      batch,
      `Angkatan Sintetis ${batch}`,
      'Provinsi Uji',
      'Kota Uji',
      `${year}-03-01`,
      `${year}-03-05`,
      CLASS_SIZE,
      CLASS_SIZE,
      'CLOSED',
      0,
    ]);
  }
  await insertRows(
    ds,
    'training_class',
    [
      'unitCode',
      'programmeId',
      'year',
      'batch',
      'name',
      'province',
      'regency',
      'startDate',
      'endDate',
      'capacity',
      'targetParticipants',
      'status',
      'graduates',
    ],
    classRows,
  );
  const classes = await ds.query<{ id: number; unitCode: string }[]>(
    `SELECT id, unitCode FROM training_class WHERE batch >= 1000 ORDER BY id`,
  );
  // About one seat in five goes to someone already trained (in any unit).
  const people = Math.ceil(ENROLLMENTS * 0.8);
  const [{ base }] = await ds.query<{ base: number | null }[]>(`SELECT MAX(id) AS base FROM participant`);
  const firstPerson = (base ?? 0) + 1;
  const personRows: unknown[][] = [];
  for (let i = 0; i < people; i++) {
    const province = PROVINCES[Math.floor(rand() * PROVINCES.length)];
    personRows.push([
      units[i % units.length],
      randomBytes(32).toString('hex'),
      'synthetic',
      `${province}00********${String(i % 10000).padStart(4, '0')}`.slice(0, 16),
      `Peserta Sintetis Skala ${i}`,
      rand() < 0.5 ? 'FEMALE' : 'MALE',
      '1990-01-01',
      EDUCATIONS[Math.floor(rand() * EDUCATIONS.length)],
      'PM_KPM_PKH',
    ]);
    if (personRows.length === 50_000 || i === people - 1) {
      await insertRows(
        ds,
        'participant',
        ['unitCode', 'nikHash', 'nikCipher', 'nikMasked', 'name', 'gender', 'birthDate', 'education', 'category'],
        personRows,
      );
      personRows.length = 0;
    }
  }
  const statuses: [string, number][] = [
    ['GRADUATED', 0.8],
    ['FAILED', 0.07],
    ['DROPPED_OUT', 0.05],
    ['ATTENDING', 0.05],
    ['REGISTERED', 0.03],
  ];
  const status = () => {
    let r = rand();
    for (const [s, w] of statuses) if ((r -= w) < 0) return s;
    return 'GRADUATED';
  };
  const enrollmentRows: unknown[][] = [];
  for (let i = 0; i < ENROLLMENTS; i++) {
    const cls = classes[Math.floor(i / CLASS_SIZE)];
    // The i-th seat's person: a fresh one, or (one seat in five) someone already trained, never twice in a class.
    const person = i < people ? i : ((i - people) * 4) % people;
    enrollmentRows.push([cls.unitCode, cls.id, firstPerson + person, status(), '2020-01-01']);
    if (enrollmentRows.length === 50_000 || i === ENROLLMENTS - 1) {
      await insertRows(
        ds,
        'enrollment',
        ['unitCode', 'classId', 'participantId', 'status', 'registeredOn'],
        enrollmentRows,
      );
      enrollmentRows.length = 0;
      process.stdout.write(`\rfilling: ${(i + 1).toLocaleString('en-US')} enrollments`);
    }
  }
  process.stdout.write('\n');
}

const QUERIES: { name: string; query: string; variables: Record<string, unknown>; raw: string }[] = [
  {
    name: 'TrainingByUnitYear (2019-2024, with participants)',
    query: `query($from: Int!, $to: Int!) { trainingStats(filter: { fromYear: $from, toYear: $to }, groupBy: [UNIT, YEAR]) { unit { code name } year enrolled graduated failed droppedOut participants graduationRate } }`,
    variables: { from: 2019, to: 2024 },
    raw: `SELECT e.unitCode, c.year, COUNT(*), SUM(e.status = 'GRADUATED'), SUM(e.status = 'FAILED'), SUM(e.status = 'DROPPED_OUT'), COUNT(DISTINCT e.participantId)
      FROM enrollment e JOIN training_class c ON c.id = e.classId WHERE c.year BETWEEN 2019 AND 2024 GROUP BY e.unitCode, c.year`,
  },
  {
    name: 'TrainingByUnitYear without participants',
    query: `query($from: Int!, $to: Int!) { trainingStats(filter: { fromYear: $from, toYear: $to }, groupBy: [UNIT, YEAR]) { unit { code name } year enrolled graduated failed droppedOut graduationRate } }`,
    variables: { from: 2019, to: 2024 },
    raw: `SELECT e.unitCode, c.year, COUNT(*), SUM(e.status = 'GRADUATED'), SUM(e.status = 'FAILED'), SUM(e.status = 'DROPPED_OUT')
      FROM enrollment e JOIN training_class c ON c.id = e.classId WHERE c.year BETWEEN 2019 AND 2024 GROUP BY e.unitCode, c.year`,
  },
  {
    name: 'GraduatesByProgrammeGenderEducation (2022)',
    query: `query($year: Int!) { trainingStats(filter: { fromYear: $year, toYear: $year, statuses: [GRADUATED] }, groupBy: [UNIT, PROGRAMME, GENDER, EDUCATION]) { unit { code } programmeCode gender education graduated } }`,
    variables: { year: 2022 },
    raw: `SELECT e.unitCode, p.code, pa.gender, pa.education, COUNT(*) FROM enrollment e JOIN training_class c ON c.id = e.classId
      JOIN programme p ON p.id = c.programmeId JOIN participant pa ON pa.id = e.participantId
      WHERE c.year = 2022 AND e.status = 'GRADUATED' GROUP BY e.unitCode, p.code, pa.gender, pa.education`,
  },
  {
    name: 'By province, ranked (2019-2024)',
    query: `{ trainingStats(filter: { fromYear: 2019, toYear: 2024 }, groupBy: [PROVINCE], orderBy: [{ field: GRADUATED, direction: DESC }]) { rank provinceCode provinceName enrolled graduated graduationRate } }`,
    variables: {},
    raw: `SELECT SUBSTR(pa.nikMasked, 1, 2) AS province, COUNT(*), SUM(e.status = 'GRADUATED') AS g FROM enrollment e JOIN training_class c ON c.id = e.classId
      JOIN participant pa ON pa.id = e.participantId WHERE c.year BETWEEN 2019 AND 2024 GROUP BY SUBSTR(pa.nikMasked, 1, 2) ORDER BY g DESC`,
  },
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));

async function time(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main(): Promise<void> {
  const database = await freshMysqlDatabase(trainingService, 'stats_bench');
  const ds = database.dataSource;
  try {
    await trainingService.seed(ds, createLogger('bench', 'silent'));
    let start = Date.now();
    await fill(ds);
    console.log(`filled in ${((Date.now() - start) / 1000).toFixed(0)} s`);
    start = Date.now();
    const counts = await ds.transaction((m) => rebuildTrainingStats(m));
    const rebuildSeconds = (Date.now() - start) / 1000;
    const [{ n }] = await ds.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM enrollment`);
    const [{ coarse }] = await ds.query<{ coarse: number | string }[]>(
      `SELECT COUNT(*) AS coarse FROM training_stats_rollup_coarse`,
    );
    const service = await startService(trainingService, {
      database,
      bus: new MemoryEventBus(),
      secrets: TEST_SECRETS,
      logger: createLogger('bench', 'silent'),
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const analyst = { caller: callers.analyst(), secret: TEST_SECRETS.internalSecret };
      console.log(
        `\n${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
      );
      console.log(
        `${Number(n).toLocaleString('en-US')} enrollments; coarse rollup ${Number(coarse).toLocaleString('en-US')} rows, rollup ${counts.rollupRows.toLocaleString('en-US')} rows, participant table ${counts.participantRows.toLocaleString('en-US')} rows; rebuild ${rebuildSeconds.toFixed(1)} s\n`,
      );
      console.log('| query | trainingStats p50 / p95 (ms) | raw GROUP BY p50 / p95 (ms) | p50 ratio |');
      console.log('|---|---|---|---|');
      for (const q of QUERIES) {
        const stats = await time(RUNS, async () => {
          const r = await callSubgraph(service.url, q.query, q.variables, analyst);
          if (r.errors) throw new Error(JSON.stringify(r.errors));
        });
        const raw = await time(RAW_RUNS, () => ds.query(q.raw));
        console.log(
          `| ${q.name} | ${ms(stats.p50)} / ${ms(stats.p95)} | ${ms(raw.p50)} / ${ms(raw.p95)} | ${(raw.p50 / stats.p50).toFixed(0)}x |`,
        );
      }
    } finally {
      await service.stop();
    }
  } finally {
    await database.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message.slice(0, 500) : err);
  process.exit(1);
});
