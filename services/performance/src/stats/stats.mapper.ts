import { summarizeProvenance } from '@kesos/infra';
import type { IndicatorResult } from '../performance/performance.type';
import { satisfactionGrade, satisfactionIndex } from '../survey/survey.service';
import { Gender, RespondentEducation } from '../survey/survey.type';
import type { SurveyGroup } from './stats.loader';
import type { IndicatorStatsRow, SurveyStatsRow } from './stats.type';

export type UnrankedIndicatorRow = Omit<IndicatorStatsRow, 'rank'>;
export type UnrankedSurveyRow = Omit<SurveyStatsRow, 'rank'>;

/** An indicator as Unit.performance(year) computed it, as a statistics row. */
export function toIndicatorStatsRow(goalCode: string, i: IndicatorResult): UnrankedIndicatorRow {
  return {
    unitCode: i.unitCode,
    unit: { code: i.unitCode },
    year: i.year,
    goalCode,
    indicatorCode: i.code,
    indicatorName: i.name,
    polarity: i.polarity,
    target: i.target,
    realization: i.realization,
    achievement: i.achievement,
    evidence: i.evidence,
  };
}

const GENDERS = new Map<string, Gender>(Object.values(Gender).map((g) => [g, g]));
const EDUCATIONS = new Map<string, RespondentEducation>(Object.values(RespondentEducation).map((e) => [e, e]));

/** A group of survey sums as a statistics row: the index and grade by the rules of Unit.satisfactionSurvey. */
export function toSurveyStatsRow(g: SurveyGroup): UnrankedSurveyRow {
  const index = satisfactionIndex(g.answerSum, g.respondents);
  return {
    unitCode: g.unitCode,
    unit: g.unitCode === null ? null : { code: g.unitCode },
    year: g.year,
    gender: g.gender === null ? null : (GENDERS.get(g.gender) ?? null),
    education: g.education === null ? null : (EDUCATIONS.get(g.education) ?? null),
    respondents: g.respondents,
    index,
    grade: index === null ? null : satisfactionGrade(index),
    evidence: summarizeProvenance(g.sheets),
  };
}
