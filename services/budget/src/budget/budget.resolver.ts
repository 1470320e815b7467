import { RequestContext, RupiahScalar } from '@kesos/infra';
import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { IkpaComponent } from '../budget-score/budget-score.type';
import { ikpaComponentsByYear, ikpaScoresByUnitYear, performanceByUnitYear } from '../budget-score/budget-score.loader';
import { toIkpaComponent } from '../budget-score/budget-score.mapper';
import { budgetPerformanceScore } from '../budget-score/budget-score.service';
import { BudgetTransfer } from '../revision/revision.type';
import { transfersBySatkerYear } from '../transfer/transfer.loader';
import { dipaFigures, dipasByUnitYears, LineFigure } from '../dipa/dipa.loader';
import { realizationByDipaDate } from '../realization/realization.loader';
import { byExpenseType, byGoal, byMonth, satkerBudget, totals } from '../satker/satker.service';
import { ExpenseTypeFigure, GoalFigure, MonthFigure, SatkerBudget } from '../satker/satker.type';
import { UnitBudget } from './budget.type';

const RATE = 'rounded half-up to 2 decimals; null when the ceiling is 0';

async function satkersOf(ctx: RequestContext, b: UnitBudget) {
  const dipas = await dipasByUnitYears(ctx).load({ unit: b.unitCode, from: b.year, to: b.year });
  const figures = await Promise.all(dipas.map((d) => dipaFigures(ctx).load(d.dipaId)));
  return { dipas, figures };
}

async function linesOf(ctx: RequestContext, b: UnitBudget): Promise<LineFigure[]> {
  return (await satkersOf(ctx, b)).figures.flatMap((f) => f.lines);
}

/** Access was checked by Unit.budget, the only way to reach a UnitBudget. */
@Resolver(() => UnitBudget)
export class UnitBudgetResolver {
  @FieldResolver(() => [SatkerBudget], {
    description:
      'The satkers that held a DIPA in the year, by code (2022 for BBPPKS Padang: 369283 OTK lama and 690552 OTK baru)',
  })
  async satkers(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<SatkerBudget[]> {
    const { dipas, figures } = await satkersOf(ctx, b);
    return dipas.map((d, i) => satkerBudget(d, figures[i]));
  }

  @FieldResolver(() => RupiahScalar, { description: 'Total ceiling (pagu) of all satkers in whole rupiah' })
  async ceiling(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<number> {
    return totals(await linesOf(ctx, b)).ceiling;
  }

  @FieldResolver(() => RupiahScalar, { description: 'Total realisation (realisasi) of all satkers in whole rupiah' })
  async realized(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<number> {
    return totals(await linesOf(ctx, b)).realized;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: `Absorption rate (penyerapan) of all satkers = realized / ceiling x 100, ${RATE}`,
  })
  async absorptionRate(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<number | null> {
    return totals(await linesOf(ctx, b)).absorptionRate;
  }

  @FieldResolver(() => [ExpenseTypeFigure], {
    description: 'All satkers together per expense type: PERSONNEL, GOODS, CAPITAL',
  })
  async byExpenseType(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<ExpenseTypeFigure[]> {
    return byExpenseType(await linesOf(ctx, b));
  }

  @FieldResolver(() => [GoalFigure], {
    description: 'All satkers together per performance goal (sasaran kegiatan) the lines are tagged with',
  })
  async byGoal(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<GoalFigure[]> {
    return byGoal(await linesOf(ctx, b));
  }

  @FieldResolver(() => [MonthFigure], {
    description: 'All satkers together per month, with cumulative absorption against the current total ceiling',
  })
  async byMonth(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<MonthFigure[]> {
    const { dipas, figures } = await satkersOf(ctx, b);
    const rows = (await realizationByDipaDate(ctx).loadMany(dipas.map((d) => d.dipaId))).flatMap((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
    return byMonth(rows, totals(figures.flatMap((f) => f.lines)).ceiling);
  }

  @FieldResolver(() => [BudgetTransfer], { description: "Budget moved into or out of the unit's satkers in the year" })
  async transfers(@Root() b: UnitBudget, @Ctx() ctx: RequestContext): Promise<BudgetTransfer[]> {
    const { dipas } = await satkersOf(ctx, b);
    const lists = await Promise.all(dipas.map((d) => transfersBySatkerYear(ctx).load(`${d.satkerCode}|${d.year}`)));
    const seen = new Map<number, BudgetTransfer>();
    for (const t of lists.flat()) seen.set(t.id, t);
    return [...seen.values()].sort((x, y) => x.date.localeCompare(y.date) || x.id - y.id);
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
    const [components, scores] = await Promise.all([
      ikpaComponentsByYear(ctx).load(b.year),
      ikpaScoresByUnitYear(ctx).load(`${b.unitCode}|${b.year}`),
    ]);
    return components.map((c) =>
      toIkpaComponent(
        c,
        scores.find((s) => s.componentCode === c.code),
      ),
    );
  }
}
