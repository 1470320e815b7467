import { RequestContext, unavailableNote } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Unit } from '../unit/unit.type';
import { satisfactionSurveyOf } from './survey.service';
import { SatisfactionSurvey } from './survey.type';

@Resolver(() => Unit)
export class UnitSurveyResolver {
  @FieldResolver(() => SatisfactionSurvey, {
    nullable: true,
    description:
      'Satisfaction survey (IKM) of the unit for a year; null when nobody answered. Readable by the unit, analysts and admins.' +
      unavailableNote('performance'),
  })
  async satisfactionSurvey(
    @Root() unit: Unit,
    @Arg('year', () => Int, { description: 'Year surveyed' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<SatisfactionSurvey | null> {
    return satisfactionSurveyOf(ctx, unit.code, year);
  }
}
