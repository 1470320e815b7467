import { ReportFigure, RequestContext, unavailableNote } from '@kesos/infra';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { trainingFigures } from './report-consistency.service';
import { ReportConsistency } from './report-consistency.type';

@Resolver(() => ReportConsistency)
export class ReportConsistencyTrainingResolver {
  @FieldResolver(() => [ReportFigure], {
    nullable: true,
    description:
      "Training figures (angka pelatihan): accreditation, certification and ATENSI counts in the text, the printed SK2.1 and SK4.1 formulas applied to the records, and the five-year training table; derived from this subgraph's decisions, assessments, cases and classes." +
      unavailableNote('training'),
  })
  async trainingFigures(@Root() report: ReportConsistency, @Ctx() ctx: RequestContext): Promise<ReportFigure[]> {
    return trainingFigures(ctx, report);
  }
}
