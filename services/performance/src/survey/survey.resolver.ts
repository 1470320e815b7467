import { Provenance, RequestContext } from '@kesos/infra';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { SurveyResponseInput } from './survey.input';
import { importSurveyResponses, submitSurveyResponse } from './survey.service';
import { SatisfactionSurvey, SurveyImportResult } from './survey.type';

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
    return submitSurveyResponse(ctx, unitCode, year, response);
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
    @Arg('provenance', () => Provenance, {
      nullable: true,
      description:
        'Where the answer sheets come from (asal data); OPERATIONAL when left out, another only from an admin loading data',
    })
    provenance: Provenance | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyImportResult> {
    return importSurveyResponses(ctx, unitCode, year, responses, provenance);
  }
}
