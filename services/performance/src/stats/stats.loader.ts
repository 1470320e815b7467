import type { ProvenanceCounts, RequestContext, UnitYear, YearWindow } from '@kesos/infra';
import { PROVENANCE_ORDER } from '@kesos/infra';
import { StrategicPlanEntity } from '../plan/plan.entity';
import { ELEMENT_COLUMNS, RESPONSE_COUNT_COLUMNS, SurveyDemographicTotalEntity } from '../survey/survey.entity';
import { SurveyStatsDimension } from './stats.type';

/**
 * Every (unit, year) a strategic plan covers within the years, for the units given (null: all),
 * ordered by unit code and year: one query, whatever the number of units.
 */
export async function plannedUnitYears(
  ctx: RequestContext,
  units: readonly string[] | null,
  years: YearWindow,
): Promise<UnitYear[]> {
  const qb = ctx.db.dataSource
    .getRepository(StrategicPlanEntity)
    .createQueryBuilder('p')
    .where('p.fromYear <= :to AND p.toYear >= :from', { from: years.fromYear, to: years.toYear });
  if (units) qb.andWhere('p.unitCode IN (:...units)', { units });
  const plans = await qb.getMany();
  const keys = plans.flatMap((p) => {
    const from = Math.max(p.fromYear, years.fromYear);
    const to = Math.min(p.toYear, years.toYear);
    return Array.from({ length: to - from + 1 }, (_, i) => ({ unit: p.unitCode, year: from + i }));
  });
  const unique = new Map(keys.map((k) => [`${k.unit}|${k.year}`, k]));
  return [...unique.values()].sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.year - b.year));
}

export interface SurveyGroup {
  unitCode: string | null;
  year: number | null;
  gender: string | null;
  education: string | null;
  respondents: number;
  /** Sum of every answer of the group's respondents, all nine elements. */
  answerSum: number;
  /** The group's answer sheets by provenance (they add up to respondents). */
  sheets: ProvenanceCounts;
}

export interface SurveyGroupFilter {
  years: YearWindow;
  units: readonly string[] | null;
  genders: readonly string[] | null;
  educations: readonly string[] | null;
}

const COLUMN: Record<SurveyStatsDimension, 'unitCode' | 'year' | 'gender' | 'education'> = {
  [SurveyStatsDimension.UNIT]: 'unitCode',
  [SurveyStatsDimension.YEAR]: 'year',
  [SurveyStatsDimension.GENDER]: 'gender',
  [SurveyStatsDimension.EDUCATION]: 'education',
};

/**
 * The survey's running sums per gender and education, summed over the filter and grouped by the
 * dimensions: one query over survey_demographic_total (a row per unit, year, gender and
 * education), never the responses.
 */
export async function surveyGroups(
  ctx: RequestContext,
  dimensions: readonly SurveyStatsDimension[],
  filter: SurveyGroupFilter,
): Promise<SurveyGroup[]> {
  const qb = ctx.db.dataSource
    .getRepository(SurveyDemographicTotalEntity)
    .createQueryBuilder('t')
    .select('SUM(t.respondents)', 'respondents')
    .addSelect(`SUM(${ELEMENT_COLUMNS.map((c) => `t.${c}`).join(' + ')})`, 'answerSum')
    .where('t.year BETWEEN :from AND :to', { from: filter.years.fromYear, to: filter.years.toYear });
  // The sheets by provenance, in the same GROUP BY: a row's evidence costs no statement.
  for (const p of PROVENANCE_ORDER) qb.addSelect(`SUM(t.${RESPONSE_COUNT_COLUMNS[p]})`, RESPONSE_COUNT_COLUMNS[p]);
  if (filter.units) qb.andWhere('t.unitCode IN (:...units)', { units: filter.units });
  if (filter.genders) qb.andWhere('t.gender IN (:...genders)', { genders: filter.genders });
  if (filter.educations) qb.andWhere('t.education IN (:...educations)', { educations: filter.educations });
  for (const d of dimensions) qb.addSelect(`t.${COLUMN[d]}`, COLUMN[d]).addGroupBy(`t.${COLUMN[d]}`);
  const raw = await qb.getRawMany<Record<string, string | number | null>>();
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
  return raw.map((r) => ({
    unitCode: dimensions.includes(SurveyStatsDimension.UNIT) ? text(r.unitCode) : null,
    year: dimensions.includes(SurveyStatsDimension.YEAR) ? Number(r.year) : null,
    gender: dimensions.includes(SurveyStatsDimension.GENDER) ? text(r.gender) : null,
    education: dimensions.includes(SurveyStatsDimension.EDUCATION) ? text(r.education) : null,
    respondents: Number(r.respondents ?? 0),
    answerSum: Number(r.answerSum ?? 0),
    sheets: Object.fromEntries(PROVENANCE_ORDER.map((p) => [p, Number(r[RESPONSE_COUNT_COLUMNS[p]] ?? 0)])),
  }));
}
