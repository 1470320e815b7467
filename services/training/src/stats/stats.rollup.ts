import type { EntityManager } from 'typeorm';
import {
  addOnConflictSql,
  counterColumnList,
  counterIndex,
  countByProvenanceSql,
  provenanceCounterColumns,
} from '@kesos/infra';

/**
 * Keeps `training_stats_rollup` and `training_stats_participant` (stats.entity.ts) equal to a
 * GROUP BY over the enrollments. Every write that creates an enrollment or changes its status
 * calls one of these inside its own transaction, after its row locks (enrollment, then class),
 * so the counts commit or roll back with the write. Rollup rows are then locked in one global
 * order (sorted keys), so two writers moving the same keys queue instead of deadlocking.
 */

/**
 * The enrollments of a rollup key counted by provenance (the enrollment's own, which the seed and
 * the generator set and the API writes as OPERATIONAL): a row's `evidence`.
 */
export const ENROLLMENT_COUNTERS = provenanceCounterColumns('Enrollments');

/** What an enrollment is counted by: its unit, class year, programme, person and status (and its provenance). */
export interface EnrollmentFact {
  unitCode: string;
  year: number;
  programmeCode: string;
  participantId: number;
  gender: string;
  education: string;
  province: string;
  status: string;
  provenance: string;
}

/** The SELECT both the writes and the rebuild read enrollments' facts with (MariaDB and SQLite). */
const FACTS_FROM = `FROM enrollment e
  JOIN training_class c ON c.id = e.classId
  JOIN programme p ON p.id = c.programmeId
  JOIN participant pa ON pa.id = e.participantId`;
const FACT_COLUMNS = `e.unitCode AS unitCode, c.year AS year, p.code AS programmeCode, e.participantId AS participantId,
  pa.gender AS gender, pa.education AS education, SUBSTR(pa.nikMasked, 1, 2) AS province, e.status AS status, e.provenance AS provenance`;

interface RawFact {
  unitCode: string;
  year: number | string;
  programmeCode: string;
  participantId: number | string;
  gender: string;
  education: string;
  province: string;
  status: string;
  provenance: string;
}

const toFact = (r: RawFact): EnrollmentFact => ({
  unitCode: r.unitCode,
  year: Number(r.year),
  programmeCode: r.programmeCode,
  participantId: Number(r.participantId),
  gender: r.gender,
  education: r.education,
  province: r.province,
  status: r.status,
  provenance: r.provenance,
});

const CHUNK = 1000;

/** The facts of the given enrollments (as they are now in this transaction), a chunk at a time. */
async function* enrollmentFactChunks(
  manager: EntityManager,
  enrollmentIds: readonly number[],
): AsyncGenerator<EnrollmentFact[]> {
  for (let i = 0; i < enrollmentIds.length; i += CHUNK) {
    const part = enrollmentIds.slice(i, i + CHUNK);
    const rows = await manager.query<RawFact[]>(
      `SELECT ${FACT_COLUMNS} ${FACTS_FROM} WHERE e.id IN (${part.map(() => '?').join(', ')})`,
      part,
    );
    yield rows.map(toFact);
  }
}

async function enrollmentFacts(manager: EntityManager, enrollmentIds: readonly number[]): Promise<EnrollmentFact[]> {
  const out: EnrollmentFact[] = [];
  for await (const facts of enrollmentFactChunks(manager, enrollmentIds)) out.push(...facts);
  return out;
}

/**
 * The facts of enrollments named by (class, participant) pairs, unique per enrollment, a chunk at a
 * time: the bulk import knows its rows by these, not by id, and counts a 270,000-row list without
 * holding all its facts at once. Read table by table and joined here: in one joined statement the
 * optimizer starts from the few classes and reads each class's enrollments whole (10,000 rows a
 * class, for every chunk), which made a 270,000-row import take minutes.
 */
async function* pairFactChunks(
  manager: EntityManager,
  pairs: readonly { classId: number; participantId: number }[],
): AsyncGenerator<EnrollmentFact[]> {
  const classIds = [...new Set(pairs.map((p) => p.classId))];
  const classes = new Map<number, { year: number; programmeCode: string }>();
  for (let i = 0; i < classIds.length; i += CHUNK) {
    const part = classIds.slice(i, i + CHUNK);
    const rows = await manager.query<{ id: number | string; year: number | string; programmeCode: string }[]>(
      `SELECT c.id AS id, c.year AS year, p.code AS programmeCode FROM training_class c
       JOIN programme p ON p.id = c.programmeId WHERE c.id IN (${part.map(() => '?').join(', ')})`,
      part,
    );
    for (const r of rows) classes.set(Number(r.id), { year: Number(r.year), programmeCode: r.programmeCode });
  }
  for (let i = 0; i < pairs.length; i += CHUNK) {
    const part = pairs.slice(i, i + CHUNK);
    const wanted = new Set(part.map((p) => `${p.classId}:${p.participantId}`));
    const people = [...new Set(part.map((p) => p.participantId))];
    const marks = people.map(() => '?').join(', ');
    const enrollments = await manager.query<
      {
        classId: number | string;
        participantId: number | string;
        unitCode: string;
        status: string;
        provenance: string;
      }[]
    >(
      `SELECT classId, participantId, unitCode, status, provenance FROM enrollment WHERE participantId IN (${marks})`,
      people,
    );
    const persons = await manager.query<{ id: number | string; gender: string; education: string; province: string }[]>(
      `SELECT id, gender, education, SUBSTR(nikMasked, 1, 2) AS province FROM participant WHERE id IN (${marks})`,
      people,
    );
    const byId = new Map(persons.map((p) => [Number(p.id), p]));
    const out: EnrollmentFact[] = [];
    for (const e of enrollments) {
      const classId = Number(e.classId);
      const participantId = Number(e.participantId);
      const klass = classes.get(classId);
      const person = byId.get(participantId);
      if (!wanted.has(`${classId}:${participantId}`) || !klass || !person) continue;
      out.push({
        unitCode: e.unitCode,
        year: klass.year,
        programmeCode: klass.programmeCode,
        participantId,
        gender: person.gender,
        education: person.education,
        province: person.province,
        status: e.status,
        provenance: e.provenance,
      });
    }
    yield out;
  }
}

const ROLLUP_KEY = ['unitCode', 'year', 'programmeCode', 'gender', 'education', 'province', 'status'] as const;
const COARSE_KEY = ['unitCode', 'year', 'programmeCode', 'gender', 'education', 'status'] as const;
const PARTICIPANT_KEY = ['unitCode', 'year', 'programmeCode', 'status', 'participantId'] as const;
const PARTICIPANT_VALUES = ['gender', 'education', 'province'] as const;

interface Delta {
  values: (string | number)[];
  n: number;
  /** The n records by provenance (counterColumnList's order), for the tables that keep the counters. */
  counters: number[];
}

/**
 * Signed facts summed per key as they come, so a bulk write holds one entry per key rather than
 * its facts: the values array of a key is built once, and counters are added in place.
 */
class Tally {
  private readonly byKey = new Map<string, Delta>();

  constructor(
    private readonly key: readonly (keyof EnrollmentFact)[],
    private readonly extra: readonly (keyof EnrollmentFact)[] = [],
  ) {}

  add(fact: EnrollmentFact, sign: number): void {
    const id = JSON.stringify(this.key.map((k) => fact[k]));
    let d = this.byKey.get(id);
    if (!d) {
      d = { values: [...this.key, ...this.extra].map((k) => fact[k]), n: 0, counters: [0, 0, 0, 0] };
      this.byKey.set(id, d);
    }
    d.n += sign;
    d.counters[counterIndex(fact.provenance)] += sign;
  }

  /** The keys that moved, sorted by key (the lock order). */
  sorted(): Delta[] {
    return [...this.byKey.entries()]
      .filter(([, d]) => d.n !== 0 || d.counters.some((c) => c !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, d]) => d);
  }
}

async function upsert(
  manager: EntityManager,
  table: string,
  key: readonly string[],
  extra: readonly string[],
  rows: Delta[],
  n = 'n',
  counted = false,
): Promise<void> {
  const sqlite = manager.dataSource.options.type === 'better-sqlite3';
  const counters = counted ? counterColumnList(ENROLLMENT_COUNTERS) : [];
  const columns = [...key, ...extra, n, ...counters];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const onConflict = addOnConflictSql(key, [n, ...counters], sqlite);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => tuple).join(', ')}${onConflict}`,
      part.flatMap((d) => [...d.values, d.n, ...(counted ? d.counters : [])]),
    );
  }
  const emptied = rows.filter((d) => d.n < 0);
  for (let i = 0; i < emptied.length; i += CHUNK) {
    const part = emptied.slice(i, i + CHUNK);
    const match = `(${key.map((k) => `${k} = ?`).join(' AND ')})`;
    await manager.query(
      `DELETE FROM ${table} WHERE ${n} <= 0 AND (${part.map(() => match).join(' OR ')})`,
      part.flatMap((d) => d.values.slice(0, key.length)),
    );
  }
}

/** The three tables an enrollment is counted in, each tallied by its own key. */
class EnrollmentTallies {
  readonly coarse = new Tally(COARSE_KEY);
  readonly rollup = new Tally(ROLLUP_KEY);
  readonly participant = new Tally(PARTICIPANT_KEY, PARTICIPANT_VALUES);

  add(fact: EnrollmentFact, sign: number): void {
    this.coarse.add(fact, sign);
    this.rollup.add(fact, sign);
    this.participant.add(fact, sign);
  }

  async apply(manager: EntityManager): Promise<void> {
    await upsert(manager, 'training_stats_rollup_coarse', COARSE_KEY, [], this.coarse.sorted(), 'n', true);
    await upsert(manager, 'training_stats_rollup', ROLLUP_KEY, [], this.rollup.sorted(), 'n', true);
    await upsert(manager, 'training_stats_participant', PARTICIPANT_KEY, PARTICIPANT_VALUES, this.participant.sorted());
  }
}

/** The people of each (unit, year) among new enrollments, for training_stats_person_year. */
class PeopleTally {
  readonly groups = new Map<string, { unitCode: string; year: number; people: Set<number> }>();

  add(f: EnrollmentFact): void {
    const key = JSON.stringify([f.unitCode, f.year]);
    let g = this.groups.get(key);
    if (!g) {
      g = { unitCode: f.unitCode, year: f.year, people: new Set<number>() };
      this.groups.set(key, g);
    }
    g.people.add(f.participantId);
  }
}

/**
 * People entering a unit's year: each (unit, year) group's people are inserted into
 * `training_stats_person_year` where missing, and the group's counter grows by the rows that
 * were new (the statement's affected rows), so the counter is exact under concurrent writers.
 */
async function countPeople(manager: EntityManager, tally: PeopleTally): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('the statistics are kept inside a write transaction');
  const sqlite = manager.dataSource.options.type === 'better-sqlite3';
  for (const [, g] of [...tally.groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const people = [...g.people].sort((a, b) => a - b);
    let added = 0;
    for (let i = 0; i < people.length; i += CHUNK) {
      const part = people.slice(i, i + CHUNK);
      const result = await runner.query(
        `INSERT ${sqlite ? 'OR IGNORE' : 'IGNORE'} INTO training_stats_person_year (unitCode, year, participantId) VALUES ${part
          .map(() => '(?, ?, ?)')
          .join(', ')}`,
        part.flatMap((p) => [g.unitCode, g.year, p]),
        true,
      );
      added += result.affected ?? 0;
    }
    if (added > 0)
      await upsert(
        manager,
        'training_stats_people',
        ['unitCode', 'year'],
        [],
        [{ values: [g.unitCode, g.year], n: added, counters: [] }],
        'participants',
      );
  }
}

/** New enrollments (just inserted in this transaction) enter the counts, given their facts. */
async function countNewFacts(manager: EntityManager, chunks: AsyncIterable<EnrollmentFact[]>): Promise<void> {
  const tallies = new EnrollmentTallies();
  const people = new PeopleTally();
  for await (const facts of chunks)
    for (const fact of facts) {
      tallies.add(fact, 1);
      people.add(fact);
    }
  await tallies.apply(manager);
  await countPeople(manager, people);
}

/** New enrollments (just inserted in this transaction) enter the counts. */
export async function countNewEnrollments(manager: EntityManager, enrollmentIds: readonly number[]): Promise<void> {
  await countNewFacts(manager, enrollmentFactChunks(manager, enrollmentIds));
}

/**
 * New enrollments named by (class, participant), as the bulk import knows them, enter the counts
 * in one pass: every key's delta summed first, then applied in key order (the lock order).
 */
export async function countNewPairs(
  manager: EntityManager,
  pairs: readonly { classId: number; participantId: number }[],
): Promise<void> {
  if (pairs.length) await countNewFacts(manager, pairFactChunks(manager, pairs));
}

/** An enrollment's status changed from `from` to its current one (already written in this transaction). */
export async function countStatusChange(manager: EntityManager, enrollmentId: number, from: string): Promise<void> {
  const [now] = await enrollmentFacts(manager, [enrollmentId]);
  if (now.status === from) return;
  const tallies = new EnrollmentTallies();
  tallies.add({ ...now, status: from }, -1);
  tallies.add(now, 1);
  await tallies.apply(manager);
}

/** The enrollments of a group counted by provenance, under the counter columns' names. */
const COUNTED_SELECT = countByProvenanceSql('e.provenance')
  .map((sum, i) => `${sum} AS ${counterColumnList(ENROLLMENT_COUNTERS)[i]}`)
  .join(', ');
const COUNTED = counterColumnList(ENROLLMENT_COUNTERS).join(', ');

/** The rollup as a raw GROUP BY over the base tables computes it (the rebuild and the tests' reference). */
export const RAW_ROLLUP_SELECT = `SELECT e.unitCode AS unitCode, c.year AS year, p.code AS programmeCode, pa.gender AS gender,
  pa.education AS education, SUBSTR(pa.nikMasked, 1, 2) AS province, e.status AS status, COUNT(*) AS n,
  ${COUNTED_SELECT} ${FACTS_FROM}
  GROUP BY e.unitCode, c.year, p.code, pa.gender, pa.education, SUBSTR(pa.nikMasked, 1, 2), e.status`;

export const RAW_COARSE_SELECT = `SELECT e.unitCode AS unitCode, c.year AS year, p.code AS programmeCode, pa.gender AS gender,
  pa.education AS education, e.status AS status, COUNT(*) AS n, ${COUNTED_SELECT} ${FACTS_FROM}
  GROUP BY e.unitCode, c.year, p.code, pa.gender, pa.education, e.status`;

export const RAW_PERSON_YEAR_SELECT = `SELECT DISTINCT e.unitCode AS unitCode, c.year AS year, e.participantId AS participantId
  FROM enrollment e JOIN training_class c ON c.id = e.classId`;

export const RAW_PEOPLE_SELECT = `SELECT e.unitCode AS unitCode, c.year AS year, COUNT(DISTINCT e.participantId) AS participants
  FROM enrollment e JOIN training_class c ON c.id = e.classId GROUP BY e.unitCode, c.year`;

export const RAW_PARTICIPANT_SELECT = `SELECT e.unitCode AS unitCode, c.year AS year, p.code AS programmeCode, e.status AS status,
  e.participantId AS participantId, MIN(pa.gender) AS gender, MIN(pa.education) AS education,
  MIN(SUBSTR(pa.nikMasked, 1, 2)) AS province, COUNT(*) AS n ${FACTS_FROM}
  GROUP BY e.unitCode, c.year, p.code, e.status, e.participantId`;

/** Every table the statistics keep. */
export const STATS_TABLES = [
  'training_stats_rollup',
  'training_stats_rollup_coarse',
  'training_stats_participant',
  'training_stats_person_year',
  'training_stats_people',
];

/**
 * Recomputes every statistics table from the enrollments, with the given manager's transaction (run it in
 * one: readers see the old counts until it commits). For the migration's backfill, the seed, the
 * embedded database at startup and `npm run stats:rebuild`.
 */
export async function rebuildTrainingStats(
  manager: EntityManager,
): Promise<{ rollupRows: number; participantRows: number }> {
  for (const table of STATS_TABLES) await manager.query(`DELETE FROM ${table}`);
  await manager.query(
    `INSERT INTO training_stats_rollup (${ROLLUP_KEY.join(', ')}, n, ${COUNTED}) ${RAW_ROLLUP_SELECT}`,
  );
  await manager.query(
    `INSERT INTO training_stats_rollup_coarse (${COARSE_KEY.join(', ')}, n, ${COUNTED}) ${RAW_COARSE_SELECT}`,
  );
  await manager.query(
    `INSERT INTO training_stats_person_year (unitCode, year, participantId) ${RAW_PERSON_YEAR_SELECT}`,
  );
  await manager.query(`INSERT INTO training_stats_people (unitCode, year, participants) ${RAW_PEOPLE_SELECT}`);
  await manager.query(
    `INSERT INTO training_stats_participant (${PARTICIPANT_KEY.join(', ')}, ${PARTICIPANT_VALUES.join(', ')}, n) ${RAW_PARTICIPANT_SELECT}`,
  );
  const count = async (table: string) =>
    Number((await manager.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  return {
    rollupRows: await count('training_stats_rollup'),
    participantRows: await count('training_stats_participant'),
  };
}
