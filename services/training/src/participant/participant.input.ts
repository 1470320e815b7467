import { BadInputError, isIsoDate, Provenance } from '@kesos/infra';
import { Field, ID, InputType } from 'type-graphql';
import { todayIso } from '../common/common.helpers';
import { Gender } from '../unit/unit.type';
import { nikProblem } from './participant.nik';
import { Education, ParticipantCategory } from './participant.type';

@InputType({ description: 'A person to add to the registry of participants (pendaftaran peserta)' })
export class RegisterParticipantInput {
  @Field(() => ID, { description: 'Code of the registering unit, e.g. BBPPKS-PADANG' })
  unit!: string;

  @Field({ description: 'NIK (Nomor Induk Kependudukan): 16 digits, unique in the registry' })
  nik!: string;

  @Field({ description: 'Full name (nama lengkap)' })
  name!: string;

  @Field(() => Gender, { description: 'Gender (jenis kelamin)' })
  gender!: Gender;

  @Field({ description: 'Birth date (tanggal lahir), YYYY-MM-DD' })
  birthDate!: string;

  @Field(() => Education, { description: 'Highest education completed (pendidikan terakhir)' })
  education!: Education;

  @Field(() => ParticipantCategory, { description: 'Category of participant (kategori peserta)' })
  category!: ParticipantCategory;

  @Field(() => String, { nullable: true, description: 'Province of origin (provinsi asal)' })
  originProvince?: string | null;

  @Field(() => String, { nullable: true, description: 'Regency or city of origin (kabupaten/kota asal)' })
  originRegency?: string | null;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the record comes from (asal data): OPERATIONAL when left out; only an admin loading a report or generated data gives another',
  })
  provenance?: Provenance | null;
}

/** The participant fields as text, the shape both the form and an imported row arrive in. */
export interface ParticipantDraft {
  nik: string;
  name: string;
  gender: string;
  birthDate: string;
  education: string;
  category: string;
  originProvince: string | null;
  originRegency: string | null;
}

export interface FieldProblem {
  field: keyof ParticipantDraft;
  reason: string;
}

const GENDERS = new Set<string>(Object.values(Gender));
const EDUCATIONS = new Set<string>(Object.values(Education));
const CATEGORIES = new Set<string>(Object.values(ParticipantCategory));

/** Every problem of one participant, so that an import can report them all at once. */
export function participantProblems(d: ParticipantDraft, today = todayIso()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const nik = nikProblem(d.nik);
  if (nik) problems.push({ field: 'nik', reason: nik });
  if (!d.name) problems.push({ field: 'name', reason: 'name is required' });
  else if (d.name.length > 150) problems.push({ field: 'name', reason: 'name is at most 150 characters' });
  if (!GENDERS.has(d.gender))
    problems.push({ field: 'gender', reason: `gender must be FEMALE or MALE (or P/L), got "${d.gender}"` });
  if (!isIsoDate(d.birthDate))
    problems.push({ field: 'birthDate', reason: `birth date must be a date YYYY-MM-DD, got "${d.birthDate}"` });
  else if (d.birthDate > today || d.birthDate < '1900-01-01')
    problems.push({ field: 'birthDate', reason: `birth date ${d.birthDate} is not plausible` });
  if (!EDUCATIONS.has(d.education))
    problems.push({
      field: 'education',
      reason: `education must be one of ${[...EDUCATIONS].join(', ')}, got "${d.education}"`,
    });
  if (!CATEGORIES.has(d.category))
    problems.push({
      field: 'category',
      reason: `category must be one of ${[...CATEGORIES].join(', ')}, got "${d.category}"`,
    });
  if (d.originProvince && d.originProvince.length > 100)
    problems.push({ field: 'originProvince', reason: 'province is at most 100 characters' });
  if (d.originRegency && d.originRegency.length > 100)
    problems.push({ field: 'originRegency', reason: 'regency is at most 100 characters' });
  return problems;
}

export function validateRegisterParticipant(input: RegisterParticipantInput): ParticipantDraft {
  const draft: ParticipantDraft = {
    nik: input.nik.replace(/\s/g, ''),
    name: input.name.trim(),
    gender: input.gender,
    birthDate: input.birthDate.trim(),
    education: input.education,
    category: input.category,
    originProvince: input.originProvince?.trim() || null,
    originRegency: input.originRegency?.trim() || null,
  };
  const problems = participantProblems(draft);
  if (problems.length) throw new BadInputError(problems[0].field, problems[0].reason, { problems });
  return draft;
}
