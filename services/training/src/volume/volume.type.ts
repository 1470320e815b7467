import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Participant volume of one year (capaian pelaksanaan diklat): target against realisation, from the class and enrollment records' })
export class TrainingVolumeYear {
  @Field(() => Int, { description: 'Year (tahun)' })
  year!: number;

  @Field(() => Int, { description: "Target participants (target): the sum of the year's classes' targets" })
  target!: number;

  @Field(() => Int, { description: "Realised participants (capaian realisasi): graduates of the year's classes" })
  realized!: number;

  @Field(() => Float, { nullable: true, description: 'realized / target x 100 (persentase capaian), rounded half-up to 2 decimals; null without a target' })
  achievement!: number | null;
}
