import { ReportFigure, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { performanceFigures, performanceSummary, reportConsistency } from './report-consistency.service';
import { ReportConsistency, ReportConsistencySummary } from './report-consistency.type';

@Resolver(() => ReportConsistency)
export class ReportConsistencyResolver {
  @Query(() => ReportConsistency, {
    description:
      "The figures a unit's annual report (LAKIP) prints, each against the value the graph derives, with a verdict (kesesuaian laporan kinerja). Readable by the unit, analysts and admins; a year without a catalogue of its printed figures answers empty lists.",
  })
  reportConsistency(
    @Arg('unit', () => ID, { description: 'Unit code, e.g. BBPPKS-PADANG (kode unit)' }) unit: string,
    @Arg('year', () => Int, { description: 'Year the report covers (tahun laporan)' }) year: number,
    @Ctx() ctx: RequestContext,
  ): ReportConsistency {
    return reportConsistency(ctx, unit, year);
  }

  @FieldResolver(() => [ReportFigure], {
    description:
      'Indicator, goal and survey figures (angka kinerja): the indicator tables, the efficiency table, the text and closing chapter, the IKM result; derived from the counters, entries and survey of this subgraph',
  })
  async performanceFigures(@Root() report: ReportConsistency, @Ctx() ctx: RequestContext): Promise<ReportFigure[]> {
    return performanceFigures(ctx, report);
  }

  @FieldResolver(() => ReportConsistencySummary, {
    description: 'Counts of the performance figures by verdict (ringkasan kesesuaian angka kinerja)',
  })
  async summary(@Root() report: ReportConsistency, @Ctx() ctx: RequestContext): Promise<ReportConsistencySummary> {
    return performanceSummary(ctx, report);
  }
}
