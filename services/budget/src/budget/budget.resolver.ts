import { Provenance, ProvenanceSummary, RequestContext, RupiahScalar } from '@kesos/infra';
import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { IkpaComponent } from '../budget-score/budget-score.type';
import { performanceByUnitYear } from '../budget-score/budget-score.loader';
import { budgetPerformanceScore } from '../budget-score/budget-score.service';
import { EVIDENCE } from '../line/line.type';
import { BudgetTransfer } from '../revision/revision.type';
import { byExpenseType, byGoal, satkerBudget, totals } from '../satker/satker.service';
import { ExpenseTypeFigure, GoalFigure, MonthFigure, SatkerBudget } from '../satker/satker.type';
import {
  linesOfUnitBudget,
  satkersOfUnitBudget,
  unitBudgetByMonth,
  unitBudgetTransfers,
  unitIkpaComponents,
} from './budget.service';
import { UnitBudget } from './budget.type';

const RATE = 'rounded half-up to 2 decimals; null when the ceiling is 0';

/** Access was checked by Unit.budget, the only way to reach a UnitBudget. */
@Resolver(() => UnitBudget)
export class UnitBudgetResolver {
  @FieldResolver(() => [SatkerBudget], {
    description:
      'The satkers that held a DIPA in the year, by code (2022 for BBPPKS Padang: 369283 OTK lama and 690552 OTK baru)',
  })
  async satkers(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<SatkerBudget[]> {
    const { dipas, figures } = await satkersOfUnitBudget(ctx, b);
    return dipas.map((d, i) => satkerBudget(d, figures[i]));
  }

  @FieldResolver(() => RupiahScalar, { description: 'Total ceiling (pagu) of all satkers in whole rupiah' })
  async ceiling(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<number> {
    return totals(await linesOfUnitBudget(ctx, b)).ceiling;
  }

  @FieldResolver(() => RupiahScalar, { description: 'Total realisation (realisasi) of all satkers in whole rupiah' })
  async realized(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<number> {
    return totals(await linesOfUnitBudget(ctx, b)).realized;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: `Absorption rate (penyerapan) of all satkers = realized / ceiling x 100, ${RATE}`,
  })
  async absorptionRate(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<number | null> {
    return totals(await linesOfUnitBudget(ctx, b)).absorptionRate;
  }

  @FieldResolver(() => ProvenanceSummary, { description: EVIDENCE })
  async evidence(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<ProvenanceSummary> {
    return totals(await linesOfUnitBudget(ctx, b)).evidence;
  }

  @FieldResolver(() => Provenance, {
    nullable: true,
    description:
      'Where the SMART and IKPA scores come from (asal data): REPORTED when the published report gives them; null without a record',
  })
  async scoresProvenance(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<Provenance | null> {
    return (await performanceByUnitYear(ctx).load(`${b.unitCode}|${b.year}`))?.provenance ?? null;
  }

  @FieldResolver(() => [ExpenseTypeFigure], {
    description: 'All satkers together per expense type: PERSONNEL, GOODS, CAPITAL',
  })
  async byExpenseType(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<ExpenseTypeFigure[]> {
    return byExpenseType(await linesOfUnitBudget(ctx, b));
  }

  @FieldResolver(() => [GoalFigure], {
    description: 'All satkers together per performance goal (sasaran kegiatan) the lines are tagged with',
  })
  async byGoal(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<GoalFigure[]> {
    return byGoal(await linesOfUnitBudget(ctx, b));
  }

  @FieldResolver(() => [MonthFigure], {
    description: 'All satkers together per month, with cumulative absorption against the current total ceiling',
  })
  async byMonth(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<MonthFigure[]> {
    return unitBudgetByMonth(ctx, b);
  }

  @FieldResolver(() => [BudgetTransfer], { description: "Budget moved into or out of the unit's satkers in the year" })
  async transfers(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<BudgetTransfer[]> {
    return unitBudgetTransfers(ctx, b);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'SMART score (Nilai SMART) published by the finance ministry for the year',
  })
  async smartScore(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await performanceByUnitYear(ctx).load(`${b.unitCode}|${b.year}`))?.smartScore ?? null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Budget execution index (IKPA, Indikator Kinerja Pelaksanaan Anggaran) for the year, as published (total only)',
  })
  async ikpaScore(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await performanceByUnitYear(ctx).load(`${b.unitCode}|${b.year}`))?.ikpaScore ?? null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Budget performance score (Nilai Kinerja Anggaran, NKA) = 60% x SMART + 40% x IKPA, computed exactly and then rounded half-up to 2 decimals (2022: 55.824 + 37.128 = 92.952 -> 92.95); null without both scores',
  })
  async budgetPerformanceScore(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<number | null> {
    const p = await performanceByUnitYear(ctx).load(`${b.unitCode}|${b.year}`);
    return p ? budgetPerformanceScore(p.smartScore, p.ikpaScore) : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "The budget performance score as printed in the unit's report (2022: 92.94, because the report truncated 37.128 to 37.12 before adding); kept for audit next to the derived budgetPerformanceScore",
  })
  async publishedBudgetPerformanceScore(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await performanceByUnitYear(ctx).load(`${b.unitCode}|${b.year}`))?.publishedScore ?? null;
  }

  @FieldResolver(() => [IkpaComponent], {
    description: "IKPA components and weights for the year, with the unit's scores where they were recorded",
  })
  async ikpaComponents(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<IkpaComponent[]> {
    return unitIkpaComponents(ctx, b);
  }
}
