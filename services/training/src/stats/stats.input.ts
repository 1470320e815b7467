import { SortDirection, StatsYears } from '@kesos/infra';
import { Field, ID, InputType } from 'type-graphql';
import { EnrollmentStatus } from '../enrollment/enrollment.type';
import { Education } from '../participant/participant.type';
import { Gender } from '../unit/unit.type';
import { TrainingStatsField } from './stats.type';

@InputType({
  description: 'Which enrollments training statistics count (saringan); every field is optional, all are ANDed',
})
export class TrainingStatsFilter extends StatsYears {
  @Field(() => [ID], {
    nullable: true,
    description: "Unit codes (unit pelaksana); a viewer or operator gets only their own unit's rows whatever is asked",
  })
  units?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Programme codes (kode jenis pelatihan), e.g. PPM' })
  programmes?: string[] | null;

  @Field(() => [EnrollmentStatus], { nullable: true, description: 'Enrollment statuses (status peserta)' })
  statuses?: EnrollmentStatus[] | null;

  @Field(() => [Gender], { nullable: true, description: "Participants' genders (jenis kelamin)" })
  genders?: Gender[] | null;

  @Field(() => [Education], { nullable: true, description: "Participants' education (pendidikan terakhir)" })
  educations?: Education[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "Participants' province codes, the NIK's first two digits (kode provinsi), e.g. 13 for Sumatera Barat",
  })
  provinces?: string[] | null;
}

@InputType({ description: 'One ordering of training statistics rows (urutan)' })
export class TrainingStatsOrder {
  @Field(() => TrainingStatsField, { description: 'The measure or dimension to order by (kolom urutan)' })
  field!: TrainingStatsField;

  @Field(() => SortDirection, { description: 'Direction (arah urutan)' })
  direction!: SortDirection;
}
