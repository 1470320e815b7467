import { Provenance } from '@kesos/infra';
import { Field, ID, ObjectType } from 'type-graphql';
import { ParticipantCategory } from '../participant/participant.type';

@ObjectType({ description: 'A training programme (jenis pelatihan), e.g. Pelatihan Pemberdayaan Masyarakat (PPM)' })
export class Programme {
  @Field(() => ID, { description: 'Programme id' })
  id!: number;

  @Field(() => ID, { description: 'Code of the unit that runs the programme' })
  unitCode!: string;

  @Field({ description: 'Short code, unique within the unit, e.g. PPM, PPPS' })
  code!: string;

  @Field({ description: 'Name (nama pelatihan)' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the programme is about (deskripsi)' })
  description!: string | null;

  @Field(() => ParticipantCategory, {
    description: 'Category of participant the programme is meant for (sasaran peserta)',
  })
  participantCategory!: ParticipantCategory;

  @Field(() => String, {
    nullable: true,
    description:
      'Budget output (KRO/RO code) the programme delivers, e.g. 6391.SCM.001; graduations count towards its volume',
  })
  budgetOutputCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Performance indicator (indikator kinerja) its graduates feed, e.g. SK2.2',
  })
  indicatorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Partner organisation (mitra), e.g. Tanoto Foundation' })
  partner!: string | null;

  @Field(() => Provenance, {
    description:
      'Where the programme record comes from (asal data): OPERATIONAL when written through the API, REPORTED, RECONSTRUCTED or SYNTHETIC for loaded data',
  })
  provenance!: Provenance;
}
