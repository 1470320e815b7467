import type { Caller } from '@kesos/infra';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ForbiddenError, Provenance, PROVENANCE_ORDER } from '@kesos/infra';

/**
 * The provenance a write stores. A centre's own writes are OPERATIONAL; saying that a record comes
 * from a report, reconstructs a printed total or is generated is a claim about evidence an auditor
 * relies on, so only an admin (who loads reports and generated data) may make it.
 */
export function writtenProvenance(caller: Caller, given: Provenance | null | undefined): Provenance {
  if (given == null || given === Provenance.OPERATIONAL) return Provenance.OPERATIONAL;
  if (caller.role !== 'admin')
    throw new ForbiddenError(`only an admin writes ${given} records; a unit's own writes are OPERATIONAL`);
  return given;
}

const alias = (p: Provenance) => `prov_${p.toLowerCase()}`;

/**
 * Adds to a grouped query one column per provenance counting its rows, so a derived figure learns
 * what its records are in the statement that computes it, whatever else it groups by.
 */
export function selectProvenanceCounts<Q extends SelectQueryBuilder<ObjectLiteral>>(qb: Q, table: string): Q {
  for (const p of PROVENANCE_ORDER)
    qb.addSelect(`SUM(CASE WHEN ${table}.provenance = '${p}' THEN 1 ELSE 0 END)`, alias(p));
  return qb;
}

/** The counts `selectProvenanceCounts` selected, read back from a raw row (sums may come as strings or null). */
export function readProvenanceCounts(raw: object): Record<Provenance, number> {
  const row = raw as Record<string, unknown>;
  return Object.fromEntries(PROVENANCE_ORDER.map((p) => [p, Number(row[alias(p)] ?? 0)])) as Record<Provenance, number>;
}

/** Counts of several groups added together. */
export function addProvenanceCounts(parts: readonly Partial<Record<Provenance, number>>[]): Record<Provenance, number> {
  return Object.fromEntries(
    PROVENANCE_ORDER.map((p) => [p, parts.reduce((sum, part) => sum + (part[p] ?? 0), 0)]),
  ) as Record<Provenance, number>;
}
