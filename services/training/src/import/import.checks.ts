import { type Caller, forUpdate } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { In, Not } from 'typeorm';
import { TrainingClassEntity } from '../class/class.entity';
import { todayIso } from '../common/common.helpers';
import { EnrollmentEntity } from '../enrollment/enrollment.entity';
import { ParticipantEntity } from '../participant/participant.entity';
import { duplicateNikReason, hashNik } from '../participant/participant.service';
import { participantProblems, type ParticipantDraft } from '../participant/participant.input';
import { type ColumnMap, rowValues } from './import.columns';
import type { Sheet } from './import.parser';

export interface RowError {
  row: number;
  column: string;
  reason: string;
}

/** A row that passed the checks that need no database. */
export interface Candidate {
  row: number;
  /** Kept only when the rows are to be written: a dry run needs the hash and class alone. */
  draft: ParticipantDraft | null;
  hash: string;
  classId: number;
}

export const LOOKUP_CHUNK = 2500;
/** Problems kept and stored per import; errorCount still counts every one. */
export const MAX_KEPT_ROW_ERRORS = 1000;

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The problems of one pass over the rows, in row order: the first MAX_KEPT_ROW_ERRORS are kept,
 * every one is counted, so a file bad on every row costs a thousand objects, not millions.
 */
export class RowErrorLog {
  readonly kept: RowError[] = [];
  total = 0;
  /** Rows with at least one problem. */
  rows = 0;
  private lastRow = 0;

  add(error: RowError): void {
    this.total++;
    if (error.row !== this.lastRow) this.rows++;
    this.lastRow = error.row;
    if (this.kept.length < MAX_KEPT_ROW_ERRORS) this.kept.push(error);
  }

  /** The first problems by row over several passes (each in row order), and their totals. */
  static merge(logs: RowErrorLog[]): { kept: RowError[]; total: number; rows: number } {
    const kept = logs
      .flatMap((l) => l.kept)
      .sort((a, b) => a.row - b.row)
      .slice(0, MAX_KEPT_ROW_ERRORS);
    return { kept, total: logs.reduce((n, l) => n + l.total, 0), rows: logs.reduce((n, l) => n + l.rows, 0) };
  }
}

/**
 * Field rules and repeats inside the file, checked as the rows are read; every problem of every
 * row is counted. `keepDrafts` is false for a dry run, which never writes the rows.
 */
export async function checkRows(
  sheet: Sheet,
  columns: ColumnMap,
  keepDrafts: boolean,
): Promise<{ candidates: Candidate[]; errors: RowErrorLog; totalRows: number }> {
  const candidates: Candidate[] = [];
  const errors = new RowErrorLog();
  let totalRows = 0;
  // Classes as a number for the usual one-class person, an array only for a person in several.
  const firstByHash = new Map<string, { row: number; name: string; birthDate: string; classes: number | number[] }>();
  const today = todayIso();
  for await (const { row, cells } of sheet.rows) {
    totalRows++;
    const values = rowValues(cells, columns);
    const problems = participantProblems(values.draft, today).map((p) => ({
      row,
      column: columns.label[p.field],
      reason: p.reason,
    }));
    if (values.nikAsNumber) {
      const nik = problems.find((p) => p.column === columns.label.nik);
      const reason =
        'NIK is stored as a number, and Excel keeps only 15 of its 16 digits; format the NIK column as text and type the NIKs again';
      if (nik) nik.reason = reason;
      else problems.push({ row, column: columns.label.nik, reason });
    }
    const classId = /^\d{1,9}$/.test(values.classId) ? Number(values.classId) : NaN;
    if (!(classId > 0))
      problems.push({
        row,
        column: columns.label.classId,
        reason: `class id must be the number of a class (angkatan), got "${values.classId}"`,
      });
    if (problems.length) {
      for (const p of problems) errors.add(p);
      continue;
    }
    const hash = hashNik(values.draft.nik);
    const first = firstByHash.get(hash);
    if (first) {
      const classes = typeof first.classes === 'number' ? [first.classes] : first.classes;
      if (classes.includes(classId)) {
        errors.add({
          row,
          column: columns.label.nik,
          reason: `this NIK is already on row ${first.row} for class ${classId}`,
        });
        continue;
      }
      if (first.name !== values.draft.name || first.birthDate !== values.draft.birthDate) {
        errors.add({
          row,
          column: columns.label.nik,
          reason: `this NIK is also on row ${first.row} with another name or birth date`,
        });
        continue;
      }
      first.classes = [...classes, classId];
    } else {
      firstByHash.set(hash, { row, name: values.draft.name, birthDate: values.draft.birthDate, classes: classId });
    }
    candidates.push({ row, draft: keepDrafts ? values.draft : null, hash, classId });
  }
  return { candidates, errors, totalRows };
}

export interface RegistryFacts {
  classes: Map<number, TrainingClassEntity>;
  /** Participants already registered, by NIK hash. */
  existing: Map<string, { id: number; unitCode: string }>;
}

/**
 * Checks against the classes and the registry: class of the unit and open, person not from
 * another unit, not enrolled already, seats left. Inside the import transaction the classes are
 * locked first, so that the seats counted here are still free when the rows are written.
 */
export async function checkRegistry(
  manager: EntityManager,
  unitCode: string,
  caller: Caller,
  candidates: Candidate[],
  columns: ColumnMap,
  lock: boolean,
): Promise<{ facts: RegistryFacts; errors: RowErrorLog }> {
  const errors = new RowErrorLog();
  const classIds = [...new Set(candidates.map((c) => c.classId))];
  const classes = new Map<number, TrainingClassEntity>();
  const lockOption = lock ? forUpdate(manager) : {};
  for (const ids of chunks(
    classIds.sort((a, b) => a - b),
    LOOKUP_CHUNK,
  )) {
    for (const c of await manager.find(TrainingClassEntity, {
      where: { id: In(ids) },
      order: { id: 'ASC' },
      ...lockOption,
    }))
      classes.set(c.id, c);
  }
  const existing = new Map<string, { id: number; unitCode: string }>();
  for (const hashes of chunks([...new Set(candidates.map((c) => c.hash))], LOOKUP_CHUNK)) {
    for (const p of await manager.find(ParticipantEntity, {
      select: { id: true, nikHash: true, unitCode: true },
      where: { nikHash: In(hashes) },
    }))
      existing.set(p.nikHash, { id: p.id, unitCode: p.unitCode });
  }
  const enrolled = new Set<string>();
  for (const ids of chunks([...new Set([...existing.values()].map((p) => p.id))], LOOKUP_CHUNK)) {
    for (const e of await manager.find(EnrollmentEntity, {
      select: { participantId: true, classId: true },
      where: { participantId: In(ids) },
    }))
      enrolled.add(`${e.participantId}:${e.classId}`);
  }
  const seated = new Map<number, number>();
  for (const ids of chunks([...classes.keys()], LOOKUP_CHUNK)) {
    const rows: { classId: number | string; n: string | number }[] = await manager
      .createQueryBuilder(EnrollmentEntity, 'e')
      .select('e.classId', 'classId')
      .addSelect('COUNT(*)', 'n')
      .where({ classId: In(ids), status: Not('DROPPED_OUT') })
      .groupBy('e.classId')
      .getRawMany();
    for (const r of rows) seated.set(Number(r.classId), Number(r.n));
  }
  for (const c of candidates) {
    const cls = classes.get(c.classId);
    if (!cls || cls.unitCode !== unitCode) {
      errors.add({
        row: c.row,
        column: columns.label.classId,
        reason: `there is no class ${c.classId} of ${unitCode}`,
      });
      continue;
    }
    if (cls.status === 'CLOSED') {
      errors.add({
        row: c.row,
        column: columns.label.classId,
        reason: `class ${c.classId} is CLOSED; participants register while it is PLANNED or RUNNING`,
      });
      continue;
    }
    const person = existing.get(c.hash);
    if (person && person.unitCode !== unitCode && caller.role !== 'admin') {
      errors.add({ row: c.row, column: columns.label.nik, reason: duplicateNikReason(caller, unitCode, person) });
      continue;
    }
    if (person && enrolled.has(`${person.id}:${c.classId}`)) {
      errors.add({
        row: c.row,
        column: columns.label.nik,
        reason: `this participant is already enrolled in class ${c.classId}`,
      });
      continue;
    }
    const taken = (seated.get(c.classId) ?? 0) + 1;
    seated.set(c.classId, taken);
    if (taken > cls.capacity)
      errors.add({
        row: c.row,
        column: columns.label.classId,
        reason: `class ${c.classId} is full: it has ${cls.capacity} seats and this row would take seat ${taken}`,
      });
  }
  return { facts: { classes, existing }, errors };
}
