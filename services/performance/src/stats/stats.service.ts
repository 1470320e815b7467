import type { RequestContext, StatsOrder } from '@kesos/infra';
import { rankStatsRows, statsFirst, statsGroupBy, statsUnits, statsYears } from '@kesos/infra';
import { goalsByUnitYear } from '../performance/performance.loader';
import type { Goal } from '../performance/performance.type';
import { Gender, RespondentEducation } from '../survey/survey.type';
import type { IndicatorStatsFilter, SurveyStatsFilter } from './stats.input';
import { plannedUnitYears, surveyGroups } from './stats.loader';
import { toIndicatorStatsRow, toSurveyStatsRow } from './stats.mapper';
import type { UnrankedIndicatorRow, UnrankedSurveyRow } from './stats.mapper';
import type { IndicatorStatsRow, SurveyStatsRow } from './stats.type';
import { IndicatorStatsField, SurveyStatsDimension, SurveyStatsField } from './stats.type';

/** A list filter: null for "all" (omitted or empty), else its values without repeats. */
const listFilter = <T>(values: readonly T[] | null | undefined): T[] | null =>
  values && values.length > 0 ? [...new Set(values)] : null;

/** Whether an achievement matches `belowTarget`: below is < 100 (lower-is-better achievements are already inverted). */
function matchesTarget(achievement: number | null, belowTarget: boolean | null | undefined): boolean {
  if (belowTarget === null || belowTarget === undefined) return true;
  if (achievement === null) return false;
  return belowTarget ? achievement < 100 : achievement >= 100;
}

function indicatorValue(row: UnrankedIndicatorRow, field: IndicatorStatsField): number | null {
  switch (field) {
    case IndicatorStatsField.ACHIEVEMENT:
      return row.achievement;
    case IndicatorStatsField.REALIZATION:
      return row.realization;
    case IndicatorStatsField.TARGET:
      return row.target;
    case IndicatorStatsField.YEAR:
      return row.year;
  }
}

/**
 * One row per unit, year and indicator, exactly as Unit.performance(year) computes them (the same
 * loader: plans, counters, entries, published figures and survey sums), for every (unit, year) a
 * plan covers within the filter. A bounded number of statements whatever the number of units:
 * the plans' years, then the loader's batch (plans, counters, entries, figures, survey sums).
 * Analysts and admins read every unit; a viewer or operator only their own.
 */
export async function indicatorStats(
  ctx: RequestContext,
  filter: IndicatorStatsFilter | null | undefined,
  orderBy: readonly StatsOrder<IndicatorStatsField>[] | null | undefined,
  first: number | null | undefined,
): Promise<IndicatorStatsRow[]> {
  const years = statsYears(filter);
  const units = statsUnits(ctx.caller, filter?.units);
  const limit = statsFirst(first);
  const goals = listFilter(filter?.goals);
  const indicators = listFilter(filter?.indicators);
  const keys = units && units.length === 0 ? [] : await plannedUnitYears(ctx, units, years);
  const loaded = await goalsByUnitYear(ctx).loadMany(keys);
  const rows = loaded.flatMap((result): UnrankedIndicatorRow[] => {
    if (result instanceof Error) throw result;
    return result
      .filter((g: Goal) => !goals || goals.includes(g.code))
      .flatMap((g) =>
        g.indicators
          .filter((i) => !indicators || indicators.includes(i.code))
          .filter((i) => matchesTarget(i.achievement, filter?.belowTarget))
          .map((i) => toIndicatorStatsRow(g.code, i)),
      );
  });
  return rankStatsRows(rows, orderBy, indicatorValue, limit);
}

const GENDER_ORDER: readonly string[] = Object.values(Gender);
const EDUCATION_ORDER: readonly string[] = Object.values(RespondentEducation);

function compareBy(dimension: SurveyStatsDimension, a: UnrankedSurveyRow, b: UnrankedSurveyRow): number {
  switch (dimension) {
    case SurveyStatsDimension.UNIT:
      return (a.unitCode ?? '') < (b.unitCode ?? '') ? -1 : (a.unitCode ?? '') > (b.unitCode ?? '') ? 1 : 0;
    case SurveyStatsDimension.YEAR:
      return (a.year ?? 0) - (b.year ?? 0);
    case SurveyStatsDimension.GENDER:
      return GENDER_ORDER.indexOf(a.gender ?? '') - GENDER_ORDER.indexOf(b.gender ?? '');
    case SurveyStatsDimension.EDUCATION:
      return EDUCATION_ORDER.indexOf(a.education ?? '') - EDUCATION_ORDER.indexOf(b.education ?? '');
  }
}

function surveyValue(row: UnrankedSurveyRow, field: SurveyStatsField): number | null {
  switch (field) {
    case SurveyStatsField.RESPONDENTS:
      return row.respondents;
    case SurveyStatsField.INDEX:
      return row.index;
    case SurveyStatsField.YEAR:
      return row.year;
  }
}

/**
 * The satisfaction index (IKM) over the responses of each group, from the running sums per unit,
 * year, gender and education (one query): respondents, index and grade by the rules of
 * Unit.satisfactionSurvey, so grouped by UNIT and YEAR a row equals that unit's survey of the
 * year, and the ungrouped row is the index over every response (weighted by respondents).
 */
export async function surveyStats(
  ctx: RequestContext,
  filter: SurveyStatsFilter | null | undefined,
  groupBy: readonly SurveyStatsDimension[] | null | undefined,
  orderBy: readonly StatsOrder<SurveyStatsField>[] | null | undefined,
  first: number | null | undefined,
): Promise<SurveyStatsRow[]> {
  const years = statsYears(filter);
  const units = statsUnits(ctx.caller, filter?.units);
  const dimensions = statsGroupBy(groupBy);
  const limit = statsFirst(first);
  const groups =
    units && units.length === 0
      ? []
      : await surveyGroups(ctx, dimensions, {
          years,
          units,
          genders: listFilter(filter?.genders),
          educations: listFilter(filter?.educations),
        });
  const rows = groups
    .filter((g) => g.respondents > 0)
    .map(toSurveyStatsRow)
    .sort((a, b) => {
      for (const d of dimensions) {
        const c = compareBy(d, a, b);
        if (c !== 0) return c;
      }
      return 0;
    });
  // Without groupBy there is exactly one row, the total over the filter, even when nobody answered.
  const total =
    dimensions.length === 0 && rows.length === 0
      ? [
          toSurveyStatsRow({
            unitCode: null,
            year: null,
            gender: null,
            education: null,
            respondents: 0,
            answerSum: 0,
            sheets: {},
          }),
        ]
      : rows;
  return rankStatsRows(total, orderBy, surveyValue, limit);
}
