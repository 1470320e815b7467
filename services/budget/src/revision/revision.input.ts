import { BadInputError, parseIsoDate, RupiahScalar } from '@kesos/infra';
import { Field, ID, InputType, Int } from 'type-graphql';
import { RevisionAuthority } from './revision.type';

@InputType({ description: "One line's change in a revision" })
export class LineChangeInput {
  @Field(() => ID, { description: "Id of an existing line of the satker's DIPA for that year" })
  lineId!: string;

  @Field(() => RupiahScalar, { description: 'Change of the ceiling (pagu) in whole rupiah; negative for a cut' })
  ceilingChange!: number;

  @Field(() => RupiahScalar, {
    nullable: true,
    description: 'Change of the blocked amount (blokir) in whole rupiah; negative to unblock (buka blokir). Default 0',
  })
  blockedChange?: number | null;
}

@InputType({
  description:
    'A new budget line of a DIPA: an account under a component of an output, or an expense-type summary line',
})
export class DipaLineInput {
  @Field(() => String, {
    nullable: true,
    description: 'Output code (kode RO) of this DIPA the line belongs to; null for an expense-type summary line',
  })
  outputCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Component code (kode komponen), three digits, e.g. 051; required with an output, absent without',
  })
  componentCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Component name (nama komponen)' })
  componentName?: string | null;

  @Field({ description: 'Account code (kode akun) of the chart of accounts, e.g. 521211' })
  accountCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Performance goal the line serves (sasaran kegiatan), SK1 to SK6',
  })
  goalCode?: string | null;

  @Field(() => RupiahScalar, { description: 'Ceiling (pagu) in whole rupiah, more than 0' })
  ceiling!: number;

  @Field(() => RupiahScalar, {
    nullable: true,
    description: 'Part of the ceiling blocked (blokir) from the start, in whole rupiah. Default 0',
  })
  blocked?: number | null;
}

@InputType({ description: 'A new volume target for an output (RO) set by a revision' })
export class OutputTargetInput {
  @Field({ description: 'Output code (kode RO), e.g. 6391.SCM.001' })
  outputCode!: string;

  @Field(() => Int, { description: "New volume target in the output's unit (satuan), e.g. 390 orang" })
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

  @Field(() => [LineChangeInput], {
    description: 'Line-level changes; the ceiling after the revision is derived from them',
  })
  changes!: LineChangeInput[];

  @Field(() => [OutputTargetInput], { nullable: true, description: 'Output volume targets the revision changes' })
  outputTargets?: OutputTargetInput[] | null;

  @Field(() => [DipaLineInput], {
    nullable: true,
    description:
      'Lines the revision adds (penambahan akun), under outputs the DIPA already has; their ceilings count as changes',
  })
  newLines?: DipaLineInput[] | null;
}

/** A real calendar date in ISO form inside the fiscal year, or a BAD_USER_INPUT naming the field. */
export function validDate(field: string, value: string, year: number): string {
  const date = value.trim();
  const parsed = parseIsoDate(date);
  if (!parsed) throw new BadInputError(field, `"${value}" is not a date; use YYYY-MM-DD`);
  if (parsed.getUTCFullYear() !== year)
    throw new BadInputError(field, `${date} is outside fiscal year ${year} (1 January to 31 December ${year})`);
  return date;
}

/** Whole rupiah that fit a safe integer; SafeInt already refuses fractions, this guards callers inside the service too. */
export function wholeRupiah(field: string, value: number, options: { positive?: boolean } = {}): number {
  if (!Number.isSafeInteger(value)) throw new BadInputError(field, `${value} is not a whole number of rupiah`);
  if (options.positive && value <= 0)
    throw new BadInputError(
      field,
      `the amount must be a positive number of rupiah; record a correction with reverseRealization`,
    );
  return value;
}

/**
 * Checks new lines on their own: codes, whole positive ceilings, blocked amounts within them,
 * each line once. With `outputs`, each line's output must be one of them (a new DIPA); a
 * revision checks its lines' outputs against the DIPA instead.
 */
export function validateLines(field: string, lines: DipaLineInput[], outputs: string[] | null): DipaLineInput[] {
  const valid = lines.map((l) => {
    const outputCode = l.outputCode?.trim() || null;
    if (outputCode && outputs && !outputs.includes(outputCode))
      throw new BadInputError(`${field}.outputCode`, `output ${outputCode} is not among this DIPA's outputs`);
    const componentCode = l.componentCode?.trim() || null;
    if (outputCode && !componentCode)
      throw new BadInputError(`${field}.componentCode`, `a line of output ${outputCode} needs its component code`);
    if (!outputCode && componentCode)
      throw new BadInputError(`${field}.componentCode`, 'a summary line without an output has no component');
    if (componentCode && !/^\d{3}$/.test(componentCode))
      throw new BadInputError(`${field}.componentCode`, `"${componentCode}" is not a component code such as 051`);
    const goalCode = l.goalCode?.trim() || null;
    if (goalCode && !/^SK[1-6]$/.test(goalCode))
      throw new BadInputError(`${field}.goalCode`, `"${goalCode}" is not a goal code SK1 to SK6`);
    const ceiling = wholeRupiah(`${field}.ceiling`, l.ceiling);
    if (ceiling <= 0)
      throw new BadInputError(`${field}.ceiling`, `the ceiling of account ${l.accountCode} must be more than 0 rupiah`);
    const blocked = l.blocked ?? 0;
    wholeRupiah(`${field}.blocked`, blocked);
    if (blocked < 0 || blocked > ceiling)
      throw new BadInputError(`${field}.blocked`, `a line cannot block ${blocked} out of a ceiling of ${ceiling}`);
    return {
      outputCode,
      componentCode,
      componentName: l.componentName?.trim() || null,
      accountCode: l.accountCode.trim(),
      goalCode,
      ceiling,
      blocked,
    };
  });
  const seen = new Set<string>();
  for (const l of valid) {
    const key = `output ${l.outputCode ?? '-'} component ${l.componentCode ?? '-'} account ${l.accountCode}`;
    if (seen.has(key)) throw new BadInputError(field, `${key} appears twice; each line may appear once`);
    seen.add(key);
  }
  return valid;
}

export function validateRevision(input: RecordRevisionInput): RecordRevisionInput {
  const date = validDate('date', input.date, input.year);
  const description = input.description.trim();
  if (!description || description.length > 1000)
    throw new BadInputError('description', 'The reason for the revision is required and at most 1000 characters');
  if (!input.changes.length && !input.outputTargets?.length && !input.newLines?.length)
    throw new BadInputError('changes', 'A revision must change at least one line or output target, or add a line');
  const seen = new Set<string>();
  for (const c of input.changes) {
    if (seen.has(c.lineId))
      throw new BadInputError('changes', `line ${c.lineId} appears twice; give one net change per line`);
    seen.add(c.lineId);
    wholeRupiah('changes.ceilingChange', c.ceilingChange);
    if (c.blockedChange !== null && c.blockedChange !== undefined)
      wholeRupiah('changes.blockedChange', c.blockedChange);
  }
  for (const t of input.outputTargets ?? []) {
    if (!Number.isInteger(t.volumeTarget) || t.volumeTarget < 0)
      throw new BadInputError(
        'outputTargets.volumeTarget',
        `volume target of ${t.outputCode} must be a whole number, 0 or more`,
      );
  }
  return { ...input, date, description, newLines: validateLines('newLines', input.newLines ?? [], null) };
}
