import type { RequestContext } from '@kesos/infra';
import {
  assertCanRead,
  assertCanWrite,
  BadInputError,
  ForbiddenError,
  lockedForUpdate,
  Provenance,
  provenanceOfWrite,
} from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { assertKnownUnit, assertYear } from '../unit/unit.service';
import { IndicatorTargetEntity, PlanGoalEntity, PlanIndicatorEntity, StrategicPlanEntity } from './plan.entity';
import type { AdoptStrategicPlanInput, SetIndicatorTargetInput } from './plan.input';
import { validateTarget } from './plan.input';
import { planFor } from './plan.loader';
import { toStrategicPlan } from './plan.mapper';
import type { StrategicPlan } from './plan.type';

/** The plan covering a year as the API shows it, or null; the unit, analysts and admins may read it. */
export async function strategicPlanOf(
  ctx: RequestContext,
  unitCode: string,
  year: number,
): Promise<StrategicPlan | null> {
  assertCanRead(ctx.caller, unitCode);
  const loaded = await planFor(ctx, unitCode, year);
  return loaded ? toStrategicPlan(loaded) : null;
}

/** The unit's plan covering the year after a write, read back as a query would show it. */
async function planAfterWrite(ctx: RequestContext, unitCode: string, year: number): Promise<StrategicPlan> {
  const loaded = await planFor(ctx, unitCode, year);
  if (!loaded) throw new Error(`the plan of ${unitCode} covering ${year} was written but cannot be read back`);
  return toStrategicPlan(loaded);
}

async function planCovering(
  m: EntityManager,
  unitCode: string,
  year: number,
  lock = false,
): Promise<StrategicPlanEntity | null> {
  const qb = m
    .createQueryBuilder(StrategicPlanEntity, 'p')
    .where('p.unitCode = :unitCode AND p.fromYear <= :year AND p.toYear >= :year', { unitCode, year });
  return (lock ? lockedForUpdate(m, qb) : qb).getOne();
}

/**
 * Copies a template unit's plan (goals, indicators, targets) to a unit that has none for that
 * period; the centres share the ministry's indicator set and then set their own targets.
 * Admin only: plans are agreed with the ministry, not typed in by a centre.
 */
export async function adoptPlan(ctx: RequestContext, input: AdoptStrategicPlanInput): Promise<StrategicPlan> {
  if (ctx.caller.role !== 'admin') throw new ForbiddenError("only an admin sets up a unit's strategic plan");
  assertYear(input.year);
  if (input.unitCode === input.templateUnitCode)
    throw new BadInputError('templateUnitCode', 'a unit cannot adopt its own plan');
  const provenance = provenanceOfWrite(ctx.caller, input.provenance);
  await ctx.db.transaction(async ({ manager: m }) => {
    await assertKnownUnit(m, input.unitCode);
    const template = await planCovering(m, input.templateUnitCode, input.year);
    if (!template)
      throw new BadInputError('templateUnitCode', `unit ${input.templateUnitCode} has no plan covering ${input.year}`);
    const overlapping = await m
      .createQueryBuilder(StrategicPlanEntity, 'p')
      .where('p.unitCode = :u AND p.fromYear <= :to AND p.toYear >= :from', {
        u: input.unitCode,
        from: template.fromYear,
        to: template.toYear,
      })
      .getOne();
    if (overlapping)
      throw new BadInputError(
        'unitCode',
        `unit ${input.unitCode} already has the plan "${overlapping.title}" for ${overlapping.fromYear}-${overlapping.toYear}`,
      );
    const plan = m.create(StrategicPlanEntity, {
      unitCode: input.unitCode,
      title: template.title,
      fromYear: template.fromYear,
      toYear: template.toYear,
      provenance,
    });
    await m.insert(StrategicPlanEntity, plan);
    const copy = <T extends { id: number; planId: number; unitCode: string }>(rows: T[]) =>
      rows.map(({ id: _id, ...row }) => ({ ...row, planId: plan.id, unitCode: input.unitCode }));
    // The adopted targets are the adopting unit's, not the report's the template may hold.
    const adopted = (rows: IndicatorTargetEntity[]) => copy(rows).map((t) => ({ ...t, provenance }));
    const [goals, indicators, targets] = await Promise.all([
      m.findBy(PlanGoalEntity, { planId: template.id }),
      m.findBy(PlanIndicatorEntity, { planId: template.id }),
      m.findBy(IndicatorTargetEntity, { planId: template.id }),
    ]);
    await m.insert(PlanGoalEntity, copy(goals));
    await m.insert(PlanIndicatorEntity, copy(indicators));
    if (targets.length) await m.insert(IndicatorTargetEntity, adopted(targets));
  });
  return planAfterWrite(ctx, input.unitCode, input.year);
}

/** Sets (or replaces) one indicator's target for a year of the unit's plan; the unit's operator or an admin. */
export async function setTarget(ctx: RequestContext, raw: SetIndicatorTargetInput): Promise<StrategicPlan> {
  const input = validateTarget(raw);
  assertCanWrite(ctx.caller, input.unitCode);
  await ctx.db.transaction(async ({ manager: m }) => {
    // The plan is locked first: two targets set at once for one indicator then update one row in turn.
    const plan = await planCovering(m, input.unitCode, input.year, true);
    if (!plan) throw new BadInputError('year', `unit ${input.unitCode} has no strategic plan covering ${input.year}`);
    if (!(await m.existsBy(PlanIndicatorEntity, { planId: plan.id, code: input.indicatorCode })))
      throw new BadInputError('indicatorCode', `${input.indicatorCode} is not an indicator of "${plan.title}"`);
    const existing = await m.findOneBy(IndicatorTargetEntity, {
      planId: plan.id,
      indicatorCode: input.indicatorCode,
      year: input.year,
    });
    if (existing) {
      await m.update(
        IndicatorTargetEntity,
        { id: existing.id },
        {
          target: input.target,
          unitLabel: null,
          ...(input.volumeTarget != null ? { volumeTarget: input.volumeTarget } : {}),
          provenance: Provenance.OPERATIONAL,
        },
      );
    } else {
      await m.insert(IndicatorTargetEntity, {
        planId: plan.id,
        unitCode: input.unitCode,
        indicatorCode: input.indicatorCode,
        year: input.year,
        target: input.target,
        unitLabel: null,
        volumeTarget: input.volumeTarget ?? null,
        provenance: Provenance.OPERATIONAL,
      });
    }
  });
  return planAfterWrite(ctx, input.unitCode, input.year);
}
