import { SortDirection, StatsYears } from '@kesos/infra';
import { Field, ID, InputType } from 'type-graphql';
import { AccreditationResult, LksKind } from '../accreditation/accreditation.type';
import { AccreditationStatsField } from './accreditation-stats.type';

@InputType({
  description: 'Which assessments accreditation statistics count (saringan); every field is optional, all are ANDed',
})
export class AccreditationStatsFilter extends StatsYears {
  @Field(() => [ID], {
    nullable: true,
    description: "Unit codes (unit pelaksana); a viewer or operator gets only their own unit's rows whatever is asked",
  })
  units?: string[] | null;

  @Field(() => [AccreditationResult], { nullable: true, description: 'Decisions (hasil akreditasi)' })
  results?: AccreditationResult[] | null;

  @Field(() => [LksKind], { nullable: true, description: "Institutions' kinds (jenis LKS)" })
  kinds?: LksKind[] | null;
}

@InputType({ description: 'One ordering of accreditation statistics rows (urutan)' })
export class AccreditationStatsOrder {
  @Field(() => AccreditationStatsField, { description: 'The measure or dimension to order by (kolom urutan)' })
  field!: AccreditationStatsField;

  @Field(() => SortDirection, { description: 'Direction (arah urutan)' })
  direction!: SortDirection;
}
