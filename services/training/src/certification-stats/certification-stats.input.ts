import { SortDirection, StatsYears } from '@kesos/infra';
import { Field, ID, InputType } from 'type-graphql';
import { CertificationCategory } from '../certification/certification.type';
import { CertificationOutcome, CertificationStatsField } from './certification-stats.type';

@InputType({
  description: 'Which candidates certification statistics count (saringan); every field is optional, all are ANDed',
})
export class CertificationStatsFilter extends StatsYears {
  @Field(() => [ID], {
    nullable: true,
    description: "Unit codes (unit pelaksana); a viewer or operator gets only their own unit's rows whatever is asked",
  })
  units?: string[] | null;

  @Field(() => [CertificationCategory], { nullable: true, description: 'Kinds of SDM Kesos (jenis SDM Kesos)' })
  categories?: CertificationCategory[] | null;

  @Field(() => [CertificationOutcome], { nullable: true, description: "Candidates' outcomes (hasil sertifikasi)" })
  outcomes?: CertificationOutcome[] | null;
}

@InputType({ description: 'One ordering of certification statistics rows (urutan)' })
export class CertificationStatsOrder {
  @Field(() => CertificationStatsField, { description: 'The measure or dimension to order by (kolom urutan)' })
  field!: CertificationStatsField;

  @Field(() => SortDirection, { description: 'Direction (arah urutan)' })
  direction!: SortDirection;
}
