import { ReportFigure, RequestContext, unavailableNote } from '@kesos/infra';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { budgetFigures } from './report-consistency.service';
import { ReportConsistency } from './report-consistency.type';

@Resolver(() => ReportConsistency)
export class ReportConsistencyBudgetResolver {
  @FieldResolver(() => [ReportFigure], {
    nullable: true,
    description:
      "Budget figures (angka anggaran): the five-year budget table, the satkers' ceilings and realisation, the DIPA revisions, the allocation appendix, budget absorption per goal and the budget performance score; derived from this subgraph's DIPAs, revisions, transfers and spending." +
      unavailableNote('budget'),
  })
  async budgetFigures(@Root() report: ReportConsistency, @Ctx() ctx: RequestContext): Promise<ReportFigure[]> {
    return budgetFigures(ctx, report);
  }
}
