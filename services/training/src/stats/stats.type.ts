import { ProvenanceSummary } from '@kesos/infra';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EnrollmentStatus } from '../enrollment/enrollment.type';
import { Education } from '../participant/participant.type';
import { Gender } from '../unit/unit.type';

export enum TrainingStatsDimension {
  UNIT = 'UNIT',
  YEAR = 'YEAR',
  PROGRAMME = 'PROGRAMME',
  GENDER = 'GENDER',
  EDUCATION = 'EDUCATION',
  STATUS = 'STATUS',
  PROVINCE = 'PROVINCE',
}
registerEnumType(TrainingStatsDimension, {
  name: 'TrainingStatsDimension',
  description: 'What training statistics can be grouped by (dimensi pengelompokan)',
  valuesConfig: {
    UNIT: { description: 'The unit that ran the class (unit pelaksana)' },
    YEAR: { description: "The class's year, as in trainingVolume (tahun angkatan)" },
    PROGRAMME: { description: 'Training programme (jenis pelatihan)' },
    GENDER: { description: "The participant's gender (jenis kelamin)" },
    EDUCATION: { description: "The participant's highest education (pendidikan terakhir)" },
    STATUS: { description: "The enrollment's status (status peserta)" },
    PROVINCE: { description: "The participant's province: the NIK's first two digits (provinsi asal menurut NIK)" },
  },
});

export enum TrainingStatsField {
  YEAR = 'YEAR',
  ENROLLED = 'ENROLLED',
  GRADUATED = 'GRADUATED',
  FAILED = 'FAILED',
  DROPPED_OUT = 'DROPPED_OUT',
  PARTICIPANTS = 'PARTICIPANTS',
  GRADUATION_RATE = 'GRADUATION_RATE',
}
registerEnumType(TrainingStatsField, {
  name: 'TrainingStatsField',
  description: 'What training statistics rows can be ordered (and ranked) by (urutan)',
  valuesConfig: {
    YEAR: { description: 'Year (tahun); rows not grouped by YEAR have none' },
    ENROLLED: { description: 'Enrollments (jumlah pendaftaran)' },
    GRADUATED: { description: 'Graduates (lulus)' },
    FAILED: { description: 'Failed (tidak lulus)' },
    DROPPED_OUT: { description: 'Dropped out (mengundurkan diri)' },
    PARTICIPANTS: { description: 'Distinct people (jumlah orang)' },
    GRADUATION_RATE: { description: 'Graduation rate (persentase kelulusan)' },
  },
});

@ObjectType({
  description:
    'One row of training statistics (statistik pelatihan): the enrollments of one combination of the grouped dimensions; a dimension not grouped by is null',
})
export class TrainingStatsRow {
  @Field(() => String, {
    nullable: true,
    description: "The unit's code (kode unit) when grouped by UNIT; `unit` is the whole unit",
  })
  unitCode!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: '1-based competition rank in the order of orderBy (peringkat: 1, 2, 2, 4); null without orderBy',
  })
  rank!: number | null;

  @Field(() => Int, { nullable: true, description: "The class's year (tahun) when grouped by YEAR" })
  year!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Programme code (kode jenis pelatihan) when grouped by PROGRAMME',
  })
  programmeCode!: string | null;

  @Field(() => Gender, {
    nullable: true,
    description: "The participant's gender (jenis kelamin) when grouped by GENDER",
  })
  gender!: Gender | null;

  @Field(() => Education, {
    nullable: true,
    description: "The participant's highest education (pendidikan terakhir) when grouped by EDUCATION",
  })
  education!: Education | null;

  @Field(() => EnrollmentStatus, {
    nullable: true,
    description: "The enrollment's status (status peserta) when grouped by STATUS",
  })
  status!: EnrollmentStatus | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The participant's province code, the NIK's first two digits (kode provinsi), when grouped by PROVINCE",
  })
  provinceCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The name of that province (nama provinsi); null for a code no province has',
  })
  provinceName!: string | null;

  @Field(() => Int, { description: 'Enrollments in any status (jumlah pendaftaran peserta)' })
  enrolled!: number;

  @Field(() => Int, { description: 'Enrollments that graduated (lulus); the same count as trainingVolume realized' })
  graduated!: number;

  @Field(() => Int, { description: 'Enrollments that failed (tidak lulus)' })
  failed!: number;

  @Field(() => Int, { description: 'Enrollments that dropped out (mengundurkan diri/gugur)' })
  droppedOut!: number;

  @Field(() => Int, {
    description:
      'Distinct people among the enrollments (jumlah orang): a person in two classes counts once; not the sum of the rows',
  })
  participants!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Graduation rate (persentase kelulusan): graduated / enrolled x 100 (every enrollment of the row, dropped out ones included), rounded half-up to 2 decimals; null without enrollments',
  })
  graduationRate!: number | null;

  @Field(() => ProvenanceSummary, {
    description:
      "The row's enrollments counted by provenance, and the weakest (asal data): RECONSTRUCTED records make a figure that matches a printed total by construction",
  })
  evidence!: ProvenanceSummary;
}
