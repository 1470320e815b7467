import type { RequestContext, UnitYear } from '@kesos/infra';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Brackets } from 'typeorm';
import { planFor } from '../plan/plan.loader';
import {
  MetricCounterEntity,
  MetricQuarterCounterEntity,
  PublishedFigureEntity,
  RealizationEntryEntity,
} from '../realization/realization.entity';
import { surveyByUnitYear } from '../survey/survey.loader';
import { goalResult, indicatorResult } from './performance.rules';
import type { Goal } from './performance.type';

function forKeys<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, keys: readonly UnitYear[]): SelectQueryBuilder<T> {
  return qb.where(
    new Brackets((w) => {
      keys.forEach((k, i) =>
        w.orWhere(`(x.unitCode = :u${i} AND x.year = :y${i})`, { [`u${i}`]: k.unit, [`y${i}`]: k.year }),
      );
    }),
  );
}

/**
 * Goals with their indicators for many (unit, year) pairs at once: the plans, then counters,
 * entries and published figures in one query each, and the survey loader's running sums. The
 * quarterly figures are not read here: quartersByUnitYear reads them when a query selects them.
 */
export const goalsByUnitYear = (ctx: RequestContext) =>
  ctx.loaders.get<UnitYear, Goal[]>('goalsByUnitYear', async (keys) => {
    const ds = ctx.db.dataSource;
    const [plans, counters, entries, published, surveys] = await Promise.all([
      Promise.all(keys.map((k) => planFor(ctx, k.unit, k.year))),
      forKeys(ds.getRepository(MetricCounterEntity).createQueryBuilder('x'), keys).getMany(),
      forKeys(ds.getRepository(RealizationEntryEntity).createQueryBuilder('x'), keys).getMany(),
      forKeys(ds.getRepository(PublishedFigureEntity).createQueryBuilder('x'), keys).getMany(),
      surveyByUnitYear(ctx).loadMany(keys),
    ]);
    return keys.map((k, n) => {
      const loaded = plans[n];
      if (!loaded) return [];
      const here = <T extends { unitCode: string; year: number }>(rows: T[]) =>
        rows.filter((r) => r.unitCode === k.unit && r.year === k.year);
      const survey = surveys[n];
      const surveyIndex = survey && !(survey instanceof Error) ? survey.index : null;
      const surveyEvidence = survey && !(survey instanceof Error) ? survey.evidence : null;
      const [c, e, p] = [here(counters), here(entries), here(published)];
      return loaded.goals.map((goal) =>
        goalResult(
          k.unit,
          k.year,
          goal,
          loaded.indicators
            .filter((i) => i.goalCode === goal.code)
            .map((indicator) =>
              indicatorResult(k.unit, k.year, {
                indicator,
                target: loaded.targets.find((t) => t.indicatorCode === indicator.code && t.year === k.year) ?? null,
                counter: c.find((x) => x.metric === indicator.metric) ?? null,
                surveyIndex,
                surveyEvidence,
                entry: e.find((x) => x.indicatorCode === indicator.code) ?? null,
                published: p.find((x) => x.code === indicator.code) ?? null,
              }),
            ),
          p.find((x) => x.code === goal.code) ?? null,
        ),
      );
    });
  });

/** The quarterly counters of many (unit, year) pairs in one primary-key read, for IndicatorResult.quarters. */
export const quartersByUnitYear = (ctx: RequestContext) =>
  ctx.loaders.get<UnitYear, MetricQuarterCounterEntity[]>('quartersByUnitYear', async (keys) => {
    const rows = await forKeys(
      ctx.db.dataSource.getRepository(MetricQuarterCounterEntity).createQueryBuilder('x'),
      keys,
    ).getMany();
    return keys.map((k) => rows.filter((r) => r.unitCode === k.unit && r.year === k.year));
  });
