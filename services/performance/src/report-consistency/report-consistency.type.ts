import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@Directive('@key(fields: "unit year")')
@ObjectType({
  description:
    "A unit's annual report (LAKIP) for a year, printed against derived (kesesuaian laporan kinerja): each subgraph lists the figures it owns",
})
export class ReportConsistency {
  @Field(() => ID, { description: 'Unit code, e.g. BBPPKS-PADANG (kode unit)' })
  unit!: string;

  @Field(() => Int, { description: 'Year the report covers (tahun laporan)' })
  year!: number;
}

@ObjectType({
  description: 'How many of the performance figures reach each verdict (ringkasan kesesuaian angka kinerja)',
})
export class ReportConsistencySummary {
  @Field(() => Int, { description: 'Figures the records give exactly (sesuai)' })
  matches!: number;

  @Field(() => Int, { description: 'Figures apart by rounding only (selisih pembulatan)' })
  rounding!: number;

  @Field(() => Int, { description: 'Figures the records contradict (bertentangan)' })
  contradiction!: number;

  @Field(() => Int, { description: 'Figures the graph derives by another rule on purpose (ditafsirkan ulang)' })
  reinterpreted!: number;

  @Field(() => Int, { description: 'Figures no record gives (tidak dapat diturunkan)' })
  notDerivable!: number;
}
