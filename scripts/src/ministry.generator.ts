/**
 * Ministry scale (`npm run generate -- --ministry`): a million enrollments over the units and
 * years through the graph's own bulk path (importParticipants, background, whole classes per
 * import), with each unit-year's DIPA and realisations and its satisfaction survey. Everything
 * is named "Sintetis", NIKs use district 00. The plan is a pure function of the arguments
 * (ministry.plan.ts): a second run skips what is written and continues a broken-off unit-year
 * class by class.
 */
import type { PlannedClass, ProgrammeCode, UnitRef, UnitYearShare } from './ministry.plan';
import {
  ALIASES_PER_REQUEST,
  allocateEnrollments,
  enrollmentOutcome,
  groups,
  importBatches,
  importCsv,
  planClasses,
} from './ministry.plan';
import type { GraphCall } from './synthetic.generator';
import {
  day,
  OPEN_DIPA,
  pad,
  performance,
  programmeIds,
  PROVINCE,
  random,
  REGENCY,
  REPORT_UNIT,
  SYNTHETIC,
  syntheticDipa,
  syntheticSatker,
} from './synthetic.generator';

export interface MinistryOptions {
  units: string[];
  years: number[];
  /** Enrollments over all units and years together. */
  enrollments: number;
  /** Share of classes run to their end (0-1); the others keep their enrollments REGISTERED. */
  settle: number;
  /** Rows per import (whole classes). */
  batchRows: number;
  /** Requests in flight at once for the per-enrollment steps of settled classes. */
  concurrency: number;
  /** Survey responses per unit-year (one import each, at most 5,000). */
  surveyResponses: number;
  /** Realisations per budget line and month. */
  realizationsPerMonth: number;
  log?: (line: string) => void;
  /** Called as enrollments are written or found written: (done, total). */
  progress?: (done: number, total: number) => void;
  /** Between polls of a running import. */
  pollMs?: number;
}

export interface MinistrySummary {
  unitYears: number;
  skipped: number;
  enrollments: number;
  imported: number;
  imports: number;
  classes: number;
  settledClasses: number;
  realizations: number;
  surveyResponses: number;
}

interface ExistingClass {
  id: string;
  status: 'PLANNED' | 'RUNNING' | 'CLOSED';
  enrollmentCount: number;
  programme: { code: string };
}

/** One operation's data, typed as the call site asked for it. */
async function ask<T>(call: GraphCall, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return (await call(query, variables)) as T;
}

/** Unit-years whose budgets are written at once. */
const BUDGET_LANES = 3;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over the items with at most `limit` at once, in order of start. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(workers);
}

/** Fields per request, per mutation: the alias limit, lowered when the gateway's cost limit refuses a request. */
const fieldsPerRequest = new Map<string, number>();

async function aliasedOnce(call: GraphCall, fields: string[]): Promise<Record<string, unknown>> {
  return (await call(`mutation { ${fields.map((f, i) => `m${i}: ${f}`).join(' ')} }`)) as Record<string, unknown>;
}

/**
 * Root mutation fields in as few requests as the gateway takes (aliases m0, m1, ..., executed in
 * order), answers merged under m0..m<n-1>. A request refused for its cost is refused before anything
 * runs; it is split to what fits and sent again.
 */
async function aliased(call: GraphCall, fields: string[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const name = /^\w+/.exec(fields[0] ?? '')?.[0] ?? '';
  for (let i = 0; i < fields.length;) {
    const size = Math.min(fieldsPerRequest.get(name) ?? ALIASES_PER_REQUEST, fields.length - i);
    let data: Record<string, unknown>;
    try {
      data = await aliasedOnce(call, fields.slice(i, i + size));
    } catch (err) {
      const cost = costRefusal(err);
      if (!cost || size === 1) throw err;
      fieldsPerRequest.set(name, Math.max(1, Math.floor((size * cost.limit) / cost.found)));
      continue;
    }
    for (let k = 0; k < size; k++) out[`m${i + k}`] = data[`m${k}`];
    i += size;
  }
  return out;
}

/** An enum value in an inline GraphQL literal, which takes it unquoted. */
class EnumLiteral {
  constructor(readonly name: string) {}
}

const literal = (value: unknown): string =>
  value === null || value === undefined
    ? 'null'
    : value instanceof EnumLiteral
      ? value.name
      : typeof value === 'string'
        ? JSON.stringify(value)
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : Array.isArray(value)
            ? `[${value.map(literal).join(', ')}]`
            : `{ ${Object.entries(value as Record<string, unknown>)
                .map(([k, v]) => `${k}: ${literal(v)}`)
                .join(', ')} }`;

/** The gateway's cost refusal, read: its limit and what the request would have cost. */
function costRefusal(err: unknown): { limit: number; found: number } | null {
  const m = /Cost limit of (\d+) exceeded, found (\d+)/.exec((err as Error).message);
  return m ? { limit: Number(m[1]), found: Number(m[2]) } : null;
}

/** Every node of a paged list; `$f` is the page size, made smaller when the cost limit refuses it. */
async function listAll<T>(
  call: GraphCall,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  let first = 200;
  do {
    let page: { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    try {
      page = (await ask<Record<string, typeof page>>(call, query, { ...variables, a: after, f: first }))[field];
    } catch (err) {
      const cost = costRefusal(err);
      if (!cost || first === 1) throw err;
      first = Math.max(1, Math.floor((first * cost.limit) / cost.found) - 1);
      continue;
    }
    out.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/** The unit-year's DIPA (opened once) and its realisations, the ones already recorded (by document number) left out. */
async function ministryBudget(
  call: GraphCall,
  share: UnitYearShare,
  classes: PlannedClass[],
  perMonth: number,
): Promise<number> {
  const { unit, unitIndex, year } = share;
  const rand = random(`ministry/${unit}/${year}/budget`);
  const volume = (p: ProgrammeCode) => classes.filter((c) => c.programme === p).reduce((s, c) => s + c.size, 0);
  const { satkerCode, dipa, lines } = syntheticDipa(
    unit,
    unitIndex,
    year,
    { ppm: Math.max(1, volume('PPM')), ppps: Math.max(1, volume('PPPS')) },
    rand,
  );
  // Opened by an earlier run: the satker is recorded, the DIPA there.
  const opened = (err: unknown) => (err as Error).message.includes('already has a DIPA');
  try {
    await call(OPEN_DIPA, {
      i: { ...dipa, newSatker: { name: `Satker Sintetis ${unit}`, organisation: 'Data sintetis' } },
    });
  } catch (err) {
    if (!(err as Error).message.includes('already recorded')) throw err;
    await call(OPEN_DIPA, { i: dipa }).catch((again: unknown) => {
      if (!opened(again)) throw again;
    });
  }
  const recorded = new Set(
    (
      await listAll<{ documentNumber: string }>(
        call,
        `query($s: String!, $y: Int!, $f: Int!, $a: String) { budgetRealizations(satkerCode: $s, year: $y, first: $f, after: $a) { nodes { documentNumber } pageInfo { hasNextPage endCursor } } }`,
        { s: satkerCode, y: year },
        'budgetRealizations',
      )
    ).map((r) => r.documentNumber),
  );
  const wanted: string[] = [];
  let document = 0;
  for (const l of lines) {
    // 90-99 % of the line spent, in equal parts per month and transaction.
    const part = Math.floor((l.ceiling * (0.9 + rand() * 0.09)) / 12 / perMonth);
    for (let month = 1; month <= 12; month++)
      for (let k = 0; k < perMonth; k++) {
        const documentNumber = `SP2D-SINTETIS-${satkerCode}-${year}-${pad(++document, 4)}`;
        if (recorded.has(documentNumber)) continue;
        wanted.push(
          `recordRealization(input: ${literal({
            satkerCode,
            year,
            outputCode: l.outputCode ?? null,
            componentCode: l.componentCode ?? null,
            accountCode: l.accountCode,
            date: day(year, month, 5 + Math.floor((20 * k) / perMonth)),
            amount: part,
            documentNumber,
            description: 'Data sintetis',
            provenance: new EnumLiteral(SYNTHETIC),
          })}) { id }`,
        );
      }
  }
  await aliased(call, wanted);
  const score = () => Math.round((85 + rand() * 12) * 100) / 100;
  await call(`mutation($i: RecordBudgetPerformanceInput!) { recordBudgetPerformance(input: $i) { year } }`, {
    i: { unitCode: unit, year, smartScore: score(), ikpaScore: score(), note: 'Data sintetis', provenance: SYNTHETIC },
  });
  return wanted.length;
}

/**
 * The unit-year's classes: the k-th planned class of a programme is the k-th existing class of
 * that programme and year (in id order), created when missing, in plan order.
 */
async function ministryClasses(
  call: GraphCall,
  share: UnitYearShare,
  planned: PlannedClass[],
  programmes: Map<string, string>,
): Promise<{ planned: PlannedClass; id: string; existing: ExistingClass | null }[]> {
  const existing = await listAll<ExistingClass>(
    call,
    `query($u: ID!, $y: Int!, $f: Int!, $a: String) { trainingClasses(unit: $u, year: $y, first: $f, after: $a) { nodes { id status enrollmentCount programme { code } } pageInfo { hasNextPage endCursor } } }`,
    { u: share.unit, y: share.year },
    'trainingClasses',
  );
  const byProgramme = new Map<string, ExistingClass[]>();
  for (const c of existing) byProgramme.set(c.programme.code, [...(byProgramme.get(c.programme.code) ?? []), c]);
  const seen = new Map<string, number>();
  const matched = planned.map((p) => {
    const k = seen.get(p.programme) ?? 0;
    seen.set(p.programme, k + 1);
    return { planned: p, existing: byProgramme.get(p.programme)?.[k] ?? null };
  });
  for (const [code, list] of byProgramme) {
    const wanted = planned.filter((p) => p.programme === code).length;
    if (list.length > wanted)
      throw new Error(
        `${share.unit} ${share.year} has ${list.length} ${code} classes, more than the ${wanted} this plan makes; it was generated with other arguments (or by hand): generate into empty databases`,
      );
  }
  const province = PROVINCE[share.unit] ?? 'Provinsi Sintetis';
  const missing = matched.filter((m) => !m.existing);
  const created = new Map<PlannedClass, string>();
  // In plan order: one request after another, fields in order, so ids ascend as the plan does.
  const data = await aliased(
    call,
    missing.map(
      (m) =>
        `createTrainingClass(input: ${literal({
          programmeId: programmes.get(m.planned.programme),
          province,
          regency: REGENCY,
          startDate: m.planned.startDate,
          endDate: m.planned.endDate,
          capacity: m.planned.size,
          targetParticipants: m.planned.size,
          satkerCode: syntheticSatker(share.unitIndex),
          provenance: new EnumLiteral(SYNTHETIC),
        })}) { id }`,
    ),
  );
  missing.forEach((m, i) => created.set(m.planned, (data[`m${i}`] as { id: string }).id));
  return matched.map((m) => ({
    planned: m.planned,
    id: m.existing?.id ?? created.get(m.planned)!,
    existing: m.existing,
  }));
}

/** Sends one import in the background and follows it to its end. */
async function importBatch(
  call: GraphCall,
  share: UnitYearShare,
  batch: { planned: PlannedClass; id: string }[],
  pollMs: number,
  progress: (rows: number) => void,
): Promise<number> {
  const csv = importCsv(share, batch);
  type JobState = { id: string; status: string; message?: string | null; processedRows?: number };
  const job = (
    await ask<{ importParticipants: JobState }>(
      call,
      `mutation($i: ImportParticipantsInput!) { importParticipants(input: $i) { id status } }`,
      {
        i: {
          unit: share.unit,
          format: 'CSV',
          contentBase64: Buffer.from(csv).toString('base64'),
          background: true,
          provenance: SYNTHETIC,
        },
      },
    )
  ).importParticipants;
  let state = job;
  let reported = 0;
  while (state.status === 'RUNNING') {
    await wait(pollMs);
    state = (
      await ask<{ importJob: JobState }>(
        call,
        `query($id: ID!) { importJob(id: $id) { id status message processedRows } }`,
        { id: job.id },
      )
    ).importJob;
    const rows = state.processedRows ?? 0;
    if (rows > reported) progress(rows - reported);
    reported = Math.max(reported, rows);
  }
  return reported;
  if (state.status !== 'IMPORTED')
    throw new Error(`import ${job.id} for ${share.unit} ${share.year} ended ${state.status}: ${state.message ?? ''}`);
}

/** A settled class: started, every enrollment attended and tested, then graduated or failed (5 % drop out), closed. */
async function settleClass(
  call: GraphCall,
  share: UnitYearShare,
  cls: { planned: PlannedClass; id: string },
  status: ExistingClass['status'],
  concurrency: number,
): Promise<void> {
  if (status === 'CLOSED') return;
  if (status === 'PLANNED')
    await call(`mutation($c: ID!) { startTrainingClass(classId: $c) { status } }`, { c: cls.id });
  type Row = { id: string; status: string; postTestScore: number | null };
  const rows = await listAll<Row>(
    call,
    `query($c: ID!, $f: Int!, $a: String) { enrollments(classId: $c, first: $f, after: $a) { nodes { id status postTestScore } pageInfo { hasNextPage endCursor } } }`,
    { c: cls.id },
    'enrollments',
  );
  const seed = `${share.unit}/${share.year}/${cls.planned.first}`;
  const plan = rows
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((row, k) => ({ row, ...enrollmentOutcome(seed, k) }));
  const run = async (fields: string[]) => {
    await pool(groups(fields, ALIASES_PER_REQUEST), concurrency, async (g) => {
      await aliased(call, g);
    });
  };
  const id = (r: Row) => JSON.stringify(r.id);
  await run(
    plan
      .filter((p) => p.row.status === 'REGISTERED')
      .map((p) =>
        p.dropOut
          ? `dropOutEnrollment(input: { enrollmentId: ${id(p.row)}, reason: "Mengundurkan diri (data sintetis)" }) { status }`
          : `markAttendance(enrollmentId: ${id(p.row)}) { status }`,
      ),
  );
  const attending = plan.filter((p) => p.row.status === 'ATTENDING' || (p.row.status === 'REGISTERED' && !p.dropOut));
  await run(
    attending
      .filter((p) => p.row.postTestScore === null)
      .map(
        (p) =>
          `recordTestScores(input: { enrollmentId: ${id(p.row)}, preTestScore: ${p.preTestScore}, postTestScore: ${p.postTestScore} }) { postTestScore }`,
      ),
  );
  await run(
    attending.map((p) =>
      (p.row.postTestScore ?? p.postTestScore) >= 65
        ? `graduateEnrollment(input: { enrollmentId: ${id(p.row)} }) { status }`
        : `failEnrollment(enrollmentId: ${id(p.row)}) { status }`,
    ),
  );
  await call(`mutation($c: ID!) { closeTrainingClass(classId: $c) { status } }`, { c: cls.id });
}

async function ministrySurvey(call: GraphCall, share: UnitYearShare, count: number): Promise<void> {
  const rand = random(`ministry/${share.unit}/${share.year}/survey`);
  const educations = ['SD', 'SMP', 'SMA', 'DIII', 'S1', 'S2'];
  // Each unit has its own level of satisfaction, so the units' indexes and grades differ.
  const good = 0.45 + 0.45 * random(`ministry/${share.unit}/satisfaction`)();
  const responses = Array.from({ length: count }, () => ({
    answers: Array.from({ length: 9 }, () => (rand() < good ? 4 : rand() < 0.85 ? 3 : rand() < 0.8 ? 2 : 1)),
    gender: rand() < 0.5 ? 'FEMALE' : 'MALE',
    education: educations[Math.min(5, Math.floor(rand() * 7))],
  }));
  await call(
    `mutation($u: ID!, $y: Int!, $r: [SurveyResponseInput!]!, $p: Provenance) { importSurveyResponses(unitCode: $u, year: $y, responses: $r, provenance: $p) { imported } }`,
    { u: share.unit, y: share.year, r: responses, p: SYNTHETIC },
  );
}

/**
 * Generates the plan unit-year by unit-year: budget, classes, imports, settled classes, the
 * performance plan, and last the survey, which marks the unit-year complete (then skipped).
 */
export async function generateMinistry(call: GraphCall, options: MinistryOptions): Promise<MinistrySummary> {
  const log = options.log ?? (() => undefined);
  const thisYear = new Date().getUTCFullYear();
  for (const y of options.years)
    if (!Number.isInteger(y) || y < 2018 || y > thisYear - 1)
      throw new Error(`years must be completed years from 2018 to ${thisYear - 1}; got ${y}`);
  if (options.units.includes(REPORT_UNIT))
    throw new Error(`${REPORT_UNIT} holds the report's own data and is never generated`);
  if (!(Number.isInteger(options.surveyResponses) && options.surveyResponses >= 1 && options.surveyResponses <= 5000))
    throw new Error('survey responses per unit-year must be 1-5000 (one import)');
  if (!(Number.isInteger(options.realizationsPerMonth) && options.realizationsPerMonth >= 1))
    throw new Error('realisations per month must be a whole number of at least 1');
  const order = (await ask<{ units: { code: string }[] }>(call, `{ units { code } }`)).units.map((u) => u.code);
  const units: UnitRef[] = options.units.map((code) => {
    const index = order.indexOf(code);
    if (index < 0) throw new Error(`unit ${code} is not registered; registered: ${order.join(', ')}`);
    return { code, index };
  });
  const shares = allocateEnrollments(options.enrollments, units, options.years);
  const total = shares.reduce((s, x) => s + x.enrollments, 0);
  const summary: MinistrySummary = {
    unitYears: shares.length,
    skipped: 0,
    enrollments: total,
    imported: 0,
    imports: 0,
    classes: 0,
    settledClasses: 0,
    realizations: 0,
    surveyResponses: 0,
  };
  let done = 0;
  const advance = (n: number) => {
    done += n;
    options.progress?.(done, total);
  };
  options.progress?.(0, total);
  // Three lanes overlap: the imports of one unit-year, its budget (another subgraph), and the
  // previous unit-year's tail (settled classes, plan, survey). One import at a time: the
  // training subgraph runs one import per caller.
  const pending: UnitYearShare[] = [];
  for (const share of shares) {
    const state = (
      await ask<{
        unit: { budget: { satkers: { code: string }[] } | null; satisfactionSurvey: { respondents: number } | null };
      }>(
        call,
        `query($u: ID!, $y: Int!) { unit(code: $u) { budget(year: $y) { satkers { code } } satisfactionSurvey(year: $y) { respondents } } }`,
        { u: share.unit, y: share.year },
      )
    ).unit;
    const started = (state.budget?.satkers ?? []).some((x) => x.code === syntheticSatker(share.unitIndex));
    if (started && state.satisfactionSurvey) {
      summary.skipped++;
      advance(share.enrollments);
    } else pending.push(share);
  }
  // The budget lane runs ahead on the budget subgraph, a few unit-years at once (each its own satker).
  const budgets = new Map<UnitYearShare, Promise<void>>();
  const budgetQueue = pending.map((share) => {
    let start!: () => void;
    const gate = new Promise<void>((resolve) => (start = resolve));
    const done = gate.then(async () => {
      const written = await ministryBudget(
        call,
        share,
        planClasses(share, options.settle),
        options.realizationsPerMonth,
      );
      summary.realizations += written;
    });
    // Awaited in the unit-year's tail; this keeps an early failure from being reported as unhandled meanwhile.
    done.catch(() => undefined);
    budgets.set(share, done);
    return { start, done };
  });
  void pool(budgetQueue, BUDGET_LANES, async (b) => {
    b.start();
    await b.done.catch(() => undefined);
  });
  // The next unit-year's classes are made while this one's import runs.
  const prepare = async (share: UnitYearShare) => {
    const planned = planClasses(share, options.settle);
    const programmes = await programmeIds(call, share.unit);
    const classes = await ministryClasses(call, share, planned, programmes);
    for (const c of classes)
      if (c.existing && c.existing.enrollmentCount > 0 && c.existing.enrollmentCount !== c.planned.size)
        throw new Error(
          `class ${c.id} of ${share.unit} ${share.year} has ${c.existing.enrollmentCount} enrollments where the plan has ${c.planned.size}; it was not written by this plan: generate into empty databases`,
        );
    return classes;
  };
  let tail: Promise<void> = Promise.resolve();
  let next = pending.length ? prepare(pending[0]) : null;
  for (const [index, share] of pending.entries()) {
    const { unit, year } = share;
    const began = Date.now();
    const took = () => `${((Date.now() - began) / 1000).toFixed(1)} s`;
    const phases: string[] = [];
    const budget = budgets.get(share)!.then(() => {
      phases.push(`budget ${took()}`);
    });
    budget.catch(() => undefined);
    const classes = await next!;
    next = index + 1 < pending.length ? prepare(pending[index + 1]) : null;
    next?.catch(() => undefined);
    summary.classes += classes.filter((c) => !c.existing).length;
    advance(
      classes.filter((c) => c.existing && c.existing.enrollmentCount > 0).reduce((s, c) => s + c.planned.size, 0),
    );
    const empty = classes.filter((c) => !c.existing || c.existing.enrollmentCount === 0);
    for (const batch of importBatches(
      empty.map((c) => ({ ...c, size: c.planned.size })),
      options.batchRows,
    )) {
      const rows = batch.reduce((s, c) => s + c.size, 0);
      const shown = await importBatch(call, share, batch, options.pollMs ?? 500, advance);
      advance(rows - shown);
      summary.imported += rows;
      summary.imports++;
    }
    phases.push(`imports ${took()}`);
    await tail;
    const settled = classes.filter((c) => c.planned.settle);
    tail = (async () => {
      await pool(settled, Math.max(1, Math.ceil(options.concurrency / 2)), async (c) => {
        await settleClass(call, share, c, c.existing?.status ?? 'PLANNED', 2);
      });
      summary.settledClasses += settled.length;
      phases.push(`settled ${took()}`);
      await budget;
      await performance(call, unit, year);
      await ministrySurvey(call, share, options.surveyResponses);
      summary.surveyResponses += options.surveyResponses;
      log(
        `${unit} ${year}: ${share.enrollments.toLocaleString('en-US')} enrollments in ${classes.length} classes (${settled.length} run to their end), ${options.surveyResponses} survey responses; done after ${took()} (${phases.join(', ')})`,
      );
    })();
    tail.catch(() => undefined);
  }
  await tail;
  return summary;
}
