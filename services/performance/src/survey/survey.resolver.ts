import { assertCanWrite, RequestContext } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { assertKnownUnit, assertYear } from '../unit/unit.service';
import { SurveyResponseEntity } from './survey.entity';
import { SurveyResponseInput, validateImport, validateResponse } from './survey.input';
import { surveyByUnitYear } from './survey.loader';
import { SatisfactionSurvey } from './survey.type';

@ObjectType({ description: 'Result of a bulk import of survey responses' })
export class SurveyImportResult {
  @Field(() => Int, { description: 'Responses imported' })
  imported!: number;

  @Field(() => SatisfactionSurvey, { description: 'The survey with the imported responses included' })
  survey!: SatisfactionSurvey;
}

const CHUNK = 500;

async function insertResponses(
  m: EntityManager,
  unitCode: string,
  year: number,
  rows: SurveyResponseInput[],
  submittedBy: string,
): Promise<void> {
  const submittedAt = new Date();
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

@Resolver()
export class SurveyMutationResolver {
  @Mutation(() => SatisfactionSurvey, {
    description: "Records one survey response (isian kuesioner IKM); by the unit's operator or an admin",
  })
  async submitSurveyResponse(
    @Arg('unitCode', () => ID, { description: 'Unit surveyed' }) unitCode: string,
    @Arg('year', () => Int, { description: 'Year surveyed' }) year: number,
    @Arg('response', { description: 'The answers' }) response: SurveyResponseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SatisfactionSurvey> {
    assertCanWrite(ctx.caller, unitCode);
    assertYear(year);
    validateResponse(response);
    await ctx.db.transaction(async (tx) => {
      await assertKnownUnit(tx.manager, unitCode);
      await insertResponses(tx.manager, unitCode, year, [response], ctx.caller.subject);
    });
    return (await surveyByUnitYear(ctx).load({ unit: unitCode, year }))!;
  }

  @Mutation(() => SurveyImportResult, {
    description:
      'Imports many survey responses at once, all or nothing; invalid rows are reported by row number (1-based)',
  })
  async importSurveyResponses(
    @Arg('unitCode', () => ID, { description: 'Unit surveyed' }) unitCode: string,
    @Arg('year', () => Int, { description: 'Year surveyed' }) year: number,
    @Arg('responses', () => [SurveyResponseInput], { description: 'The responses, in file order' })
    responses: SurveyResponseInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyImportResult> {
    assertCanWrite(ctx.caller, unitCode);
    assertYear(year);
    validateImport(responses);
    await ctx.db.transaction(async (tx) => {
      await assertKnownUnit(tx.manager, unitCode);
      await insertResponses(tx.manager, unitCode, year, responses, ctx.caller.subject);
    });
    return { imported: responses.length, survey: (await surveyByUnitYear(ctx).load({ unit: unitCode, year }))! };
  }
}
