import { BadInputError } from '@kesos/infra';
import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { RevisionAuthority } from './revision.type';

@InputType({ description: 'One line\'s change in a revision' })
export class LineChangeInput {
  @Field(() => ID, { description: 'Id of an existing line of the satker\'s DIPA for that year' })
  lineId!: string;

  @Field(() => SafeIntResolver, { description: 'Change of the ceiling (pagu) in whole rupiah; negative for a cut' })
  ceilingChange!: number;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Change of the blocked amount (blokir) in whole rupiah; negative to unblock (buka blokir). Default 0' })
  blockedChange?: number | null;
}

@InputType({ description: 'A new volume target for an output (RO) set by a revision' })
export class OutputTargetInput {
  @Field({ description: 'Output code (kode RO), e.g. 6391.SCM.001' })
  outputCode!: string;

  @Field(() => Int, { description: 'New volume target in the output\'s unit (satuan), e.g. 390 orang' })
  volumeTarget!: number;
}

@InputType({ description: 'A DIPA revision (revisi DIPA) to append; the number is the next after the latest' })
export class RecordRevisionInput {
  @Field({ description: 'Satker code (kode satker), e.g. 690552' })
  satkerCode!: string;

  @Field(() => Int, { description: 'Fiscal year (tahun anggaran) of the DIPA' })
  year!: number;

  @Field(() => RevisionAuthority, { description: 'Approving authority: DJA or DJPB' })
  authority!: RevisionAuthority;

  @Field({ description: 'Approval date, YYYY-MM-DD, within the fiscal year and not before the previous revision' })
  date!: string;

  @Field({ description: 'Reason for the revision (alasan revisi)' })
  description!: string;

  @Field(() => [LineChangeInput], { description: 'Line-level changes; the ceiling after the revision is derived from them' })
  changes!: LineChangeInput[];

  @Field(() => [OutputTargetInput], { nullable: true, description: 'Output volume targets the revision changes' })
  outputTargets?: OutputTargetInput[] | null;
}

/** A real calendar date in ISO form inside the fiscal year, or a BAD_USER_INPUT naming the field. */
export function validDate(field: string, value: string, year: number): string {
  const date = value.trim();
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) throw new BadInputError(field, `"${value}" is not a date; use YYYY-MM-DD`);
  if (parsed.getUTCFullYear() !== year) throw new BadInputError(field, `${date} is outside fiscal year ${year} (1 January to 31 December ${year})`);
  return date;
}

/** Whole rupiah that fit a safe integer; SafeInt already refuses fractions, this guards callers inside the service too. */
export function wholeRupiah(field: string, value: number, options: { positive?: boolean } = {}): number {
  if (!Number.isSafeInteger(value)) throw new BadInputError(field, `${value} is not a whole number of rupiah`);
  if (options.positive && value <= 0) throw new BadInputError(field, `the amount must be a positive number of rupiah; record a correction with reverseRealization`);
  return value;
}

export function validateRevision(input: RecordRevisionInput): RecordRevisionInput {
  const date = validDate('date', input.date, input.year);
  const description = input.description.trim();
  if (!description || description.length > 1000) throw new BadInputError('description', 'The reason for the revision is required and at most 1000 characters');
  if (!input.changes.length && !input.outputTargets?.length) throw new BadInputError('changes', 'A revision must change at least one line or output target');
  const seen = new Set<string>();
  for (const c of input.changes) {
    if (seen.has(c.lineId)) throw new BadInputError('changes', `line ${c.lineId} appears twice; give one net change per line`);
    seen.add(c.lineId);
    wholeRupiah('changes.ceilingChange', c.ceilingChange);
    if (c.blockedChange !== null && c.blockedChange !== undefined) wholeRupiah('changes.blockedChange', c.blockedChange);
  }
  for (const t of input.outputTargets ?? []) {
    if (!Number.isInteger(t.volumeTarget) || t.volumeTarget < 0) throw new BadInputError('outputTargets.volumeTarget', `volume target of ${t.outputCode} must be a whole number, 0 or more`);
  }
  return { ...input, date, description };
}
