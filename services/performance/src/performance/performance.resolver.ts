import { RequestContext } from '@kesos/infra';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { indicatorQuarters } from './performance.service';
import { IndicatorResult, QuarterResult } from './performance.type';

@Resolver(() => IndicatorResult)
export class IndicatorResultResolver {
  /** Declared (with its description) on IndicatorResult; resolved here so its counters are read only when selected. */
  @FieldResolver(() => [QuarterResult])
  async quarters(@Root() indicator: IndicatorResult, @Ctx() ctx: RequestContext): Promise<QuarterResult[]> {
    return indicatorQuarters(ctx, indicator);
  }
}
