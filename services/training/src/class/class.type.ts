import { connectionType, Provenance } from '@kesos/infra';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ClassStatus {
  PLANNED = 'PLANNED',
  RUNNING = 'RUNNING',
  CLOSED = 'CLOSED',
}
registerEnumType(ClassStatus, {
  name: 'ClassStatus',
  description: 'Status of a class: PLANNED -> RUNNING -> CLOSED',
  valuesConfig: {
    PLANNED: { description: 'Planned (direncanakan); participants can register' },
    RUNNING: { description: 'Running (berlangsung); attendance, tests and graduation are recorded' },
    CLOSED: { description: 'Closed (selesai); every enrollment has its final status' },
  },
});

@ObjectType({ description: 'A class (angkatan) of a training programme at a place and time' })
export class TrainingClass {
  @Field(() => ID, { description: 'Class id' })
  id!: number;

  @Field(() => ID, { description: 'Code of the unit that runs the class' })
  unitCode!: string;

  @Field(() => Int, { description: 'Year (tahun) the class counts towards: the year of its start date' })
  year!: number;

  @Field(() => Int, { description: 'Batch number (angkatan ke-) within programme and year' })
  batch!: number;

  @Field({ description: 'Name of the class, e.g. PPM Angkatan 3 Tahun 2022' })
  name!: string;

  @Field({ description: 'Province (provinsi) of the work area where the class runs' })
  province!: string;

  @Field({ description: 'Regency or city (kabupaten/kota) where the class runs' })
  regency!: string;

  @Field({ description: 'First day (tanggal mulai), YYYY-MM-DD' })
  startDate!: string;

  @Field({ description: 'Last day (tanggal selesai), YYYY-MM-DD' })
  endDate!: string;

  @Field(() => Int, { description: 'Seats (kapasitas): enrollments that are not dropped out never exceed it' })
  capacity!: number;

  @Field(() => Int, { description: 'Target number of participants (target peserta)' })
  targetParticipants!: number;

  @Field(() => ClassStatus, { description: 'Status (status kelas)' })
  status!: ClassStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'Budget work unit (kode satker) that paid for the class, e.g. 690552 (new organisation) or 369283 (old)',
  })
  satkerCode!: string | null;

  /** Key of the programme, for the `programme` field resolver. */
  programmeId!: number;

  @Field(() => Provenance, {
    description:
      'Where the class record comes from (asal data): OPERATIONAL when written through the API, REPORTED, RECONSTRUCTED or SYNTHETIC for loaded data',
  })
  provenance!: Provenance;
}

/** A page of classes (halaman angkatan), in creation order. */
export const TrainingClassPage = connectionType(TrainingClass, {
  name: 'TrainingClassPage',
  items: 'classes (angkatan)',
});
export type TrainingClassPage = InstanceType<typeof TrainingClassPage>;
