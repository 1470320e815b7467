import { PROVENANCE_ORDER, Provenance, summarizeProvenance } from './provenance.kernel';
import type { ProvenanceSummary } from './provenance.kernel';

/**
 * Per-provenance counters of a statistics rollup: beside a count of records, four columns
 * counting the same records by provenance (`operational<Noun>` ... `synthetic<Noun>`), moved by
 * the same upsert and summed by the same GROUP BY, so a rollup row's evidence costs neither a
 * statement nor a scan of the records.
 */
export type ProvenanceCounterColumns = Readonly<Record<Provenance, string>>;

/** The four counter columns of a rollup counting `noun` (e.g. 'Enrollments' gives operationalEnrollments ...). */
export function provenanceCounterColumns(noun: string): ProvenanceCounterColumns {
  return {
    [Provenance.OPERATIONAL]: `operational${noun}`,
    [Provenance.REPORTED]: `reported${noun}`,
    [Provenance.RECONSTRUCTED]: `reconstructed${noun}`,
    [Provenance.SYNTHETIC]: `synthetic${noun}`,
  };
}

/** The columns in PROVENANCE_ORDER, for column lists of INSERT statements. */
export const counterColumnList = (columns: ProvenanceCounterColumns): string[] =>
  PROVENANCE_ORDER.map((p) => columns[p]);

/** The values of the four counters for `n` records of one provenance, in counterColumnList's order. */
export function counterValues(provenance: string, n: number): number[] {
  const at = counterIndex(provenance);
  return PROVENANCE_ORDER.map((_, i) => (i === at ? n : 0));
}

/** Where a provenance's counter stands in counterColumnList's order (for adding to counters in place). */
export function counterIndex(provenance: string): number {
  const at = PROVENANCE_ORDER.findIndex((p) => p === provenance);
  if (at < 0) throw new Error(`stored provenance ${JSON.stringify(provenance)} is not a provenance`);
  return at;
}

/**
 * Counting expressions for a GROUP BY over the records (the rebuild's): one per counter, in
 * counterColumnList's order, each `SUM(CASE WHEN <provenance> = 'X' THEN <weight> ELSE 0 END)`.
 */
export function countByProvenanceSql(provenanceExpr: string, weight = '1'): string[] {
  return PROVENANCE_ORDER.map((p) => `SUM(CASE WHEN ${provenanceExpr} = '${p}' THEN ${weight} ELSE 0 END)`);
}

/** `SUM(col) AS col` for each counter: what a statistics query selects beside its measures. */
export function sumCountersSql(columns: ProvenanceCounterColumns, table = ''): string {
  const prefix = table ? `${table}.` : '';
  return counterColumnList(columns)
    .map((c) => `SUM(${prefix}${c}) AS ${c}`)
    .join(', ');
}

/**
 * The summary of a statistics row from its summed counters (absent or null sums are 0). Takes any
 * raw row: the counters are selected beside the row's typed measures under the columns' names.
 */
export function summaryOfCounters(raw: object, columns: ProvenanceCounterColumns): ProvenanceSummary {
  const row = raw as Readonly<Record<string, unknown>>;
  const n = (p: Provenance) => Number(row[columns[p]] ?? 0);
  return summarizeProvenance({
    OPERATIONAL: n(Provenance.OPERATIONAL),
    REPORTED: n(Provenance.REPORTED),
    RECONSTRUCTED: n(Provenance.RECONSTRUCTED),
    SYNTHETIC: n(Provenance.SYNTHETIC),
  });
}

/** MariaDB statements adding the four counters to a rollup table (a migration's up); 0 until rebuilt. */
export function addCounterColumnsSql(table: string, columns: ProvenanceCounterColumns): string[] {
  return counterColumnList(columns).map((c) => `ALTER TABLE \`${table}\` ADD \`${c}\` int NOT NULL DEFAULT '0'`);
}

/** The statements undoing addCounterColumnsSql (a migration's down). */
export function dropCounterColumnsSql(table: string, columns: ProvenanceCounterColumns): string[] {
  return counterColumnList(columns)
    .reverse()
    .map((c) => `ALTER TABLE \`${table}\` DROP COLUMN \`${c}\``);
}
