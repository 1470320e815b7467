import type { RequestContext } from '@kesos/infra';
import { dipaFigures, dipasByUnitYears } from '../dipa/dipa.loader';
import { byGoal } from '../satker/satker.service';
import type { GoalFigure } from '../satker/satker.type';

export interface GoalKey {
  unitCode: string;
  year: number;
  code: string;
}

/** Figures of the lines tagged with each goal, through the same batched DIPA loaders as Unit.budget. */
export const goalFigure = (ctx: RequestContext) =>
  ctx.loaders.get<GoalKey, GoalFigure | null>('goalFigure', async (keys) => {
    const unitYears = [...new Map(keys.map((k) => [`${k.unitCode}|${k.year}`, k])).values()];
    const dipas = await dipasByUnitYears(ctx).loadMany(
      unitYears.map((k) => ({ unit: k.unitCode, from: k.year, to: k.year })),
    );
    const goalsByUnitYear = new Map<string, GoalFigure[]>();
    await Promise.all(
      unitYears.map(async (k, i) => {
        const rows = dipas[i];
        if (rows instanceof Error) throw rows;
        const figures = await Promise.all(rows.map((d) => dipaFigures(ctx).load(d.dipaId)));
        goalsByUnitYear.set(`${k.unitCode}|${k.year}`, byGoal(figures.flatMap((f) => f.lines)));
      }),
    );
    return keys.map((k) => goalsByUnitYear.get(`${k.unitCode}|${k.year}`)?.find((g) => g.goalCode === k.code) ?? null);
  });
