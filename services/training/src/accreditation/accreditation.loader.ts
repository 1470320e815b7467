import type { RequestContext, UnitYear } from '@kesos/infra';
import { byKeys, percentage, summarizeProvenance } from '@kesos/infra';
import { addProvenanceCounts, readProvenanceCounts, selectProvenanceCounts } from '../common/common.provenance';
import { In } from 'typeorm';
import { AccreditationAssessmentEntity, AccreditationTargetEntity, LksInstitutionEntity } from './accreditation.entity';
import type { AccreditationSummary } from './accreditation.type';
import { AccreditationResult, VALIDITY_YEARS } from './accreditation.type';

const RESULTS = Object.values(AccreditationResult);
const unitYearKey = (unit: string, year: number | string) => `${unit}|${Number(year)}`;

export const institutionById = (ctx: RequestContext) =>
  ctx.loaders.get<number, LksInstitutionEntity | null>('lksInstitutionById', async (ids) =>
    byKeys(ids, await ctx.db.dataSource.getRepository(LksInstitutionEntity).findBy({ id: In([...ids]) }), (i) => i.id),
  );

/**
 * Decisions per result (and per provenance: the records the figures rest on) and the targets for
 * every (unit, year) of a request: two queries in all.
 */
export const accreditationSummaryByUnitYear = (ctx: RequestContext) =>
  ctx.loaders.get<UnitYear, AccreditationSummary>('accreditationSummaryByUnitYear', async (keys) => {
    const units = [...new Set(keys.map((k) => k.unit))];
    const years = [...new Set(keys.map((k) => k.year))];
    const countsQuery = ctx.db.dataSource
      .getRepository(AccreditationAssessmentEntity)
      .createQueryBuilder('a')
      .select('a.unitCode', 'unitCode')
      .addSelect('a.year', 'year')
      .addSelect('a.result', 'result')
      .addSelect('COUNT(*)', 'count')
      .where('a.unitCode IN (:...units)', { units })
      .andWhere('a.year IN (:...years)', { years })
      .groupBy('a.unitCode')
      .addGroupBy('a.year')
      .addGroupBy('a.result');
    const counts = await selectProvenanceCounts(countsQuery, 'a').getRawMany<{
      unitCode: string;
      year: number;
      result: AccreditationResult;
      count: string | number;
    }>();
    const targets = await ctx.db.dataSource
      .getRepository(AccreditationTargetEntity)
      .findBy({ unitCode: In(units), year: In(years) });
    const countOf = new Map(counts.map((c) => [`${unitYearKey(c.unitCode, c.year)}|${c.result}`, Number(c.count)]));
    const targetOf = new Map(targets.map((t) => [unitYearKey(t.unitCode, t.year), t.institutions]));
    return keys.map(({ unit, year }) => {
      const byResult = RESULTS.map((result) => ({
        result,
        count: countOf.get(`${unitYearKey(unit, year)}|${result}`) ?? 0,
      }));
      const assessed = byResult.reduce((sum, r) => sum + r.count, 0);
      const accredited = byResult.filter((r) => VALIDITY_YEARS[r.result] !== null).reduce((sum, r) => sum + r.count, 0);
      const target = targetOf.get(unitYearKey(unit, year)) ?? null;
      const provenance = addProvenanceCounts(
        counts.filter((c) => unitYearKey(c.unitCode, c.year) === unitYearKey(unit, year)).map(readProvenanceCounts),
      );
      return {
        year,
        target,
        assessed,
        accredited,
        notAccredited: assessed - accredited,
        byResult,
        accreditedRate: percentage(accredited, assessed),
        targetRealization: target === null ? null : percentage(assessed, target),
        provenance: summarizeProvenance(provenance),
      };
    });
  });
