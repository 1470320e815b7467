import { connectionType, Provenance } from '@kesos/infra';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "An alumni monitoring assessment (monev kecakapan hidup): progress of a graduate's business after training",
})
export class AlumniMonitoring {
  @Field(() => ID, { description: 'Assessment id' })
  id!: number;

  @Field(() => ID, { description: 'Code of the unit that ran the class' })
  unitCode!: string;

  @Field(() => Int, { description: "Year of the graduate's class: the cohort the assessment counts towards" })
  year!: number;

  @Field({ description: 'Day of the assessment (tanggal monev), YYYY-MM-DD' })
  assessedOn!: string;

  @Field({ description: 'Progress in marketing (pemasaran)' })
  marketingImproved!: boolean;

  @Field({ description: 'Business permits obtained (perizinan)' })
  permitsObtained!: boolean;

  @Field({ description: 'Progress in quantity of products sold (kuantitas)' })
  quantityImproved!: boolean;

  @Field({ description: 'Progress in quality of products (kualitas)' })
  qualityImproved!: boolean;

  @Field({
    description:
      'Shows life skills (memiliki kecakapan hidup): true when the business progressed in at least one of marketing, permits, quantity or quality',
  })
  hasLifeSkills!: boolean;

  @Field(() => String, { nullable: true, description: "Assessor's notes (catatan)" })
  notes!: string | null;

  /** Key of the graduate's enrollment, for the `enrollment` field resolver. */
  enrollmentId!: number;

  @Field(() => Provenance, {
    description:
      'Where the monitoring record comes from (asal data): OPERATIONAL when written through the API, REPORTED, RECONSTRUCTED or SYNTHETIC for loaded data',
  })
  provenance!: Provenance;
}

/** A page of alumni monitoring assessments (halaman monev), oldest first. */
export const AlumniMonitoringPage = connectionType(AlumniMonitoring, {
  name: 'AlumniMonitoringPage',
  items: 'alumni monitoring assessments (monev kecakapan hidup)',
});
export type AlumniMonitoringPage = InstanceType<typeof AlumniMonitoringPage>;
