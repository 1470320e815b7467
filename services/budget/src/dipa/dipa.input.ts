import { BadInputError, FIRST_YEAR, isYearInRange, LAST_YEAR, Provenance } from '@kesos/infra';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DipaLineInput, validateLines, validDate } from '../revision/revision.input';
import { RevisionAuthority } from '../revision/revision.type';

@InputType({ description: 'An output (rincian output, RO) of an activity, under its output class (KRO)' })
export class DipaOutputInput {
  @Field({ description: 'Output class code (kode KRO), e.g. 6391.SCM' })
  kroCode!: string;

  @Field({ description: 'Output class name (nama KRO)' })
  kroName!: string;

  @Field({ description: 'Output code (kode RO): the KRO code, a dot and three digits, e.g. 6391.SCM.001' })
  code!: string;

  @Field({ description: 'Output name (nama RO)' })
  name!: string;

  @Field({ description: 'Volume unit (satuan), e.g. orang, LKS, layanan, dokumen' })
  volumeUnit!: string;

  @Field(() => Int, { description: 'Volume target (target volume) in that unit, 0 or more' })
  volumeTarget!: number;
}

@InputType({ description: 'An activity (kegiatan) of a programme with its outputs' })
export class DipaActivityInput {
  @Field({ description: 'Activity code (kode kegiatan): four digits, e.g. 6391' })
  code!: string;

  @Field({ description: 'Activity name (nama kegiatan)' })
  name!: string;

  @Field(() => [DipaOutputInput], { description: 'Outputs (RO) of the activity' })
  outputs!: DipaOutputInput[];
}

@InputType({ description: 'A programme (program) of the DIPA with its activities' })
export class DipaProgrammeInput {
  @Field({ description: 'Programme code (kode program), e.g. 027.DN' })
  code!: string;

  @Field({ description: 'Programme name (nama program)' })
  name!: string;

  @Field(() => [DipaActivityInput], { description: 'Activities (kegiatan) of the programme' })
  activities!: DipaActivityInput[];
}

@InputType({ description: 'A satker not recorded yet, recorded together with its first DIPA' })
export class NewSatkerInput {
  @Field({ description: 'Satker name (nama satker)' })
  name!: string;

  @Field({ description: 'Organisation structure it belongs to, e.g. OTK baru (UKE I Sekretariat Jenderal)' })
  organisation!: string;
}

@InputType({ description: 'The initial DIPA (DIPA awal, revision 0) of a satker for a fiscal year' })
export class OpenDipaInput {
  @Field(() => ID, { description: 'Unit code the satker belongs to' })
  unit!: string;

  @Field({ description: 'Satker code (kode satker): six digits, e.g. 690552' })
  satkerCode!: string;

  @Field(() => NewSatkerInput, {
    nullable: true,
    description: "The satker's name and organisation when it is not recorded yet; leave out for a recorded satker",
  })
  newSatker?: NewSatkerInput | null;

  @Field(() => Int, { description: 'Fiscal year (tahun anggaran)' })
  year!: number;

  @Field(() => RevisionAuthority, {
    defaultValue: RevisionAuthority.DJA,
    description: 'Approving authority of the DIPA; DJA by default',
  })
  authority!: RevisionAuthority;

  @Field({ description: 'Date the DIPA was issued, YYYY-MM-DD, in the fiscal year or in December of the year before' })
  date!: string;

  @Field({ description: 'Description (uraian), e.g. the DIPA number' })
  description!: string;

  @Field(() => [DipaProgrammeInput], { description: 'Programme → activity → KRO → RO hierarchy' })
  programmes!: DipaProgrammeInput[];

  @Field(() => [DipaLineInput], { description: 'The budget lines with their ceilings; the DIPA ceiling is their sum' })
  lines!: DipaLineInput[];

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the DIPA, its lines and targets come from (asal data); OPERATIONAL when left out, another only from an admin loading data',
  })
  provenance?: Provenance | null;
}

const text = (field: string, value: string, max: number): string => {
  const v = value.trim();
  if (!v || v.length > max) throw new BadInputError(field, `${field} is required and at most ${max} characters`);
  return v;
};

function code(field: string, value: string, pattern: RegExp, example: string): string {
  const v = value.trim();
  if (!pattern.test(v))
    throw new BadInputError(field, `"${value}" is not a valid ${field}; expected the form of ${example}`);
  return v;
}

function unique(field: string, values: string[]): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new BadInputError(field, `${v} appears twice; each may appear once in a DIPA`);
    seen.add(v);
  }
}

/** Checks everything that needs no database; the service checks the satker, the DIPA and the accounts. */
export function validateOpenDipa(input: OpenDipaInput): OpenDipaInput {
  if (!isYearInRange(input.year))
    throw new BadInputError('year', `fiscal year ${input.year} is not between ${FIRST_YEAR} and ${LAST_YEAR}`);
  // DIPAs are commonly handed over in December for the year after.
  const date = input.date.trim().startsWith(`${input.year - 1}-12-`)
    ? validDate('date', input.date, input.year - 1)
    : validDate('date', input.date, input.year);
  const programmes = input.programmes.map((p) => ({
    code: code('programmes.code', p.code, /^\d{3}\.[A-Z]{2}$/, '027.DN'),
    name: text('programmes.name', p.name, 200),
    activities: p.activities.map((a) => ({
      code: code('programmes.activities.code', a.code, /^\d{4}$/, '6391'),
      name: text('programmes.activities.name', a.name, 200),
      outputs: a.outputs.map((o) => {
        const kroCode = code('outputs.kroCode', o.kroCode, /^\d{4}\.[A-Z]{3}$/, '6391.SCM');
        const roCode = code('outputs.code', o.code, /^\d{4}\.[A-Z]{3}\.\d{3}$/, '6391.SCM.001');
        if (!roCode.startsWith(`${kroCode}.`))
          throw new BadInputError('outputs.code', `output ${roCode} is not under output class ${kroCode}`);
        if (!Number.isInteger(o.volumeTarget) || o.volumeTarget < 0)
          throw new BadInputError(
            'outputs.volumeTarget',
            `volume target of ${roCode} must be a whole number, 0 or more`,
          );
        return {
          kroCode,
          kroName: text('outputs.kroName', o.kroName, 200),
          code: roCode,
          name: text('outputs.name', o.name, 300),
          volumeUnit: text('outputs.volumeUnit', o.volumeUnit, 30),
          volumeTarget: o.volumeTarget,
        };
      }),
    })),
  }));
  unique(
    'programmes.code',
    programmes.map((p) => p.code),
  );
  unique(
    'programmes.activities.code',
    programmes.flatMap((p) => p.activities.map((a) => a.code)),
  );
  const outputCodes = programmes.flatMap((p) => p.activities.flatMap((a) => a.outputs.map((o) => o.code)));
  unique('outputs.code', outputCodes);

  if (!input.lines.length) throw new BadInputError('lines', 'a DIPA needs at least one budget line');
  const lines = validateLines('lines', input.lines, outputCodes);

  return {
    ...input,
    unit: code('unit', input.unit, /^[A-Z0-9][A-Z0-9-]{1,39}$/, 'BBPPKS-PADANG'),
    satkerCode: code('satkerCode', input.satkerCode, /^\d{6}$/, '690552'),
    newSatker: input.newSatker
      ? {
          name: text('newSatker.name', input.newSatker.name, 200),
          organisation: text('newSatker.organisation', input.newSatker.organisation, 200),
        }
      : null,
    date,
    description: text('description', input.description, 1000),
    programmes,
    lines,
  };
}
