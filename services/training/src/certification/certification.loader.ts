import type { RequestContext, UnitYear } from '@kesos/infra';
import { byKeys, groupByKeys, percentage, summarizeProvenance } from '@kesos/infra';
import { addProvenanceCounts, readProvenanceCounts, selectProvenanceCounts } from '../common/common.provenance';
import { In } from 'typeorm';
import {
  CertificationAssessmentEntity,
  CertificationCandidateEntity,
  CertificationSessionEntity,
} from './certification.entity';
import type { CertificationSummary } from './certification.type';
import { CertificationResult } from './certification.type';

const unitYearKey = (unit: string, year: number | string) => `${unit}|${Number(year)}`;

export const candidateById = (ctx: RequestContext) =>
  ctx.loaders.get<number, CertificationCandidateEntity | null>('certificationCandidateById', async (ids) =>
    byKeys(
      ids,
      await ctx.db.dataSource.getRepository(CertificationCandidateEntity).findBy({ id: In([...ids]) }),
      (c) => c.id,
    ),
  );

export const sessionById = (ctx: RequestContext) =>
  ctx.loaders.get<number, CertificationSessionEntity | null>('certificationSessionById', async (ids) =>
    byKeys(
      ids,
      await ctx.db.dataSource.getRepository(CertificationSessionEntity).findBy({ id: In([...ids]) }),
      (s) => s.id,
    ),
  );

/**
 * One grouped query per table for every (unit, year) asked in a request, e.g. all units of a ministry
 * report; each also counts its rows per provenance (the candidates and results the figures rest on).
 */
export const certificationSummaryByUnitYear = (ctx: RequestContext) =>
  ctx.loaders.get<UnitYear, CertificationSummary>('certificationSummaryByUnitYear', async (keys) => {
    const units = [...new Set(keys.map((k) => k.unit))];
    const years = [...new Set(keys.map((k) => k.year))];
    const planned = await selectProvenanceCounts(
      ctx.db.dataSource
        .getRepository(CertificationCandidateEntity)
        .createQueryBuilder('c')
        .select('c.unitCode', 'unitCode')
        .addSelect('c.year', 'year')
        .addSelect('COUNT(*)', 'planned')
        .where('c.unitCode IN (:...units)', { units })
        .andWhere('c.year IN (:...years)', { years })
        .groupBy('c.unitCode')
        .addGroupBy('c.year'),
      'c',
    ).getRawMany<{ unitCode: string; year: number; planned: string | number }>();
    const resultsQuery = ctx.db.dataSource
      .getRepository(CertificationAssessmentEntity)
      .createQueryBuilder('a')
      .select('a.unitCode', 'unitCode')
      .addSelect('a.year', 'year')
      .addSelect('COUNT(DISTINCT a.candidateId)', 'assessed')
      .addSelect('COUNT(DISTINCT CASE WHEN a.result = :competent THEN a.candidateId END)', 'competent')
      .where('a.unitCode IN (:...units)', { units })
      .andWhere('a.year IN (:...years)', { years })
      .setParameter('competent', CertificationResult.KOMPETEN)
      .groupBy('a.unitCode')
      .addGroupBy('a.year');
    const results = await selectProvenanceCounts(resultsQuery, 'a').getRawMany<{
      unitCode: string;
      year: number;
      assessed: string | number;
      competent: string | number;
    }>();
    const plannedBy = new Map(
      planned.map((p) => [
        unitYearKey(p.unitCode, p.year),
        { planned: Number(p.planned), provenance: readProvenanceCounts(p) },
      ]),
    );
    const resultBy = new Map(
      results.map((r) => [
        unitYearKey(r.unitCode, r.year),
        { assessed: Number(r.assessed), competent: Number(r.competent), provenance: readProvenanceCounts(r) },
      ]),
    );
    return keys.map(({ unit, year }) => {
      const result = resultBy.get(unitYearKey(unit, year));
      const plan = plannedBy.get(unitYearKey(unit, year));
      const assessed = result?.assessed ?? 0;
      const competent = result?.competent ?? 0;
      return {
        year,
        planned: plan?.planned ?? 0,
        assessed,
        competent,
        notCompetent: assessed - competent,
        competentRate: percentage(competent, assessed),
        provenance: summarizeProvenance(addProvenanceCounts([plan?.provenance ?? {}, result?.provenance ?? {}])),
      };
    });
  });

export const assessmentsByCandidate = (ctx: RequestContext) =>
  ctx.loaders.get<number, CertificationAssessmentEntity[]>('certificationAssessmentsByCandidate', async (ids) =>
    groupByKeys(
      ids,
      await ctx.db.dataSource
        .getRepository(CertificationAssessmentEntity)
        .find({ where: { candidateId: In([...ids]) }, order: { id: 'ASC' } }),
      (a) => a.candidateId,
    ),
  );
