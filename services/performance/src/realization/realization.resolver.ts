import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { IndicatorResult, UnitPerformance } from '../performance/performance.type';
import { EnterRealizationInput } from './realization.input';
import { enterIndicatorRealization, recomputeRealizations } from './realization.service';

@Resolver()
export class RealizationResolver {
  @Mutation(() => IndicatorResult, {
    description:
      "Enters (or replaces) the realisation of an indicator for a year, recording who and when; by the unit's operator or an admin. A realisation derived from records takes precedence over an entered one",
  })
  async enterIndicatorRealization(
    @Arg('input', { description: 'The entered realisation' }) input: EnterRealizationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<IndicatorResult> {
    return enterIndicatorRealization(ctx, input);
  }

  @Mutation(() => UnitPerformance, {
    description:
      "Rebuilds the unit's counters for a year from the recorded facts (admin only); the figures must not change",
  })
  async recomputeRealizations(
    @Arg('unitCode', () => ID, { description: 'Unit code' }) unitCode: string,
    @Arg('year', () => Int, { description: 'Year' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<UnitPerformance> {
    return recomputeRealizations(ctx, unitCode, year);
  }
}
