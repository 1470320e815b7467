import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EventContractError } from '../bus/event.failures';
import type { Caller } from '../auth/caller';
import { ForbiddenError } from '../errors/app.errors';

/**
 * Where a record comes from, strongest evidence first. An auditor reads a figure derived from
 * RECONSTRUCTED records as a reconstruction of a printed total, not as evidence for it.
 */
export enum Provenance {
  OPERATIONAL = 'OPERATIONAL',
  REPORTED = 'REPORTED',
  RECONSTRUCTED = 'RECONSTRUCTED',
  SYNTHETIC = 'SYNTHETIC',
}

registerEnumType(Provenance, {
  name: 'Provenance',
  description: 'Where a record comes from (asal data), strongest evidence first',
  valuesConfig: {
    OPERATIONAL: { description: 'Written through the API by the centre at work (data operasional)' },
    REPORTED: { description: 'Given record by record in the published report (tercantum dalam laporan)' },
    RECONSTRUCTED: {
      description:
        'Made so that the records add up to a total the report prints; the records themselves are not in it (rekonstruksi)',
    },
    SYNTHETIC: { description: 'Made up by the data generator for tests and load (data sintetis)' },
  },
});

/** Strongest first: the order in which `weakest` compares provenances. */
export const PROVENANCE_ORDER: readonly Provenance[] = [
  Provenance.OPERATIONAL,
  Provenance.REPORTED,
  Provenance.RECONSTRUCTED,
  Provenance.SYNTHETIC,
];

/** TypeORM options of every `provenance` column: a write through the API is operational unless it says otherwise. */
export const PROVENANCE_COLUMN = {
  type: 'varchar',
  length: 13,
  default: Provenance.OPERATIONAL,
} as const;

/** What the records behind one derived figure are; one type in every subgraph (hence @shareable). */
@Directive('@shareable')
@ObjectType('ProvenanceSummary', {
  description: 'The records a derived figure is computed from, counted by where they come from (asal data)',
})
export class ProvenanceSummary {
  @Field(() => Int, { description: 'Records written through the API (data operasional)' })
  operational!: number;

  @Field(() => Int, { description: 'Records the report gives one by one (tercantum dalam laporan)' })
  reported!: number;

  @Field(() => Int, { description: 'Records made to add up to a printed total (rekonstruksi)' })
  reconstructed!: number;

  @Field(() => Int, { description: 'Records made up by the generator (data sintetis)' })
  synthetic!: number;

  @Field(() => Int, { description: 'All records behind the figure (jumlah catatan)' })
  records!: number;

  @Field(() => Provenance, {
    nullable: true,
    description: 'The weakest provenance among the records; null when the figure rests on no record (asal terlemah)',
  })
  weakest!: Provenance | null;
}

/** Counts per provenance (missing ones are 0) into the summary a derived figure answers. */
export function summarizeProvenance(counts: Partial<Record<Provenance, number>>): ProvenanceSummary {
  const n = (p: Provenance) => counts[p] ?? 0;
  const present = PROVENANCE_ORDER.filter((p) => n(p) > 0);
  return Object.assign(new ProvenanceSummary(), {
    operational: n(Provenance.OPERATIONAL),
    reported: n(Provenance.REPORTED),
    reconstructed: n(Provenance.RECONSTRUCTED),
    synthetic: n(Provenance.SYNTHETIC),
    records: PROVENANCE_ORDER.reduce((sum, p) => sum + n(p), 0),
    weakest: present.length ? present[present.length - 1] : null,
  });
}

/** Summaries of the parts of a figure added together (e.g. a goal over its indicators). */
export function mergeProvenance(parts: readonly ProvenanceSummary[]): ProvenanceSummary {
  return summarizeProvenance({
    OPERATIONAL: parts.reduce((s, p) => s + p.operational, 0),
    REPORTED: parts.reduce((s, p) => s + p.reported, 0),
    RECONSTRUCTED: parts.reduce((s, p) => s + p.reconstructed, 0),
    SYNTHETIC: parts.reduce((s, p) => s + p.synthetic, 0),
  });
}

/**
 * The provenance a fact event carries: absent means OPERATIONAL (docs/events.md); a name that is
 * not a provenance breaks the contract, so the event is dead-lettered rather than counted as evidence.
 */
export function provenanceOfEvent(value: string | null | undefined): Provenance {
  if (value === undefined || value === null) return Provenance.OPERATIONAL;
  const known = PROVENANCE_ORDER.find((p) => p === value);
  if (!known)
    throw new EventContractError(
      `payload field provenance must be one of ${PROVENANCE_ORDER.join(', ')}, got ${JSON.stringify(value)}`,
    );
  return known;
}

/**
 * The provenance a write through the API records: OPERATIONAL unless an admin loading data (a
 * report's records, the generator's) names another, as a clerk at work cannot vouch for anything
 * but their own entry.
 */
export function provenanceOfWrite(caller: Caller, given: Provenance | null | undefined): Provenance {
  if (given === undefined || given === null || given === Provenance.OPERATIONAL) return Provenance.OPERATIONAL;
  if (caller.role !== 'admin') throw new ForbiddenError(`only an admin loading data may record ${given} records`);
  return given;
}

/** Records counted by provenance, as summarizeProvenance takes them. */
export type ProvenanceCounts = Partial<Record<Provenance, number>>;

/** Adds the n records of one stored provenance (a GROUP BY row) to counts. */
export function addProvenanceCount(counts: ProvenanceCounts, stored: string, n: number): ProvenanceCounts {
  const p = PROVENANCE_ORDER.find((x) => x === stored);
  if (!p) throw new Error(`stored provenance ${JSON.stringify(stored)} is not a provenance`);
  counts[p] = (counts[p] ?? 0) + n;
  return counts;
}

/** The counts of several record sets together (a total over lines, a goal over indicators). */
export function sumProvenanceCounts(parts: readonly ProvenanceCounts[]): ProvenanceCounts {
  const sum: ProvenanceCounts = {};
  for (const part of parts) for (const p of PROVENANCE_ORDER) if (part[p]) sum[p] = (sum[p] ?? 0) + part[p];
  return sum;
}
