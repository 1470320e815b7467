import { BadInputError, Provenance } from '@kesos/infra';
import { Field, ID, InputType } from 'type-graphql';
import { ParticipantCategory } from '../participant/participant.type';

@InputType({ description: 'A new training programme (jenis pelatihan)' })
export class CreateProgrammeInput {
  @Field(() => ID, { description: 'Code of the unit that runs it' })
  unit!: string;

  @Field({ description: 'Short code, unique within the unit: 2-20 capital letters, digits or dashes, e.g. PPM' })
  code!: string;

  @Field({ description: 'Name (nama pelatihan)' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the programme is about (deskripsi)' })
  description?: string | null;

  @Field(() => ParticipantCategory, { description: 'Category of participant it is meant for (sasaran peserta)' })
  participantCategory!: ParticipantCategory;

  @Field(() => String, { nullable: true, description: 'Budget output code (KRO/RO) it delivers, e.g. 6391.SCM.001' })
  budgetOutputCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Performance indicator code its graduates feed, e.g. SK2.2' })
  indicatorCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Partner organisation (mitra)' })
  partner?: string | null;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the record comes from (asal data): OPERATIONAL when left out; only an admin loading a report or generated data gives another',
  })
  provenance?: Provenance | null;
}

export function validateCreateProgramme(
  input: CreateProgrammeInput,
): Required<Omit<CreateProgrammeInput, 'provenance'>> {
  const code = input.code.trim();
  if (!/^[A-Z0-9][A-Z0-9-]{1,19}$/.test(code))
    throw new BadInputError('code', 'Programme code must be 2-20 capital letters, digits or dashes, e.g. PPM');
  const name = input.name.trim();
  if (!name || name.length > 200)
    throw new BadInputError('name', 'Programme name is required and at most 200 characters');
  const description = input.description?.trim() || null;
  if (description && description.length > 500)
    throw new BadInputError('description', 'Description is at most 500 characters');
  const budgetOutputCode = input.budgetOutputCode?.trim() || null;
  if (budgetOutputCode && !/^\d{4}\.[A-Z]{3}\.\d{3}$/.test(budgetOutputCode))
    throw new BadInputError('budgetOutputCode', 'Budget output code must look like 6391.SCM.001 (activity.KRO.RO)');
  const indicatorCode = input.indicatorCode?.trim() || null;
  if (indicatorCode && !/^SK\d+(\.\d+)?$/.test(indicatorCode))
    throw new BadInputError('indicatorCode', 'Indicator code must look like SK2.2');
  const partner = input.partner?.trim() || null;
  if (partner && partner.length > 150) throw new BadInputError('partner', 'Partner is at most 150 characters');
  return {
    unit: input.unit,
    code,
    name,
    description,
    participantCategory: input.participantCategory,
    budgetOutputCode,
    indicatorCode,
    partner,
  };
}
