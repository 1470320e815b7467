import type { RequestContext, UnitYear } from '@kesos/infra';
import { Brackets } from 'typeorm';
import { ELEMENT_COLUMNS, SurveyResponseEntity } from './survey.entity';
import { ELEMENTS, exactRatio2, satisfactionGrade, satisfactionIndex } from './survey.rules';
import type { SatisfactionSurvey } from './survey.type';
import { Gender, RespondentEducation } from './survey.type';

const keyOf = (unit: string, year: number | string): string => `${unit}|${Number(year)}`;
const EDUCATION_ORDER = Object.values(RespondentEducation);
const GENDER_ORDER = Object.values(Gender);

/** Three grouped queries per batch of units and years, whatever the number of respondents. */
export const surveyByUnitYear = (ctx: RequestContext) =>
  ctx.loaders.get<UnitYear, SatisfactionSurvey | null>('surveyByUnitYear', async (keys) => {
    const repo = ctx.db.dataSource.getRepository(SurveyResponseEntity);
    const scope = <T extends { where: (w: Brackets) => T }>(qb: T): T =>
      qb.where(
        new Brackets((w) => {
          keys.forEach((k, i) =>
            w.orWhere(`(r.unitCode = :u${i} AND r.year = :y${i})`, { [`u${i}`]: k.unit, [`y${i}`]: k.year }),
          );
        }),
      );
    const totalsQb = repo
      .createQueryBuilder('r')
      .select('r.unitCode', 'unitCode')
      .addSelect('r.year', 'year')
      .addSelect('COUNT(*)', 'respondents');
    for (const c of ELEMENT_COLUMNS) totalsQb.addSelect(`SUM(r.${c})`, c);
    const totals = await scope(totalsQb)
      .groupBy('r.unitCode')
      .addGroupBy('r.year')
      .getRawMany<Record<string, string | number>>();
    const breakdown = (column: 'gender' | 'education') =>
      scope(
        repo
          .createQueryBuilder('r')
          .select('r.unitCode', 'unitCode')
          .addSelect('r.year', 'year')
          .addSelect(`r.${column}`, 'key')
          .addSelect('COUNT(*)', 'count'),
      )
        .groupBy('r.unitCode')
        .addGroupBy('r.year')
        .addGroupBy(`r.${column}`)
        .getRawMany<{ unitCode: string; year: number | string; key: string; count: number | string }>();
    const [genders, educations] = [await breakdown('gender'), await breakdown('education')];
    const surveys = new Map<string, SatisfactionSurvey>();
    for (const t of totals) {
      const respondents = Number(t.respondents);
      const sums = ELEMENT_COLUMNS.map((c) => Number(t[c]));
      const index =
        satisfactionIndex(
          sums.reduce((a, b) => a + b, 0),
          respondents,
        ) ?? 0;
      const key = keyOf(String(t.unitCode), t.year);
      surveys.set(key, {
        year: Number(t.year),
        respondents,
        index,
        grade: satisfactionGrade(index),
        elements: ELEMENTS.map((e, i) => ({
          code: e.code,
          name: e.name,
          meanScore: exactRatio2(sums[i], respondents),
        })),
        byGender: GENDER_ORDER.map((g) => ({
          key: g,
          count: Number(genders.find((r) => keyOf(r.unitCode, r.year) === key && r.key === g)?.count ?? 0),
        })),
        byEducation: EDUCATION_ORDER.map((e) => ({
          key: e,
          count: Number(educations.find((r) => keyOf(r.unitCode, r.year) === key && r.key === e)?.count ?? 0),
        })),
      });
    }
    return keys.map((k) => surveys.get(keyOf(k.unit, k.year)) ?? null);
  });
