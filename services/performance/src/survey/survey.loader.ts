import { PROVENANCE_ORDER, type RequestContext, summarizeProvenance, type UnitYear } from '@kesos/infra';
import { Brackets } from 'typeorm';
import {
  EDUCATION_COLUMNS,
  ELEMENT_COLUMNS,
  GENDER_COLUMNS,
  RESPONSE_COUNT_COLUMNS,
  SurveyTotalEntity,
} from './survey.entity';
import { ELEMENTS, exactRatio2, satisfactionGrade, satisfactionIndex } from './survey.rules';
import type { SatisfactionSurvey } from './survey.type';
import { Gender, RespondentEducation } from './survey.type';

const EDUCATION_ORDER = Object.values(RespondentEducation);
const GENDER_ORDER = Object.values(Gender);

/** The survey as its running sums give it (the same figures a grouping of the responses gives). */
export function surveyOf(t: SurveyTotalEntity): SatisfactionSurvey {
  const respondents = t.respondents;
  const sums = ELEMENT_COLUMNS.map((c) => t[c]);
  const index =
    satisfactionIndex(
      sums.reduce((a, b) => a + b, 0),
      respondents,
    ) ?? 0;
  return {
    year: t.year,
    respondents,
    index,
    grade: satisfactionGrade(index),
    elements: ELEMENTS.map((e, i) => ({ code: e.code, name: e.name, meanScore: exactRatio2(sums[i], respondents) })),
    byGender: GENDER_ORDER.map((g) => ({ key: g, count: t[GENDER_COLUMNS[g]] })),
    byEducation: EDUCATION_ORDER.map((e) => ({ key: e, count: t[EDUCATION_COLUMNS[e]] })),
    evidence: summarizeProvenance(Object.fromEntries(PROVENANCE_ORDER.map((p) => [p, t[RESPONSE_COUNT_COLUMNS[p]]]))),
  };
}

/** One primary-key read of the running sums per batch of units and years, whatever the number of respondents. */
export const surveyByUnitYear = (ctx: RequestContext) =>
  ctx.loaders.get<UnitYear, SatisfactionSurvey | null>('surveyByUnitYear', async (keys) => {
    const rows = await ctx.db.dataSource
      .getRepository(SurveyTotalEntity)
      .createQueryBuilder('t')
      .where(
        new Brackets((w) => {
          keys.forEach((k, i) =>
            w.orWhere(`(t.unitCode = :u${i} AND t.year = :y${i})`, { [`u${i}`]: k.unit, [`y${i}`]: k.year }),
          );
        }),
      )
      .getMany();
    return keys.map((k) => {
      const t = rows.find((r) => r.unitCode === k.unit && r.year === k.year);
      return t && t.respondents > 0 ? surveyOf(t) : null;
    });
  });
