import { SortDirection, StatsYears } from '@kesos/infra';
import { Field, ID, InputType } from 'type-graphql';
import { AtensiCaseStatus, AtensiServiceType } from '../atensi/atensi.type';
import { AtensiStatsField } from './atensi-stats.type';

@InputType({
  description: 'Which cases ATENSI statistics count (saringan); every field is optional, all are ANDed',
})
export class AtensiStatsFilter extends StatsYears {
  @Field(() => [ID], {
    nullable: true,
    description: "Unit codes (unit pelaksana); a viewer or operator gets only their own unit's rows whatever is asked",
  })
  units?: string[] | null;

  @Field(() => [AtensiServiceType], { nullable: true, description: 'Types of service (jenis layanan)' })
  serviceTypes?: AtensiServiceType[] | null;

  @Field(() => [AtensiCaseStatus], { nullable: true, description: 'Case statuses (status kasus)' })
  statuses?: AtensiCaseStatus[] | null;
}

@InputType({ description: 'One ordering of ATENSI statistics rows (urutan)' })
export class AtensiStatsOrder {
  @Field(() => AtensiStatsField, { description: 'The measure or dimension to order by (kolom urutan)' })
  field!: AtensiStatsField;

  @Field(() => SortDirection, { description: 'Direction (arah urutan)' })
  direction!: SortDirection;
}
