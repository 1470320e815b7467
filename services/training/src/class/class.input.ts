import { BadInputError, Provenance } from '@kesos/infra';
import { Field, ID, InputType, Int } from 'type-graphql';
import { isoDate } from '../common/common.validation';

@InputType({ description: 'A new class (angkatan) of a programme' })
export class CreateTrainingClassInput {
  @Field(() => ID, { description: 'Programme the class runs' })
  programmeId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Batch number (angkatan ke-) within programme and year; the next free number when omitted',
  })
  batch?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the class; "<programme code> Angkatan <batch> Tahun <year>" when omitted',
  })
  name?: string | null;

  @Field({ description: "Province (provinsi); must be in the unit's work area" })
  province!: string;

  @Field({ description: 'Regency or city (kabupaten/kota)' })
  regency!: string;

  @Field({
    description:
      'First day (tanggal mulai), YYYY-MM-DD in the years 2000-2100; its year is the year the class counts towards',
  })
  startDate!: string;

  @Field({ description: 'Last day (tanggal selesai), YYYY-MM-DD in the years 2000-2100, not before the first day' })
  endDate!: string;

  @Field(() => Int, { description: 'Seats (kapasitas), 1-10000' })
  capacity!: number;

  @Field(() => Int, { description: 'Target number of participants (target peserta), 1-10000' })
  targetParticipants!: number;

  @Field(() => String, { nullable: true, description: 'Budget work unit (kode satker, 6 digits) paying for the class' })
  satkerCode?: string | null;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the record comes from (asal data): OPERATIONAL when left out; only an admin loading a report or generated data gives another',
  })
  provenance?: Provenance | null;
}

export interface ValidClassInput {
  programmeId: number;
  batch: number | null;
  name: string | null;
  province: string;
  regency: string;
  startDate: string;
  endDate: string;
  capacity: number;
  targetParticipants: number;
  satkerCode: string | null;
}

export function validateCreateClass(input: CreateTrainingClassInput, programmeId: number): ValidClassInput {
  if (
    input.batch !== undefined &&
    input.batch !== null &&
    (!Number.isInteger(input.batch) || input.batch < 1 || input.batch > 999)
  )
    throw new BadInputError('batch', 'Batch must be 1-999');
  const name = input.name?.trim() || null;
  if (name && name.length > 150) throw new BadInputError('name', 'Name is at most 150 characters');
  const province = input.province.trim();
  if (!province) throw new BadInputError('province', 'Province is required');
  const regency = input.regency.trim();
  if (!regency || regency.length > 100)
    throw new BadInputError('regency', 'Regency is required and at most 100 characters');
  // The same 2000-2100 range as every other dated record, so a class counts towards a year other records can have.
  const startDate = isoDate('startDate', input.startDate);
  const endDate = isoDate('endDate', input.endDate);
  if (endDate < startDate) throw new BadInputError('endDate', 'End date cannot be before the start date');
  if (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > 10000)
    throw new BadInputError('capacity', 'Capacity must be 1-10000');
  if (!Number.isInteger(input.targetParticipants) || input.targetParticipants < 1 || input.targetParticipants > 10000)
    throw new BadInputError('targetParticipants', 'Target must be 1-10000');
  const satkerCode = input.satkerCode?.trim() || null;
  if (satkerCode && !/^\d{6}$/.test(satkerCode))
    throw new BadInputError('satkerCode', 'Satker code must be 6 digits, e.g. 690552');
  return {
    programmeId,
    batch: input.batch ?? null,
    name,
    province,
    regency,
    startDate,
    endDate,
    capacity: input.capacity,
    targetParticipants: input.targetParticipants,
    satkerCode,
  };
}
