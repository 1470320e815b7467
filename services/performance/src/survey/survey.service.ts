import type { RequestContext } from '@kesos/infra';
import { assertCanRead, assertCanWrite } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { assertKnownUnit, assertYear } from '../unit/unit.service';
import {
  EDUCATION_COLUMNS,
  ELEMENT_COLUMNS,
  GENDER_COLUMNS,
  SurveyResponseEntity,
  SurveyTotalEntity,
} from './survey.entity';
import type { SurveyResponseInput } from './survey.input';
import { validateImport, validateResponse } from './survey.input';
import { surveyByUnitYear } from './survey.loader';
import type { SatisfactionSurvey, SurveyImportResult } from './survey.type';

export { ELEMENTS, exactRatio2, satisfactionGrade, satisfactionIndex } from './survey.rules';

const CHUNK = 500;

type TotalColumn = Exclude<keyof SurveyTotalEntity, 'unitCode' | 'year'>;

/**
 * Adds responses to the unit's running survey sums, in SQL under the row's lock (the UPDATE's),
 * so concurrent submissions never lose each other's answers. Update first: on an existing row
 * only its exclusive lock is taken; the first response of a year inserts the row, then adds.
 */
async function addToTotals(
  m: EntityManager,
  unitCode: string,
  year: number,
  rows: { gender: string; education: string; answers: number[] }[],
): Promise<void> {
  const delta = new Map<TotalColumn, number>([['respondents', rows.length]]);
  const add = (c: TotalColumn, n: number) => delta.set(c, (delta.get(c) ?? 0) + n);
  for (const r of rows) {
    r.answers.forEach((a, i) => add(ELEMENT_COLUMNS[i], a));
    add(GENDER_COLUMNS[r.gender], 1);
    add(EDUCATION_COLUMNS[r.education], 1);
  }
  const set = Object.fromEntries([...delta.keys()].map((c) => [c, () => `${c} + :${c}`]));
  const update = () =>
    m
      .createQueryBuilder()
      .update(SurveyTotalEntity)
      .set(set)
      .where('unitCode = :unitCode AND year = :year', { unitCode, year })
      .setParameters(Object.fromEntries(delta))
      .execute();
  if (((await update()).affected ?? 0) > 0) return;
  await m.createQueryBuilder().insert().into(SurveyTotalEntity).values({ unitCode, year }).orIgnore().execute();
  await update();
}

/** Writes responses and moves the running sums in the caller's transaction (the sums' row lock first). */
export async function insertResponses(
  m: EntityManager,
  unitCode: string,
  year: number,
  rows: { gender: string; education: string; answers: number[] }[],
  submittedBy: string,
  submittedAt = new Date(),
): Promise<void> {
  await addToTotals(m, unitCode, year, rows);
  const records = rows.map((r) => ({
    unitCode,
    year,
    gender: r.gender,
    education: r.education,
    submittedBy,
    submittedAt,
    ...Object.fromEntries(r.answers.map((a, i) => [`u${i + 1}`, a])),
  }));
  for (let i = 0; i < records.length; i += CHUNK) await m.insert(SurveyResponseEntity, records.slice(i, i + CHUNK));
}

/** The survey after a write, read back as a query would show it (it has at least the response just written). */
async function surveyAfterWrite(ctx: RequestContext, unitCode: string, year: number): Promise<SatisfactionSurvey> {
  const survey = await surveyByUnitYear(ctx).load({ unit: unitCode, year });
  if (!survey) throw new Error(`the survey of ${unitCode} for ${year} was written but cannot be read back`);
  return survey;
}

/** A unit's survey for a year, or null when nobody answered; the unit, analysts and admins may read it. */
export async function satisfactionSurveyOf(
  ctx: RequestContext,
  unitCode: string,
  year: number,
): Promise<SatisfactionSurvey | null> {
  assertCanRead(ctx.caller, unitCode);
  return surveyByUnitYear(ctx).load({ unit: unitCode, year });
}

/** Records one response for a registered unit; the unit's operator or an admin. */
export async function submitSurveyResponse(
  ctx: RequestContext,
  unitCode: string,
  year: number,
  response: SurveyResponseInput,
): Promise<SatisfactionSurvey> {
  assertCanWrite(ctx.caller, unitCode);
  assertYear(year);
  validateResponse(response);
  await ctx.db.transaction(async (tx) => {
    await assertKnownUnit(tx.manager, unitCode);
    await insertResponses(tx.manager, unitCode, year, [response], ctx.caller.subject);
  });
  return surveyAfterWrite(ctx, unitCode, year);
}

/** Imports many responses, all or nothing; invalid rows are refused by row number before anything is written. */
export async function importSurveyResponses(
  ctx: RequestContext,
  unitCode: string,
  year: number,
  responses: SurveyResponseInput[],
): Promise<SurveyImportResult> {
  assertCanWrite(ctx.caller, unitCode);
  assertYear(year);
  validateImport(responses);
  await ctx.db.transaction(async (tx) => {
    await assertKnownUnit(tx.manager, unitCode);
    await insertResponses(tx.manager, unitCode, year, responses, ctx.caller.subject);
  });
  return { imported: responses.length, survey: await surveyAfterWrite(ctx, unitCode, year) };
}
