import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@Directive('@key(fields: "unit year")')
@ObjectType({
  description:
    "A unit's annual report (LAKIP) for a year, printed against derived (kesesuaian laporan kinerja); owned by the performance subgraph, extended here with the budget figures",
})
export class ReportConsistency {
  @Field(() => ID, { description: 'Unit code, e.g. BBPPKS-PADANG (kode unit)' })
  unit!: string;

  @Field(() => Int, { description: 'Year the report covers (tahun laporan)' })
  year!: number;
}
