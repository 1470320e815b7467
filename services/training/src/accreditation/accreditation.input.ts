import { BadInputError, Provenance } from '@kesos/infra';
import { Field, ID, InputType, Int } from 'type-graphql';
import { parseId } from '../common/common.helpers';
import { isoDate, requiredText, validYear, wholeNumber } from '../common/common.validation';
import { AccreditationResult, LksKind } from './accreditation.type';

@InputType({ description: 'An institution to register (pendaftaran LKS)' })
export class RegisterLksInstitutionInput {
  @Field(() => ID, { description: 'Code of the unit whose work area holds the institution (kode unit)' })
  unit!: string;

  @Field({ description: 'Name (nama lembaga), at most 200 characters' })
  name!: string;

  @Field(() => LksKind, { description: 'Field of service (jenis LKS)' })
  kind!: LksKind;

  @Field({ description: "Province of the unit's work area (provinsi)" })
  province!: string;

  @Field({ description: 'Regency or city (kabupaten/kota)' })
  regency!: string;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the record comes from (asal data): OPERATIONAL when left out; only an admin loading a report or generated data gives another',
  })
  provenance?: Provenance | null;
}

@InputType({ description: 'An accreditation visit and its decision (input visitasi dan hasil akreditasi)' })
export class RecordAccreditationInput {
  @Field(() => ID, { description: 'Institution id (id LKS); an institution is assessed at most once a year' })
  institutionId!: string;

  @Field({
    description:
      'Day of the visit, ISO YYYY-MM-DD (tanggal visitasi); its year is the year the assessment counts towards',
  })
  visitDate!: string;

  @Field(() => [String], {
    description: 'Assessors who made the visit (tim asesor): 1 to 10 names, each at most 100 characters',
  })
  assessorTeam!: string[];

  @Field(() => AccreditationResult, { description: 'Decision (hasil akreditasi)' })
  result!: AccreditationResult;

  @Field({
    description:
      'Day of the decision, ISO YYYY-MM-DD, on or after the visit (tanggal penetapan); validity runs from it',
  })
  decidedOn!: string;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the record comes from (asal data): OPERATIONAL when left out; only an admin loading a report or generated data gives another',
  })
  provenance?: Provenance | null;
}

@InputType({ description: 'Planned number of institutions to assess in a year (target akreditasi RKT)' })
export class SetAccreditationTargetInput {
  @Field(() => ID, { description: 'Unit code (kode unit)' })
  unit!: string;

  @Field(() => Int, { description: 'Year (tahun)' })
  year!: number;

  @Field(() => Int, { description: 'Institutions to assess (jumlah LKS), 0 to 100000' })
  institutions!: number;
}

export function validateInstitution(input: RegisterLksInstitutionInput) {
  return { unit: requiredText('unit', input.unit, 40), name: requiredText('name', input.name, 200), kind: input.kind };
}

export function validateAccreditation(input: RecordAccreditationInput) {
  const visitDate = isoDate('visitDate', input.visitDate);
  const decidedOn = isoDate('decidedOn', input.decidedOn);
  if (decidedOn < visitDate) throw new BadInputError('decidedOn', 'decidedOn must be on or after visitDate');
  const team = (input.assessorTeam ?? []).map((name) => name.trim());
  if (team.length < 1 || team.length > 10)
    throw new BadInputError('assessorTeam', 'assessorTeam names 1 to 10 assessors');
  team.forEach((name) => requiredText('assessorTeam', name, 100));
  if (new Set(team.map((n) => n.toLowerCase())).size !== team.length)
    throw new BadInputError('assessorTeam', 'assessorTeam names an assessor twice');
  return {
    institutionId: parseId('institutionId', input.institutionId),
    visitDate,
    decidedOn,
    assessorTeam: team,
    result: input.result,
  };
}

export function validateTarget(input: SetAccreditationTargetInput) {
  return {
    unit: requiredText('unit', input.unit, 40),
    year: validYear('year', input.year),
    institutions: wholeNumber('institutions', input.institutions, 0, 100_000),
  };
}
