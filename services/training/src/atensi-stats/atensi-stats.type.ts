import { ProvenanceSummary } from '@kesos/infra';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AtensiCaseStatus, AtensiServiceType } from '../atensi/atensi.type';

export enum AtensiStatsDimension {
  UNIT = 'UNIT',
  YEAR = 'YEAR',
  SERVICE_TYPE = 'SERVICE_TYPE',
  STATUS = 'STATUS',
}
registerEnumType(AtensiStatsDimension, {
  name: 'AtensiStatsDimension',
  description: 'What ATENSI statistics can be grouped by (dimensi pengelompokan)',
  valuesConfig: {
    UNIT: { description: 'The unit that received the case (unit pelaksana)' },
    YEAR: { description: 'The year the case was received, as in atensiSummary (tahun)' },
    SERVICE_TYPE: { description: 'Type of ATENSI service (jenis layanan)' },
    STATUS: { description: "The case's status (status kasus)" },
  },
});

export enum AtensiStatsField {
  YEAR = 'YEAR',
  CASES = 'CASES',
  OPEN_CASES = 'OPEN_CASES',
  CLOSED_CASES = 'CLOSED_CASES',
  SERVED_CASES = 'SERVED_CASES',
  PEOPLE_SERVED = 'PEOPLE_SERVED',
  SERVED_RATE = 'SERVED_RATE',
}
registerEnumType(AtensiStatsField, {
  name: 'AtensiStatsField',
  description: 'What ATENSI statistics rows can be ordered (and ranked) by (urutan)',
  valuesConfig: {
    YEAR: { description: 'Year (tahun); rows not grouped by YEAR have none' },
    CASES: { description: 'Cases received (jumlah kasus)' },
    OPEN_CASES: { description: 'Cases still open (kasus terbuka)' },
    CLOSED_CASES: { description: 'Cases closed (kasus ditutup)' },
    SERVED_CASES: { description: 'Closed cases whose needs were met (kasus terlayani)' },
    PEOPLE_SERVED: { description: 'People served (penerima manfaat terlayani)' },
    SERVED_RATE: { description: 'Served rate (persentase terlayani)' },
  },
});

@ObjectType({
  description:
    'One row of ATENSI statistics (statistik layanan ATENSI): the cases of one combination of the grouped dimensions; a dimension not grouped by is null',
})
export class AtensiStatsRow {
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

  @Field(() => Int, { nullable: true, description: 'The year the cases were received (tahun) when grouped by YEAR' })
  year!: number | null;

  @Field(() => AtensiServiceType, {
    nullable: true,
    description: 'Type of ATENSI service (jenis layanan) when grouped by SERVICE_TYPE',
  })
  serviceType!: AtensiServiceType | null;

  @Field(() => AtensiCaseStatus, {
    nullable: true,
    description: "The cases' status (status kasus) when grouped by STATUS",
  })
  status!: AtensiCaseStatus | null;

  @Field(() => Int, { description: 'Cases received (jumlah kasus); atensiSummary cases' })
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
      'Served rate (persentase terlayani): served cases / closed cases x 100, rounded half-up to 2 decimals as atensiSummary servedRate; null when none is closed',
  })
  servedRate!: number | null;

  @Field(() => ProvenanceSummary, {
    description:
      "The row's cases counted by provenance, and the weakest (asal data): RECONSTRUCTED records make a figure that matches a printed total by construction",
  })
  evidence!: ProvenanceSummary;
}
