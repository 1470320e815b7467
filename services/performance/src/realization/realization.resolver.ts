import { assertCanWrite, BadInputError, ForbiddenError, RequestContext, roundHalfUp } from '@kesos/infra';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { goalsByUnitYear } from '../performance/performance.loader';
import { IndicatorResult, UnitPerformance } from '../performance/performance.type';
import { planFor } from '../plan/plan.loader';
import { assertKnownUnit, assertYear } from '../unit/unit.service';
import { RealizationEntryEntity } from './realization.entity';
import { EnterRealizationInput, validateEntry } from './realization.input';
import { recomputeCounters } from './realization.service';

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
    assertCanWrite(ctx.caller, input.unitCode);
    assertYear(input.year);
    validateEntry(input);
    const plan = await planFor(ctx, input.unitCode, input.year);
    if (!plan) throw new BadInputError('year', `unit ${input.unitCode} has no strategic plan covering ${input.year}`);
    if (!plan.indicators.some((i) => i.code === input.indicatorCode))
      throw new BadInputError(
        'indicatorCode',
        `indicator ${input.indicatorCode} is not in the plan "${plan.plan.title}"`,
      );
    await ctx.db.transaction(async (tx) => {
      await assertKnownUnit(tx.manager, input.unitCode);
      const row = {
        unitCode: input.unitCode,
        year: input.year,
        indicatorCode: input.indicatorCode,
        value: roundHalfUp(input.value, 2),
        enteredBy: ctx.caller.subject,
        enteredAt: new Date(),
        note: input.note?.trim() || null,
      };
      // One statement (insert or replace on the unique key), so two entries at once cannot both find none and collide.
      await tx.manager.upsert(RealizationEntryEntity, row, ['unitCode', 'year', 'indicatorCode']);
    });
    const goals = await goalsByUnitYear(ctx).load({ unit: input.unitCode, year: input.year });
    return goals.flatMap((g) => g.indicators).find((i) => i.code === input.indicatorCode)!;
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
    if (ctx.caller.role !== 'admin') throw new ForbiddenError('only an admin can recompute realisations');
    assertYear(year);
    await ctx.db.transaction((tx) => recomputeCounters(tx.manager, { unitCode, year }));
    return { unitCode, year, goals: await goalsByUnitYear(ctx).load({ unit: unitCode, year }) };
  }
}
