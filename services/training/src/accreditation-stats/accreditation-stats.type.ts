import { ProvenanceSummary } from '@kesos/infra';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccreditationResult, LksKind } from '../accreditation/accreditation.type';

export enum AccreditationStatsDimension {
  UNIT = 'UNIT',
  YEAR = 'YEAR',
  RESULT = 'RESULT',
  KIND = 'KIND',
}
registerEnumType(AccreditationStatsDimension, {
  name: 'AccreditationStatsDimension',
  description: 'What accreditation statistics can be grouped by (dimensi pengelompokan)',
  valuesConfig: {
    UNIT: { description: 'The unit whose work area holds the institution (unit pelaksana)' },
    YEAR: { description: "The visit's year, as in accreditationSummary (tahun visitasi)" },
    RESULT: { description: 'The decision and grade (hasil akreditasi)' },
    KIND: { description: "The institution's field of service (jenis LKS)" },
  },
});

export enum AccreditationStatsField {
  YEAR = 'YEAR',
  ASSESSED = 'ASSESSED',
  ACCREDITED = 'ACCREDITED',
  NOT_ACCREDITED = 'NOT_ACCREDITED',
  ACCREDITATION_RATE = 'ACCREDITATION_RATE',
}
registerEnumType(AccreditationStatsField, {
  name: 'AccreditationStatsField',
  description: 'What accreditation statistics rows can be ordered (and ranked) by (urutan)',
  valuesConfig: {
    YEAR: { description: 'Year (tahun); rows not grouped by YEAR have none' },
    ASSESSED: { description: 'Institutions assessed (LKS yang divisitasi)' },
    ACCREDITED: { description: 'Institutions accredited A, B or C (LKS terakreditasi)' },
    NOT_ACCREDITED: { description: 'Institutions not accredited (LKS tidak terakreditasi)' },
    ACCREDITATION_RATE: { description: 'Accreditation rate (persentase terakreditasi)' },
  },
});

@ObjectType({
  description:
    'One row of LKS accreditation statistics (statistik akreditasi LKS): the assessments of one combination of the grouped dimensions; a dimension not grouped by is null',
})
export class AccreditationStatsRow {
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

  @Field(() => Int, { nullable: true, description: "The visits' year (tahun) when grouped by YEAR" })
  year!: number | null;

  @Field(() => AccreditationResult, {
    nullable: true,
    description: 'The decision (hasil akreditasi) when grouped by RESULT',
  })
  result!: AccreditationResult | null;

  @Field(() => LksKind, { nullable: true, description: "The institutions' kind (jenis LKS) when grouped by KIND" })
  kind!: LksKind | null;

  @Field(() => Int, { description: 'Institutions assessed (LKS yang divisitasi); accreditationSummary assessed' })
  assessed!: number;

  @Field(() => Int, { description: 'Institutions accredited A, B or C (LKS terakreditasi)' })
  accredited!: number;

  @Field(() => Int, { description: 'Institutions not accredited (LKS tidak terakreditasi)' })
  notAccredited!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Accreditation rate (persentase terakreditasi): accredited / assessed x 100, rounded half-up to 2 decimals as accreditationSummary accreditedRate; null without assessments',
  })
  accreditationRate!: number | null;

  @Field(() => ProvenanceSummary, {
    description:
      "The row's assessments counted by provenance, and the weakest (asal data): RECONSTRUCTED records make a figure that matches a printed total by construction",
  })
  evidence!: ProvenanceSummary;
}
