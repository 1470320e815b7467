import type { RequestContext } from '@kesos/infra';
import { byKeys, groupByKeys } from '@kesos/infra';
import { In } from 'typeorm';
import { BudgetPerformanceEntity, IkpaComponentEntity, IkpaScoreEntity } from './budget-score.entity';

/** The units and years named by `unitCode|year` keys. */
function unitsAndYears(keys: readonly string[]): { unitCode: ReturnType<typeof In>; year: ReturnType<typeof In> } {
  return {
    unitCode: In([...new Set(keys.map((k) => k.split('|')[0]))]),
    year: In([...new Set(keys.map((k) => Number(k.split('|')[1])))]),
  };
}

/** Key `unitCode|year`. */
export const performanceByUnitYear = (ctx: RequestContext) =>
  ctx.loaders.get<string, BudgetPerformanceEntity | null>('performanceByUnitYear', async (keys) => {
    const rows = await ctx.db.dataSource.getRepository(BudgetPerformanceEntity).findBy(unitsAndYears(keys));
    return byKeys(keys, rows, (r) => `${r.unitCode}|${r.year}`);
  });

export const ikpaComponentsByYear = (ctx: RequestContext) =>
  ctx.loaders.get<number, IkpaComponentEntity[]>('ikpaComponentsByYear', async (years) =>
    groupByKeys(
      years,
      await ctx.db.dataSource
        .getRepository(IkpaComponentEntity)
        .find({ where: { year: In([...years]) }, order: { position: 'ASC' } }),
      (c) => c.year,
    ),
  );

/** Key `unitCode|year`: the unit's component scores for the year. */
export const ikpaScoresByUnitYear = (ctx: RequestContext) =>
  ctx.loaders.get<string, IkpaScoreEntity[]>('ikpaScoresByUnitYear', async (keys) => {
    const rows = await ctx.db.dataSource.getRepository(IkpaScoreEntity).findBy(unitsAndYears(keys));
    return groupByKeys(keys, rows, (r) => `${r.unitCode}|${r.year}`);
  });
