import { type Connection, connectionType, Provenance, ProvenanceSummary } from '@kesos/infra';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AtensiServiceType {
  RESPON_KASUS = 'RESPON_KASUS',
  TANGGAP_DARURAT_BENCANA = 'TANGGAP_DARURAT_BENCANA',
  DUKUNGAN_PSIKOSOSIAL = 'DUKUNGAN_PSIKOSOSIAL',
  SENTRA_KREASI_ATENSI = 'SENTRA_KREASI_ATENSI',
}
registerEnumType(AtensiServiceType, {
  name: 'AtensiServiceType',
  description:
    'Type of ATENSI service of the integrated social service centre (jenis layanan sentra terpadu, Kepmensos 221/HUK/2022)',
  valuesConfig: {
    RESPON_KASUS: { description: 'Case response: outreach to a reported person in need (respon kasus)' },
    TANGGAP_DARURAT_BENCANA: { description: 'Disaster emergency response (tanggap darurat bencana)' },
    DUKUNGAN_PSIKOSOSIAL: { description: 'Psychosocial support (layanan dukungan psikososial)' },
    SENTRA_KREASI_ATENSI: {
      description: 'Vocational and entrepreneurship support through the creative centre (Sentra Kreasi ATENSI)',
    },
  },
});

export enum AtensiCaseStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(AtensiCaseStatus, {
  name: 'AtensiCaseStatus',
  description: 'Stage of an ATENSI case (status kasus): OPEN, then CLOSED',
  valuesConfig: {
    OPEN: { description: 'Received and being handled (kasus dibuka)' },
    CLOSED: { description: 'Handling finished, served or not (kasus ditutup)' },
  },
});

@ObjectType({
  description:
    'A case of social rehabilitation assistance (kasus Asistensi Rehabilitasi Sosial, ATENSI); it holds no personal data',
})
export class AtensiCase {
  @Field(() => ID, { description: 'Case id (id kasus)' })
  id!: number;

  @Field(() => ID, { description: 'Code of the unit handling the case (kode unit)' })
  unitCode!: string;

  @Field(() => Int, { description: 'Year the case was received, the year it counts towards (tahun)' })
  year!: number;

  @Field(() => AtensiServiceType, { description: 'Type of service (jenis layanan)' })
  serviceType!: AtensiServiceType;

  @Field({ description: 'Day the case was received, ISO YYYY-MM-DD (tanggal diterima)' })
  receivedOn!: string;

  @Field({ description: 'Province of the case (provinsi)' })
  province!: string;

  @Field({ description: 'Regency or city of the case (kabupaten/kota)' })
  regency!: string;

  @Field(() => String, { nullable: true, description: 'Short description without personal data (uraian kasus)' })
  description!: string | null;

  @Field(() => AtensiCaseStatus, { description: 'Status (status kasus)' })
  status!: AtensiCaseStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Day the case was closed, ISO YYYY-MM-DD (tanggal ditutup); null while open',
  })
  closedOn!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the basic needs and rights of the people concerned were met (kebutuhan dan hak dasar terpenuhi); null while open',
  })
  served!: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: 'People served in the case (jumlah penerima manfaat terlayani); null while open',
  })
  peopleServed!: number | null;

  @Field(() => Provenance, {
    description:
      'Where the case record comes from (asal data): OPERATIONAL when written through the API, REPORTED, RECONSTRUCTED or SYNTHETIC for loaded data',
  })
  provenance!: Provenance;
}

@ObjectType({ description: 'ATENSI cases of one type of service in a year (rekap per jenis layanan)' })
export class AtensiServiceTypeSummary {
  @Field(() => AtensiServiceType, { description: 'Type of service (jenis layanan)' })
  serviceType!: AtensiServiceType;

  @Field(() => Int, { description: 'Cases received (jumlah kasus)' })
  cases!: number;

  @Field(() => Int, { description: 'Cases still open (kasus terbuka)' })
  openCases!: number;

  @Field(() => Int, { description: 'Cases closed (kasus ditutup)' })
  closedCases!: number;

  @Field(() => Int, { description: 'Closed cases whose needs were met (kasus terlayani)' })
  servedCases!: number;

  @Field(() => Int, { description: 'People served in closed cases (penerima manfaat terlayani)' })
  peopleServed!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Served rate (persentase terlayani): served cases / closed cases x 100, rounded half-up to 2 decimals; null when none is closed',
  })
  servedRate!: number | null;

  @Field(() => ProvenanceSummary, {
    description: 'The cases of this type the figures are counted from, by where they come from (asal data)',
  })
  provenance!: ProvenanceSummary;
}

@ObjectType({ description: 'ATENSI cases in a year (rekap layanan ATENSI, indikator SK4.1)' })
export class AtensiSummary {
  @Field(() => Int, { description: 'Year the cases were received (tahun)' })
  year!: number;

  @Field(() => Int, { description: 'Cases received (jumlah kasus)' })
  cases!: number;

  @Field(() => Int, { description: 'Cases still open (kasus terbuka)' })
  openCases!: number;

  @Field(() => Int, { description: 'Cases closed (kasus ditutup)' })
  closedCases!: number;

  @Field(() => Int, { description: 'Closed cases whose needs were met (kasus terlayani)' })
  servedCases!: number;

  @Field(() => Int, { description: 'People served in closed cases (penerima manfaat terlayani)' })
  peopleServed!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Served rate (persentase penerima ATENSI yang kebutuhan dan hak dasarnya terpenuhi): served cases / closed cases x 100, rounded half-up to 2 decimals; null when none is closed',
  })
  servedRate!: number | null;

  @Field(() => [AtensiServiceTypeSummary], {
    description: 'The same per type of service, every type listed (rekap per jenis layanan)',
  })
  byServiceType!: AtensiServiceTypeSummary[];

  @Field(() => ProvenanceSummary, {
    description:
      "The year's cases the figures are counted from, by where they come from (asal data): RECONSTRUCTED records reproduce a printed total, they are not evidence for it",
  })
  provenance!: ProvenanceSummary;
}

/** One page of ATENSI cases, oldest first. */
export const AtensiCasePage = connectionType(AtensiCase, {
  name: 'AtensiCasePage',
  items: 'ATENSI cases (kasus ATENSI)',
});
export type AtensiCasePage = Connection<AtensiCase>;
