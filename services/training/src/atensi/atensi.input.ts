import { BadInputError, Provenance } from '@kesos/infra';
import { Field, ID, InputType, Int } from 'type-graphql';
import { parseId } from '../common/common.helpers';
import { isoDate, requiredText, wholeNumber } from '../common/common.validation';
import { AtensiServiceType } from './atensi.type';

@InputType({ description: 'A case received by the ATENSI service (penerimaan kasus ATENSI)' })
export class OpenAtensiCaseInput {
  @Field(() => ID, { description: 'Code of the unit handling the case (kode unit)' })
  unit!: string;

  @Field(() => AtensiServiceType, { description: 'Type of service (jenis layanan)' })
  serviceType!: AtensiServiceType;

  @Field({
    description:
      'Day the case was received, ISO YYYY-MM-DD (tanggal diterima); its year is the year the case counts towards',
  })
  receivedOn!: string;

  @Field({ description: "Province of the unit's work area (provinsi)" })
  province!: string;

  @Field({ description: 'Regency or city (kabupaten/kota)' })
  regency!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Short description, at most 300 characters, without personal data (uraian kasus)',
  })
  description?: string | null;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the record comes from (asal data): OPERATIONAL when left out; only an admin loading a report or generated data gives another',
  })
  provenance?: Provenance | null;
}

@InputType({ description: 'The end of handling an open case (penutupan kasus ATENSI)' })
export class CloseAtensiCaseInput {
  @Field(() => ID, { description: 'Case id (id kasus)' })
  caseId!: string;

  @Field({ description: 'Day the case was closed, ISO YYYY-MM-DD, on or after it was received (tanggal ditutup)' })
  closedOn!: string;

  @Field({ description: 'Whether the needs and basic rights of the people concerned were met (terlayani)' })
  served!: boolean;

  @Field(() => Int, {
    description: 'People served (jumlah penerima manfaat terlayani): at least 1 when served, 0 when not',
  })
  peopleServed!: number;
}

export function validateOpen(input: OpenAtensiCaseInput) {
  const description = input.description?.trim() ? requiredText('description', input.description, 300) : null;
  return {
    unit: requiredText('unit', input.unit, 40),
    serviceType: input.serviceType,
    receivedOn: isoDate('receivedOn', input.receivedOn),
    description,
  };
}

export function validateClose(input: CloseAtensiCaseInput) {
  const peopleServed = wholeNumber('peopleServed', input.peopleServed, 0, 100_000);
  if (input.served && peopleServed < 1)
    throw new BadInputError('peopleServed', 'a served case serves at least one person');
  if (!input.served && peopleServed !== 0)
    throw new BadInputError('peopleServed', 'a case closed without service serves nobody: peopleServed must be 0');
  return {
    caseId: parseId('caseId', input.caseId),
    closedOn: isoDate('closedOn', input.closedOn),
    served: input.served,
    peopleServed,
  };
}
