import { type Caller, forUpdate } from '@kesos/infra';
import { EntityManager, In, Not } from 'typeorm';
import { TrainingClassEntity } from '../class/class.entity';
import { todayIso } from '../common/common.helpers';
import { EnrollmentEntity } from '../enrollment/enrollment.entity';
import { hashNik } from '../participant/participant.crypto';
import { ParticipantEntity } from '../participant/participant.entity';
import { duplicateNikReason } from '../participant/participant.service';
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
  draft: ParticipantDraft;
  hash: string;
  classId: number;
}

export const LOOKUP_CHUNK = 2500;

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Field rules and repeats inside the file; every problem of every row is reported. */
export function checkRows(sheet: Sheet, columns: ColumnMap): { candidates: Candidate[]; errors: RowError[] } {
  const candidates: Candidate[] = [];
  const errors: RowError[] = [];
  const firstByHash = new Map<string, { row: number; name: string; birthDate: string; classes: Set<number> }>();
  const today = todayIso();
  for (const { row, cells } of sheet.rows) {
    const values = rowValues(cells, columns);
    const problems = participantProblems(values.draft, today).map((p) => ({ row, column: columns.label[p.field], reason: p.reason }));
    if (values.nikAsNumber) {
      const nik = problems.find((p) => p.column === columns.label.nik);
      const reason = 'NIK is stored as a number, and Excel keeps only 15 of its 16 digits; format the NIK column as text and type the NIKs again';
      if (nik) nik.reason = reason;
      else problems.push({ row, column: columns.label.nik, reason });
    }
    const classId = /^\d{1,9}$/.test(values.classId) ? Number(values.classId) : NaN;
    if (!(classId > 0)) problems.push({ row, column: columns.label.classId, reason: `class id must be the number of a class (angkatan), got "${values.classId}"` });
    if (problems.length) {
      errors.push(...problems);
      continue;
    }
    const hash = hashNik(values.draft.nik);
    const first = firstByHash.get(hash);
    if (first) {
      if (first.classes.has(classId)) {
        errors.push({ row, column: columns.label.nik, reason: `this NIK is already on row ${first.row} for class ${classId}` });
        continue;
      }
      if (first.name !== values.draft.name || first.birthDate !== values.draft.birthDate) {
        errors.push({ row, column: columns.label.nik, reason: `this NIK is also on row ${first.row} with another name or birth date` });
        continue;
      }
      first.classes.add(classId);
    } else {
      firstByHash.set(hash, { row, name: values.draft.name, birthDate: values.draft.birthDate, classes: new Set([classId]) });
    }
    candidates.push({ row, draft: values.draft, hash, classId });
  }
  return { candidates, errors };
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
export async function checkRegistry(manager: EntityManager, unitCode: string, caller: Caller, candidates: Candidate[], columns: ColumnMap, lock: boolean): Promise<{ facts: RegistryFacts; errors: RowError[] }> {
  const errors: RowError[] = [];
  const classIds = [...new Set(candidates.map((c) => c.classId))];
  const classes = new Map<number, TrainingClassEntity>();
  const lockOption = lock ? forUpdate(manager) : {};
  for (const ids of chunks(classIds.sort((a, b) => a - b), LOOKUP_CHUNK)) {
    for (const c of await manager.find(TrainingClassEntity, { where: { id: In(ids) }, order: { id: 'ASC' }, ...lockOption })) classes.set(c.id, c);
  }
  const existing = new Map<string, { id: number; unitCode: string }>();
  for (const hashes of chunks([...new Set(candidates.map((c) => c.hash))], LOOKUP_CHUNK)) {
    for (const p of await manager.find(ParticipantEntity, { select: { id: true, nikHash: true, unitCode: true }, where: { nikHash: In(hashes) } })) existing.set(p.nikHash, { id: p.id, unitCode: p.unitCode });
  }
  const enrolled = new Set<string>();
  for (const ids of chunks([...new Set([...existing.values()].map((p) => p.id))], LOOKUP_CHUNK)) {
    for (const e of await manager.find(EnrollmentEntity, { select: { participantId: true, classId: true }, where: { participantId: In(ids) } })) enrolled.add(`${e.participantId}:${e.classId}`);
  }
  const seated = new Map<number, number>();
  for (const ids of chunks([...classes.keys()], LOOKUP_CHUNK)) {
    const rows: { classId: number; n: string | number }[] = await manager
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
      errors.push({ row: c.row, column: columns.label.classId, reason: `there is no class ${c.classId} of ${unitCode}` });
      continue;
    }
    if (cls.status === 'CLOSED') {
      errors.push({ row: c.row, column: columns.label.classId, reason: `class ${c.classId} is CLOSED; participants register while it is PLANNED or RUNNING` });
      continue;
    }
    const person = existing.get(c.hash);
    if (person && person.unitCode !== unitCode && caller.role !== 'admin') {
      errors.push({ row: c.row, column: columns.label.nik, reason: duplicateNikReason(caller, unitCode, person) });
      continue;
    }
    if (person && enrolled.has(`${person.id}:${c.classId}`)) {
      errors.push({ row: c.row, column: columns.label.nik, reason: `this participant is already enrolled in class ${c.classId}` });
      continue;
    }
    const taken = (seated.get(c.classId) ?? 0) + 1;
    seated.set(c.classId, taken);
    if (taken > cls.capacity) errors.push({ row: c.row, column: columns.label.classId, reason: `class ${c.classId} is full: it has ${cls.capacity} seats and this row would take seat ${taken}` });
  }
  return { facts: { classes, existing }, errors };
}
