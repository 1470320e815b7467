import type { RequestContext } from '@kesos/infra';
import { assertCanRead, assertCanWrite, lockedForUpdate, Provenance, provenanceOfWrite } from '@kesos/infra';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { assertKnownUnit, assertYear } from '../unit/unit.service';
import {
  EDUCATION_COLUMNS,
  ELEMENT_COLUMNS,
  GENDER_COLUMNS,
  RESPONSE_COUNT_COLUMNS,
  SurveyDemographicTotalEntity,
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
type CellColumn = Exclude<keyof SurveyDemographicTotalEntity, 'unitCode' | 'year' | 'gender' | 'education'>;
type ResponseRow = { gender: string; education: string; answers: number[] };

/**
 * Adds the deltas to one running-sums row in SQL under the row's lock (the UPDATE's), so
 * concurrent submissions never lose each other's answers. Update first: on an existing row only
 * its exclusive lock is taken; the first response of a key inserts the row, then adds.
 */
async function addToRow(
  m: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  key: Record<string, string | number>,
  delta: Map<string, number>,
): Promise<void> {
  const set = Object.fromEntries([...delta.keys()].map((c) => [c, () => `${c} + :${c}`]));
  const where = Object.keys(key)
    .map((k) => `${k} = :key_${k}`)
    .join(' AND ');
  const params = Object.fromEntries(Object.entries(key).map(([k, v]) => [`key_${k}`, v]));
  const update = () =>
    m
      .createQueryBuilder()
      .update(entity)
      .set(set)
      .where(where, params)
      .setParameters(Object.fromEntries(delta))
      .execute();
  if (((await update()).affected ?? 0) > 0) return;
  await m.createQueryBuilder().insert().into(entity).values(key).orIgnore().execute();
  await update();
}

/**
 * Adds responses to the unit's running survey sums: first its survey_total row (whose lock
 * serialises the unit-year's writers), then each gender and education cell in key order.
 */
async function addToTotals(
  m: EntityManager,
  unitCode: string,
  year: number,
  rows: ResponseRow[],
  provenance: Provenance,
): Promise<void> {
  const delta = new Map<TotalColumn, number>([
    ['respondents', rows.length],
    [RESPONSE_COUNT_COLUMNS[provenance], rows.length],
  ]);
  const add = (c: TotalColumn, n: number) => delta.set(c, (delta.get(c) ?? 0) + n);
  const cells = new Map<string, { gender: string; education: string; delta: Map<CellColumn, number> }>();
  for (const r of rows) {
    r.answers.forEach((a, i) => add(ELEMENT_COLUMNS[i], a));
    add(GENDER_COLUMNS[r.gender], 1);
    add(EDUCATION_COLUMNS[r.education], 1);
    const id = `${r.gender}|${r.education}`;
    const cell = cells.get(id) ?? { gender: r.gender, education: r.education, delta: new Map<CellColumn, number>() };
    cells.set(id, cell);
    cell.delta.set('respondents', (cell.delta.get('respondents') ?? 0) + 1);
    const sheets = RESPONSE_COUNT_COLUMNS[provenance];
    cell.delta.set(sheets, (cell.delta.get(sheets) ?? 0) + 1);
    r.answers.forEach((a, i) => cell.delta.set(ELEMENT_COLUMNS[i], (cell.delta.get(ELEMENT_COLUMNS[i]) ?? 0) + a));
  }
  await addToRow(m, SurveyTotalEntity, { unitCode, year }, delta);
  for (const id of [...cells.keys()].sort()) {
    const cell = cells.get(id);
    if (cell)
      await addToRow(
        m,
        SurveyDemographicTotalEntity,
        { unitCode, year, gender: cell.gender, education: cell.education },
        cell.delta,
      );
  }
}

const sumsOf = (columns: readonly string[]) => columns.map((c) => `SUM(${c})`).join(', ');
const countWhere = (column: string, value: string) => `SUM(CASE WHEN ${column} = '${value}' THEN 1 ELSE 0 END)`;

/**
 * Rebuilds the survey's running sums (survey_total and survey_demographic_total) from the
 * responses, in the caller's transaction: for a repair, or to check the incremental sums. It
 * locks the existing survey_total rows first, so writers of those unit-years wait for it.
 */
export async function rebuildSurveyTotals(m: EntityManager): Promise<void> {
  await lockedForUpdate(m, m.getRepository(SurveyTotalEntity).createQueryBuilder('t')).getMany();
  await m.createQueryBuilder().delete().from(SurveyDemographicTotalEntity).execute();
  await m.createQueryBuilder().delete().from(SurveyTotalEntity).execute();
  const genders = Object.entries(GENDER_COLUMNS);
  const educations = Object.entries(EDUCATION_COLUMNS);
  const provenances = Object.entries(RESPONSE_COUNT_COLUMNS);
  const breakdown = [...genders, ...educations, ...provenances].map(([, column]) => column);
  const counts = [
    ...genders.map(([v]) => countWhere('gender', v)),
    ...educations.map(([v]) => countWhere('education', v)),
    ...provenances.map(([v]) => countWhere('provenance', v)),
  ];
  await m.query(
    `INSERT INTO survey_total (unitCode, year, respondents, ${ELEMENT_COLUMNS.join(', ')}, ${breakdown.join(', ')}) ` +
      `SELECT unitCode, year, COUNT(*), ${sumsOf(ELEMENT_COLUMNS)}, ${counts.join(', ')} ` +
      `FROM survey_response GROUP BY unitCode, year`,
  );
  await m.query(
    `INSERT INTO survey_demographic_total (unitCode, year, gender, education, respondents, ${ELEMENT_COLUMNS.join(', ')}, ${provenances.map(([, c]) => c).join(', ')}) ` +
      `SELECT unitCode, year, gender, education, COUNT(*), ${sumsOf(ELEMENT_COLUMNS)}, ${provenances.map(([v]) => countWhere('provenance', v)).join(', ')} ` +
      `FROM survey_response GROUP BY unitCode, year, gender, education`,
  );
}

/** Writes responses and moves the running sums in the caller's transaction (the sums' row lock first). */
export async function insertResponses(
  m: EntityManager,
  unitCode: string,
  year: number,
  rows: ResponseRow[],
  submittedBy: string,
  {
    provenance = Provenance.OPERATIONAL,
    submittedAt = new Date(),
  }: { provenance?: Provenance; submittedAt?: Date } = {},
): Promise<void> {
  await addToTotals(m, unitCode, year, rows, provenance);
  const records = rows.map((r) => ({
    unitCode,
    year,
    gender: r.gender,
    education: r.education,
    submittedBy,
    submittedAt,
    provenance,
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
  given?: Provenance | null,
): Promise<SurveyImportResult> {
  assertCanWrite(ctx.caller, unitCode);
  assertYear(year);
  validateImport(responses);
  const provenance = provenanceOfWrite(ctx.caller, given);
  await ctx.db.transaction(async (tx) => {
    await assertKnownUnit(tx.manager, unitCode);
    await insertResponses(tx.manager, unitCode, year, responses, ctx.caller.subject, { provenance });
  });
  return { imported: responses.length, survey: await surveyAfterWrite(ctx, unitCode, year) };
}
