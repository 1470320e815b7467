import { ProvenanceSummary } from '@kesos/infra';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Participant volume of one programme in a year (capaian per jenis pelatihan)' })
export class ProgrammeVolume {
  @Field({ description: 'Programme code, e.g. PPM' })
  programmeCode!: string;

  @Field({ description: 'Programme name (nama pelatihan)' })
  programmeName!: string;

  @Field(() => Int, { description: "Target participants: the sum of the programme's classes' targets in the year" })
  target!: number;

  @Field(() => Int, { description: "Realised participants: graduates of the programme's classes in the year" })
  realized!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'realized / target x 100, rounded half-up to 2 decimals; null without a target',
  })
  achievement!: number | null;

  @Field(() => ProvenanceSummary, {
    description: "The programme's classes of the year the figures are summed from, by where they come from (asal data)",
  })
  provenance!: ProvenanceSummary;
}

@ObjectType({
  description:
    'Participant volume of one year (capaian pelaksanaan diklat): target against realisation, from the class and enrollment records',
})
export class TrainingVolumeYear {
  @Field(() => Int, { description: 'Year (tahun)' })
  year!: number;

  @Field(() => Int, { description: "Target participants (target): the sum of the year's classes' targets" })
  target!: number;

  @Field(() => Int, { description: "Realised participants (capaian realisasi): graduates of the year's classes" })
  realized!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'realized / target x 100 (persentase capaian), rounded half-up to 2 decimals; null without a target',
  })
  achievement!: number | null;

  @Field(() => [ProgrammeVolume], {
    description:
      'The same per programme (jenis pelatihan), by programme code; programmes without a class that year are left out',
  })
  byProgramme!: ProgrammeVolume[];

  @Field(() => ProvenanceSummary, {
    description:
      "The year's classes the figures are summed from, by where they come from (asal data): RECONSTRUCTED classes reproduce a printed total, they are not evidence for it",
  })
  provenance!: ProvenanceSummary;
}
