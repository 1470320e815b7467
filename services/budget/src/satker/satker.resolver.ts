import { RequestContext } from '@kesos/infra';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BudgetRevision, BudgetTransfer } from '../revision/revision.type';
import { revisionsByDipa } from '../revision/revision.loader';
import { transfersBySatkerYear } from '../transfer/transfer.loader';
import { realizationByDipaDate } from '../realization/realization.loader';
import { byMonth } from './satker.service';
import { MonthFigure, SatkerBudget } from './satker.type';

/** SatkerBudget is reached only through Unit.budget / Unit.budgetHistory, which check read access. */
@Resolver(() => SatkerBudget)
export class SatkerBudgetResolver {
  @FieldResolver(() => [BudgetRevision], {
    description: 'The DIPA states in order: initial DIPA (0) and each revision, with the ceiling after it',
  })
  async revisions(@Root() s: SatkerBudget, @Ctx() ctx: RequestContext): Promise<BudgetRevision[]> {
    return revisionsByDipa(ctx).load(s.dipaId);
  }

  @FieldResolver(() => [MonthFigure], {
    description: 'Realisation per month with cumulative absorption against the current ceiling',
  })
  async byMonth(@Root() s: SatkerBudget, @Ctx() ctx: RequestContext): Promise<MonthFigure[]> {
    return byMonth(await realizationByDipaDate(ctx).load(s.dipaId), s.ceiling);
  }

  @FieldResolver(() => [BudgetTransfer], {
    description: 'Budget this satker received from other satkers or units in the year',
  })
  async transfersIn(@Root() s: SatkerBudget, @Ctx() ctx: RequestContext): Promise<BudgetTransfer[]> {
    return (await transfersBySatkerYear(ctx).load(`${s.code}|${s.year}`)).filter((t) => t.toSatkerCode === s.code);
  }

  @FieldResolver(() => [BudgetTransfer], { description: 'Budget this satker passed on to another satker in the year' })
  async transfersOut(@Root() s: SatkerBudget, @Ctx() ctx: RequestContext): Promise<BudgetTransfer[]> {
    return (await transfersBySatkerYear(ctx).load(`${s.code}|${s.year}`)).filter((t) => t.fromSatkerCode === s.code);
  }
}
