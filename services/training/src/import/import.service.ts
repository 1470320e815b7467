import {
  assertCanRead,
  assertCanWrite,
  BadInputError,
  Provenance,
  pageWindow,
  toConnection,
  type Caller,
  type Database,
  type Logger,
  type RequestContext,
} from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { In, MoreThan } from 'typeorm';
import { bulkInsert } from '../common/common.bulk';
import { parseId, todayIso } from '../common/common.helpers';
import { EnrollmentEntity } from '../enrollment/enrollment.entity';
import { countNewPairs } from '../stats/stats.service';
import { ParticipantEntity } from '../participant/participant.entity';
import { participantRow, type ParticipantRow } from '../participant/participant.service';
import { UnitEntity } from '../unit/unit.entity';
import {
  chunks,
  checkRegistry,
  checkRows,
  MAX_KEPT_ROW_ERRORS,
  RowErrorLog,
  type Candidate,
  type RegistryFacts,
} from './import.checks';
import { mapColumns } from './import.columns';
import { ImportJobEntity, ImportRowErrorEntity } from './import.entity';
import type { ImportParticipantsInput } from './import.input';
import { decodeContent } from './import.input';
import { importSlots } from './import.limits';
import { toImportJob, toImportRowError } from './import.mapper';
import { openSheet, UnreadableFileError } from './import.parser';
import type { ImportJob, ImportRowErrorPage } from './import.type';
import { writtenProvenance } from '../common/common.provenance';

/** One import by id with its progress, for a caller who may read its unit; null when there is none. */
export async function findImportJob(ctx: RequestContext, id: string): Promise<ImportJob | null> {
  const job = await ctx.db.dataSource.getRepository(ImportJobEntity).findOneBy({ id: parseId('id', id) });
  if (!job) return null;
  assertCanRead(ctx.caller, job.unitCode);
  return toImportJob(await settleStaleJob(ctx.db, job));
}

/** The kept problems of an import, by row (keyset paging over ids). */
export async function listImportErrors(
  ctx: RequestContext,
  jobId: number,
  first: number,
  after: string | null,
): Promise<ImportRowErrorPage> {
  const window = pageWindow(first, after);
  const repo = ctx.db.dataSource.getRepository(ImportRowErrorEntity);
  const rows = await repo.find({
    where: { jobId, id: MoreThan(window.afterId) },
    order: { id: 'ASC' },
    take: window.take + 1,
  });
  return toConnection(rows, window, () => repo.countBy({ jobId }), toImportRowError);
}

/**
 * Starts an import: one per caller and two per service run at once (importSlots). In the
 * foreground it answers the finished job; in the background the RUNNING job as it was created.
 */
export async function importParticipants(ctx: RequestContext, input: ImportParticipantsInput): Promise<ImportJob> {
  assertCanWrite(ctx.caller, input.unit);
  const provenance = writtenProvenance(ctx.caller, input.provenance);
  const release = importSlots.take(ctx.caller.subject);
  let background = false;
  try {
    const content = decodeContent(input);
    if (!(await ctx.db.dataSource.getRepository(UnitEntity).existsBy({ code: input.unit })))
      throw new BadInputError('unit', `unit ${input.unit} is not registered`);
    const jobs = ctx.db.dataSource.getRepository(ImportJobEntity);
    const job = jobs.create({
      unitCode: input.unit,
      format: input.format,
      dryRun: input.dryRun,
      status: 'RUNNING',
      phase: 'PARSING',
      totalRows: 0,
      processedRows: 0,
      errorCount: 0,
      participantsCreated: 0,
      enrollmentsCreated: 0,
      message: null,
      requestedBy: ctx.caller.subject.slice(0, 100),
      finishedAt: null,
      heartbeatAt: new Date(),
    });
    await jobs.save(job);
    if (!input.background)
      return toImportJob(await runImport(ctx.db, ctx.logger, job, content, ctx.caller, provenance));
    const snapshot = toImportJob(job);
    background = true;
    // runImport records its own failures on the job; this catches only a failure to record them.
    runImport(ctx.db, ctx.logger, job, content, ctx.caller, provenance)
      .catch((err: unknown) => ctx.logger.error({ err, job: job.id }, 'background import could not record its outcome'))
      .finally(release);
    return snapshot;
  } finally {
    if (!background) release();
  }
}

/** Rows per multi-row INSERT: large enough to amortise round trips, small enough for SQLite's variable limit. */
const WRITE_CHUNK = 2500;
const PROGRESS_EVERY_MS = 300;
const HEARTBEAT_MS = 10_000;
/** A RUNNING job without a beat for this long was cut off (its process stopped); its transaction rolled back. */
export const STALE_AFTER_MS = 60_000;

/** The problems of an import: the first ones by row, and how many there are in all. */
type Problems = ReturnType<typeof RowErrorLog.merge>;

const NO_PROBLEMS: Problems = { kept: [], total: 0, rows: 0 };

interface Outcome {
  status: ImportJobEntity['status'];
  errors: Problems;
  participantsCreated: number;
  enrollmentsCreated: number;
  message: string | null;
}

/**
 * Runs one import to its end and records the outcome on the job; it never throws. Checks come
 * first and report every bad row; writing happens only when no row is bad, in one transaction.
 */
export async function runImport(
  db: Database,
  logger: Logger,
  job: ImportJobEntity,
  content: Buffer,
  caller: Caller,
  provenance = Provenance.OPERATIONAL,
): Promise<ImportJobEntity> {
  const jobs = db.dataSource.getRepository(ImportJobEntity);
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const lap = (name: string) => {
    const now = Date.now();
    timings[name] = now - mark;
    mark = now;
  };
  let outcome: Outcome;
  const beat = setInterval(
    () => void jobs.update(job.id, { heartbeatAt: new Date() }).catch(() => undefined),
    HEARTBEAT_MS,
  );
  beat.unref();
  try {
    const sheet = await openSheet(job.format, content);
    const columns = mapColumns(sheet);
    await jobs.update(job.id, { phase: 'CHECKING' });
    if (columns.missing.length) {
      const missing = new RowErrorLog();
      for (const f of columns.missing)
        missing.add({ row: 1, column: f, reason: `the header row has no column "${f}"` });
      outcome = failed('INVALID', RowErrorLog.merge([missing]));
    } else {
      // Rows are parsed as they are checked: only the rows that passed stay in memory.
      const { candidates, errors, totalRows } = await checkRows(sheet, columns, !job.dryRun);
      lap('parseAndCheckRowsMs');
      job.totalRows = totalRows;
      await jobs.update(job.id, { totalRows });
      if (job.dryRun || errors.total) {
        const registry = await checkRegistry(db.dataSource.manager, job.unitCode, caller, candidates, columns, false);
        const all = RowErrorLog.merge([errors, registry.errors]);
        outcome = all.total
          ? failed('INVALID', all)
          : {
              status: 'VALID',
              errors: NO_PROBLEMS,
              participantsCreated: 0,
              enrollmentsCreated: 0,
              message: `${candidates.length} rows can be imported`,
            };
        lap('checkMs');
      } else {
        outcome = await db.transaction(async (tx) => {
          const registry = await checkRegistry(tx.manager, job.unitCode, caller, candidates, columns, true);
          lap('checkMs');
          if (registry.errors.total) return failed('INVALID', RowErrorLog.merge([registry.errors]));
          await jobs.update(job.id, { phase: 'WRITING' });
          const written = await writeRows(tx.manager, job, candidates, registry.facts, provenance, (processedRows) =>
            jobs.update(job.id, { processedRows }).then(() => undefined),
          );
          lap('writeMs');
          return {
            status: 'IMPORTED',
            errors: NO_PROBLEMS,
            ...written,
            message: `${written.enrollmentsCreated} enrollments imported; ${written.participantsCreated} new participants`,
          };
        });
      }
    }
  } catch (err) {
    if (err instanceof UnreadableFileError) {
      outcome = failed('INVALID', { kept: [{ row: 1, column: '(file)', reason: err.message }], total: 1, rows: 1 });
    } else {
      logger.error({ err, job: job.id }, 'import failed');
      outcome = {
        ...failed('FAILED', NO_PROBLEMS),
        message: 'the import stopped on an unexpected error and wrote nothing; the log has the details',
      };
    }
  } finally {
    clearInterval(beat);
  }
  return finish(db, logger, job, outcome, timings);
}

function failed(status: 'INVALID' | 'FAILED', errors: Problems): Outcome {
  const listed =
    errors.total > errors.kept.length
      ? `; the first ${errors.kept.length.toLocaleString('en-US')} of ${errors.total.toLocaleString('en-US')} problems are listed`
      : '';
  return {
    status,
    errors,
    participantsCreated: 0,
    enrollmentsCreated: 0,
    message: errors.total ? `${errors.rows} rows have problems; nothing was written${listed}` : null,
  };
}

async function writeRows(
  manager: EntityManager,
  job: ImportJobEntity,
  candidates: Candidate[],
  facts: RegistryFacts,
  provenance: Provenance,
  progress: (n: number) => Promise<void>,
): Promise<{ participantsCreated: number; enrollmentsCreated: number }> {
  const today = todayIso();
  const ids = new Map<string, number>([...facts.existing].map(([hash, p]) => [hash, p.id]));
  const planned = new Set<string>(ids.keys());
  // A person on several rows (several classes) is created once, with the first row's data.
  const prepare = (part: Candidate[]) => {
    const fresh: ParticipantRow[] = [];
    for (const c of part) {
      if (planned.has(c.hash)) continue;
      planned.add(c.hash);
      if (!c.draft)
        throw new Error(`row ${c.row} was checked without its data (a dry run's candidates cannot be written)`);
      fresh.push(participantRow(job.unitCode, c.draft, provenance));
    }
    return { part, fresh };
  };
  const parts = chunks(candidates, WRITE_CHUNK);
  const total = candidates.length;
  let next = parts.length ? prepare(parts[0]) : null;
  let participantsCreated = 0;
  let processed = 0;
  const written: { classId: number; participantId: number }[] = [];
  let reported = Date.now();
  for (let i = 0; next; i++) {
    const { part, fresh } = next;
    const inserted = bulkInsert(manager, ParticipantEntity, fresh, WRITE_CHUNK);
    // Encrypting the next chunk is CPU work; yielding once lets the insert reach the database first, so both proceed together.
    await new Promise((resolve) => setImmediate(resolve));
    next = i + 1 < parts.length ? prepare(parts[i + 1]) : null;
    await inserted;
    if (fresh.length) {
      for (const p of await manager.find(ParticipantEntity, {
        select: { id: true, nikHash: true },
        where: { nikHash: In(fresh.map((f) => f.nikHash)) },
      }))
        ids.set(p.nikHash, p.id);
      participantsCreated += fresh.length;
    }
    const enrollments = part.map((c) => ({
      unitCode: job.unitCode,
      classId: c.classId,
      participantId: ids.get(c.hash)!,
      status: 'REGISTERED' as const,
      registeredOn: today,
      provenance,
    }));
    await bulkInsert(manager, EnrollmentEntity, enrollments, WRITE_CHUNK);
    written.push(...enrollments.map((e) => ({ classId: e.classId, participantId: e.participantId })));
    processed += part.length;
    if (Date.now() - reported >= PROGRESS_EVERY_MS || processed === total) {
      await progress(processed);
      reported = Date.now();
    }
  }
  // The new enrollments enter the statistics in this transaction, in one pass (keys sorted: the lock order).
  // The written rows are consumed: a 270,000-row list's drafts hold about 300 MB of heap, which
  // the count that follows needs (the caller's array is emptied, as its closure keeps it alive).
  parts.length = 0;
  candidates.length = 0;
  await countNewPairs(manager, written);
  return { participantsCreated, enrollmentsCreated: processed };
}

async function finish(
  db: Database,
  logger: Logger,
  job: ImportJobEntity,
  outcome: Outcome,
  timings: Record<string, number>,
): Promise<ImportJobEntity> {
  // At most MAX_KEPT_ROW_ERRORS rows: one statement, whatever the file.
  const errors = outcome.errors.kept.slice(0, MAX_KEPT_ROW_ERRORS);
  for (const part of chunks(errors, WRITE_CHUNK)) {
    await bulkInsert(
      db.dataSource.manager,
      ImportRowErrorEntity,
      part.map((e) => ({ jobId: job.id, row: e.row, column: e.column.slice(0, 60), reason: e.reason.slice(0, 300) })),
      WRITE_CHUNK,
    );
  }
  Object.assign(job, {
    status: outcome.status,
    phase: 'DONE',
    errorCount: outcome.errors.total,
    participantsCreated: outcome.participantsCreated,
    enrollmentsCreated: outcome.enrollmentsCreated,
    processedRows: outcome.enrollmentsCreated,
    message: outcome.message?.slice(0, 500) ?? null,
    finishedAt: new Date(),
  });
  await db.dataSource.getRepository(ImportJobEntity).update(job.id, {
    status: job.status,
    phase: job.phase,
    errorCount: job.errorCount,
    participantsCreated: job.participantsCreated,
    enrollmentsCreated: job.enrollmentsCreated,
    processedRows: job.processedRows,
    message: job.message,
    finishedAt: job.finishedAt,
  });
  logger.info(
    {
      job: job.id,
      unit: job.unitCode,
      dryRun: job.dryRun,
      status: job.status,
      rows: job.totalRows,
      errors: job.errorCount,
      ms: Date.now() - new Date(job.startedAt).getTime(),
      ...timings,
    },
    'import finished',
  );
  return job;
}

/**
 * Reports a job that lost its process (a restart or crash mid-import) as FAILED instead of
 * RUNNING forever. Nothing of it was written: the import's transaction died with the process.
 */
export async function settleStaleJob(db: Database, job: ImportJobEntity, now = new Date()): Promise<ImportJobEntity> {
  const lastSign = job.heartbeatAt ?? job.startedAt;
  if (job.status !== 'RUNNING' || now.getTime() - new Date(lastSign).getTime() < STALE_AFTER_MS) return job;
  const change = {
    status: 'FAILED' as const,
    phase: 'DONE' as const,
    finishedAt: now,
    message: 'the import was cut off (its service stopped) and wrote nothing; run it again',
  };
  // The status condition leaves a job alone that finished in the meantime.
  const { affected } = await db.dataSource
    .getRepository(ImportJobEntity)
    .update({ id: job.id, status: 'RUNNING' }, change);
  return affected
    ? { ...job, ...change }
    : ((await db.dataSource.getRepository(ImportJobEntity).findOneBy({ id: job.id })) ?? job);
}
