/** Queries and the detailed API's figures that the statistics tests compare the stats rows with. */
export const INDICATOR_STATS = `query($filter: IndicatorStatsFilter, $orderBy: [IndicatorStatsOrder!], $first: Int) {
  indicatorStats(filter: $filter, orderBy: $orderBy, first: $first) {
    rank unitCode unit { code } year goalCode indicatorCode indicatorName polarity target realization achievement } }`;
export const SURVEY_STATS = `query($filter: SurveyStatsFilter, $groupBy: [SurveyStatsDimension!], $orderBy: [SurveyStatsOrder!], $first: Int) {
  surveyStats(filter: $filter, groupBy: $groupBy, orderBy: $orderBy, first: $first) {
    rank unitCode unit { code } year gender education respondents index grade } }`;

export interface IndicatorRow {
  rank: number | null;
  unitCode: string;
  unit: { code: string };
  year: number;
  goalCode: string;
  indicatorCode: string;
  indicatorName: string;
  polarity: string;
  target: number | null;
  realization: number | null;
  achievement: number | null;
}

export interface SurveyRow {
  rank: number | null;
  unitCode: string | null;
  unit: { code: string } | null;
  year: number | null;
  gender: string | null;
  education: string | null;
  respondents: number;
  index: number | null;
  grade: string | null;
}

interface PerformanceAnswer {
  _entities: {
    code: string;
    performance: {
      goals: {
        code: string;
        indicators: {
          code: string;
          name: string;
          polarity: string;
          target: number | null;
          realization: number | null;
          achievement: number | null;
        }[];
      }[];
    } | null;
    satisfactionSurvey: { respondents: number; index: number; grade: string } | null;
  }[];
}

export type Call = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;

const DETAILED = `query($reps: [_Any!]!, $year: Int!) { _entities(representations: $reps) { ... on Unit { code
  performance(year: $year) { goals { code indicators { code name polarity target realization achievement } } }
  satisfactionSurvey(year: $year) { respondents index grade } } } }`;

/**
 * What the detailed API answers for every unit and year: Unit.performance(year)'s indicators as
 * indicatorStats rows (unit, year, goal and indicator order), and Unit.satisfactionSurvey(year)
 * as surveyStats rows grouped by UNIT and YEAR (unit and year order).
 */
export async function detailedFigures(
  call: Call,
  units: readonly string[],
  years: readonly number[],
): Promise<{ indicators: Omit<IndicatorRow, 'rank'>[]; surveys: Omit<SurveyRow, 'rank'>[] }> {
  const byYear = new Map<number, PerformanceAnswer>();
  for (const year of years) {
    const res = await call(DETAILED, { reps: units.map((code) => ({ __typename: 'Unit', code })), year });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    byYear.set(year, res.data as PerformanceAnswer);
  }
  const indicators: Omit<IndicatorRow, 'rank'>[] = [];
  const surveys: Omit<SurveyRow, 'rank'>[] = [];
  for (const unitCode of [...units].sort()) {
    for (const year of years) {
      const unit = byYear.get(year)?._entities.find((u) => u.code === unitCode);
      for (const g of unit?.performance?.goals ?? [])
        for (const i of g.indicators)
          indicators.push({
            unitCode,
            unit: { code: unitCode },
            year,
            goalCode: g.code,
            indicatorCode: i.code,
            indicatorName: i.name,
            polarity: i.polarity,
            target: i.target,
            realization: i.realization,
            achievement: i.achievement,
          });
      const survey = unit?.satisfactionSurvey;
      if (survey)
        surveys.push({
          unitCode,
          unit: { code: unitCode },
          year,
          gender: null,
          education: null,
          ...survey,
        });
    }
  }
  return { indicators, surveys };
}

/** The index of a set of responses computed by hand: sum x 25 / (9 x n), half-up to 2 decimals, in integers. */
export function indexByHand(answerSum: number, respondents: number): number {
  return Math.floor((answerSum * 2500 * 2 + 9 * respondents) / (2 * 9 * respondents)) / 100;
}

/** 1-based competition ranks of values already in order (1, 2, 2, 4). */
export function competitionRanks(values: readonly (number | null)[]): number[] {
  const ranks: number[] = [];
  values.forEach((v, i) => ranks.push(i > 0 && values[i - 1] === v ? ranks[i - 1] : i + 1));
  return ranks;
}

/** A small deterministic generator (mulberry32), so a failing sequence can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const GENDERS = ['FEMALE', 'MALE'];
export const EDUCATIONS = ['SD', 'SMP', 'SMA', 'DIII', 'S1', 'S2'];

/** Random valid survey responses. */
export function randomResponses(
  random: () => number,
  n: number,
): { gender: string; education: string; answers: number[] }[] {
  return Array.from({ length: n }, () => ({
    gender: GENDERS[Math.floor(random() * GENDERS.length)],
    education: EDUCATIONS[Math.floor(random() * EDUCATIONS.length)],
    answers: Array.from({ length: 9 }, () => 1 + Math.floor(random() * 4)),
  }));
}
