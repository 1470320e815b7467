import type { RequestContext, Provenance } from '@kesos/infra';
import {
  assertCanWrite,
  BadInputError,
  EventContractError,
  ForbiddenError,
  forUpdate,
  provenanceOfWrite,
  roundHalfUp,
} from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { goalsByUnitYear } from '../performance/performance.loader';
import type { IndicatorResult, UnitPerformance } from '../performance/performance.type';
import { planFor } from '../plan/plan.loader';
import { assertKnownUnit, assertYear } from '../unit/unit.service';
import {
  FACT_COUNT_COLUMNS,
  MetricCounterEntity,
  MetricFactEntity,
  MetricQuarterCounterEntity,
  RealizationEntryEntity,
} from './realization.entity';
import type { EnterRealizationInput } from './realization.input';
import { validateEntry } from './realization.input';

export interface NewFact {
  metric: string;
  sourceId: string;
  unitCode: string;
  year: number;
  quarter: number | null;
  numerator: number;
  denominator: number;
  value: number | null;
  eventId: string;
  eventType: string;
  occurredAt: Date;
  /** Where the record behind the event comes from; counted in the indicator's evidence. */
  provenance: Provenance;
  /**
   * A numerator of 1 the record already has stays 1 (a candidate once competent stays so for
   * the year), judged against the fact as it stands when this one is applied.
   */
  keepsNumerator?: boolean;
}

/**
 * Quarter (triwulan) in which a fact of a year counts, from the day it became known: 1-4 for a
 * day in the year, 1 for a day before it; null for a day after the year or no day, as such a
 * fact was not known at any quarter's end and counts in the annual figure only.
 */
export function quarterOf(date: unknown, year: number): number | null {
  if (date === undefined || date === null) return null;
  if (typeof date !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])-\d{2}$/.test(date))
    throw new EventContractError(`payload field date must be a day YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const y = Number(date.slice(0, 4));
  if (y < year) return 1;
  if (y > year) return null;
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

/** Score metrics hold one value per unit and year (the latest event's); count metrics add up. */
const SCORE_METRICS = new Set(['BUDGET_PERFORMANCE']);

type FactRow = Omit<NewFact, 'keepsNumerator'>;
type CounterKey = { unitCode: string; year: number; metric: string } | MetricQuarterKey;
type MetricQuarterKey = { unitCode: string; year: number; metric: string; quarter: number };
type Counter = typeof MetricCounterEntity | typeof MetricQuarterCounterEntity;

/** How much one counter row moves; value: the score it is set to (undefined: left as it is). */
interface Move {
  entity: Counter;
  key: CounterKey;
  dn: number;
  dd: number;
  df: number;
  /** Facts per provenance (yearly counters only). */
  dp: Partial<Record<Provenance, number>>;
  value?: number | null;
}

async function bump(m: EntityManager, move: Move): Promise<void> {
  const { entity, key } = move;
  // Adding in SQL, under the row lock of the UPDATE, keeps two consumers of one metric (SK2.2) from losing each other's counts.
  const set: Record<string, unknown> = {
    numerator: () => 'numerator + :dn',
    denominator: () => 'denominator + :dd',
    facts: () => 'facts + :df',
  };
  if (move.value !== undefined) set.value = move.value;
  const byProvenance: Record<string, number> = {};
  for (const [p, n] of Object.entries(move.dp) as [Provenance, number][])
    if (n !== 0) {
      const column = FACT_COUNT_COLUMNS[p];
      set[column] = () => `${column} + :dp_${column}`;
      byProvenance[`dp_${column}`] = n;
    }
  const where = Object.keys(key)
    .map((c) => `${c} = :k_${c}`)
    .join(' AND ');
  const params = Object.fromEntries(Object.entries(key).map(([c, v]) => [`k_${c}`, v]));
  const add = () =>
    m
      .createQueryBuilder()
      .update(entity)
      .set(set)
      .where(where, params)
      .setParameters({ dn: move.dn, dd: move.dd, df: move.df, ...byProvenance })
      .execute();
  // Update first: on an existing counter only its exclusive row lock is taken. Inserting first
  // (INSERT IGNORE takes a shared lock on the existing row) deadlocked two consumers of one counter.
  if (((await add()).affected ?? 0) > 0) return;
  const empty = entity === MetricCounterEntity ? { value: null } : {};
  await m
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values({ ...key, numerator: 0, denominator: 0, facts: 0, ...empty })
    .orIgnore()
    .execute();
  await add();
}

const FACT_COLUMNS = [
  'unitCode',
  'year',
  'quarter',
  'numerator',
  'denominator',
  'value',
  'eventId',
  'eventType',
  'occurredAt',
  'provenance',
] as const;

const rowOf = (f: FactRow): FactRow => ({
  metric: f.metric,
  sourceId: f.sourceId,
  unitCode: f.unitCode,
  year: f.year,
  quarter: f.quarter,
  numerator: f.numerator,
  denominator: f.denominator,
  value: f.value,
  eventId: f.eventId,
  eventType: f.eventType,
  occurredAt: f.occurredAt,
  provenance: f.provenance,
});

/**
 * Applies facts, in order, each replacing the fact of the same record if any (the same record
 * reported again, e.g. a corrected accreditation decision), and moves the yearly and quarterly
 * counters by the difference. Set-based, so a batch of events costs the same few statements as
 * one: one locking read of the records' facts, one INSERT of the new facts, one upsert of the
 * replaced ones, and one update per counter row that moves (in key order).
 */
export async function recordFacts(m: EntityManager, facts: NewFact[]): Promise<void> {
  if (!facts.length) return;
  const idOf = (f: { metric: string; sourceId: string }) => `${f.metric}\u0000${f.sourceId}`;
  const records = [...new Map(facts.map((f) => [idOf(f), { metric: f.metric, sourceId: f.sourceId }])).values()];
  // Locked, so two corrections of one record applied at once (two replicas) each move the
  // counters from the fact the other left, never both from the same old one. A record without a
  // fact is not locked (READ COMMITTED has no gap locks): two first facts of one record at once
  // collide on the unique key and one transaction is retried, then finds the other's fact.
  const stored = await m.find(MetricFactEntity, { where: records, ...forUpdate(m) });
  const current = new Map<string, FactRow>(stored.map((f) => [idOf(f), rowOf(f)]));
  const existed = new Set(current.keys());
  const moves = new Map<string, Move>();
  const move = (f: FactRow, sign: 1 | -1) => {
    const score = SCORE_METRICS.has(f.metric);
    const keys: [Counter, CounterKey][] = [
      [MetricCounterEntity, { unitCode: f.unitCode, year: f.year, metric: f.metric }],
    ];
    if (f.quarter !== null)
      keys.push([
        MetricQuarterCounterEntity,
        { unitCode: f.unitCode, year: f.year, metric: f.metric, quarter: f.quarter },
      ]);
    for (const [entity, key] of keys) {
      const id = `${entity === MetricCounterEntity ? 'y' : 'q'}|${Object.values(key).join('|')}`;
      const mv = moves.get(id) ?? { entity, key, dn: 0, dd: 0, df: 0, dp: {} };
      mv.dn += sign * f.numerator;
      mv.dd += sign * f.denominator;
      mv.df += sign;
      if (entity === MetricCounterEntity) mv.dp[f.provenance] = (mv.dp[f.provenance] ?? 0) + sign;
      if (score && entity === MetricCounterEntity) mv.value = sign > 0 ? f.value : null;
      moves.set(id, mv);
    }
  };
  for (const given of facts) {
    const id = idOf(given);
    const old = current.get(id);
    const fact = rowOf(given);
    if (given.keepsNumerator && old?.numerator === 1) fact.numerator = 1;
    if (old) move(old, -1);
    move(fact, 1);
    current.set(id, fact);
  }
  const fresh = [...current].filter(([id]) => !existed.has(id)).map(([, f]) => f);
  const replaced = [...current].filter(([id]) => existed.has(id)).map(([, f]) => f);
  if (fresh.length) await m.insert(MetricFactEntity, fresh);
  // Only rows locked above: the upsert always finds its row, never inserts one another transaction did.
  if (replaced.length)
    await m
      .createQueryBuilder()
      .insert()
      .into(MetricFactEntity)
      .values(replaced)
      .orUpdate([...FACT_COLUMNS], ['metric', 'sourceId'])
      .updateEntity(false)
      .execute();
  const ordered = [...moves].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, mv]) => mv);
  const moved = (mv: Move) =>
    mv.dn !== 0 || mv.dd !== 0 || mv.df !== 0 || mv.value !== undefined || Object.values(mv.dp).some((n) => n !== 0);
  for (const mv of ordered) if (moved(mv)) await bump(m, mv);
  // A counter whose facts all moved to another unit, year or quarter is removed, as a recompute would not make it.
  for (const mv of ordered) if (mv.df < 0) await m.delete(mv.entity, { ...mv.key, facts: 0 });
}

/** One fact, as recordFacts applies a batch of them. */
export async function recordFact(m: EntityManager, fact: NewFact): Promise<void> {
  await recordFacts(m, [fact]);
}

/**
 * Rebuilds the yearly and quarterly counters from the facts alone (after a repair, or to check
 * the incremental path): for the given unit and year, or for everything when no scope is given.
 */
export async function recomputeCounters(m: EntityManager, scope?: { unitCode: string; year: number }): Promise<void> {
  const year = m.createQueryBuilder().delete().from(MetricCounterEntity);
  const quarter = m.createQueryBuilder().delete().from(MetricQuarterCounterEntity);
  const sum = (byQuarter: boolean) => {
    const qb = m
      .createQueryBuilder(MetricFactEntity, 'f')
      .select('f.unitCode', 'unitCode')
      .addSelect('f.year', 'year')
      .addSelect('f.metric', 'metric')
      .addSelect(byQuarter ? 'f.quarter' : 'NULL', 'quarter')
      .addSelect('SUM(f.numerator)', 'numerator')
      .addSelect('SUM(f.denominator)', 'denominator')
      .addSelect('MAX(f.value)', 'value')
      .addSelect('COUNT(*)', 'facts');
    for (const [p, column] of Object.entries(FACT_COUNT_COLUMNS))
      qb.addSelect(`SUM(CASE WHEN f.provenance = '${p}' THEN 1 ELSE 0 END)`, column);
    qb.groupBy('f.unitCode').addGroupBy('f.year').addGroupBy('f.metric');
    if (byQuarter) qb.andWhere('f.quarter IS NOT NULL').addGroupBy('f.quarter');
    if (scope) qb.andWhere('f.unitCode = :u AND f.year = :y', { u: scope.unitCode, y: scope.year });
    return qb.getRawMany<
      {
        unitCode: string;
        year: number | string;
        metric: string;
        quarter: number | string | null;
        numerator: string | number;
        denominator: string | number;
        value: string | number | null;
        facts: string | number;
      } & Record<(typeof FACT_COUNT_COLUMNS)[Provenance], string | number>
    >();
  };
  if (scope) {
    year.where('unitCode = :u AND year = :y', { u: scope.unitCode, y: scope.year });
    quarter.where('unitCode = :u AND year = :y', { u: scope.unitCode, y: scope.year });
  }
  await year.execute();
  await quarter.execute();
  const rows = await sum(false);
  const base = (r: (typeof rows)[number]) => ({
    unitCode: r.unitCode,
    year: Number(r.year),
    metric: r.metric,
    numerator: Number(r.numerator),
    denominator: Number(r.denominator),
    facts: Number(r.facts),
  });
  if (rows.length)
    await m.insert(
      MetricCounterEntity,
      rows.map((r) => ({
        ...base(r),
        value: SCORE_METRICS.has(r.metric) && r.value !== null ? Number(r.value) : null,
        ...Object.fromEntries(Object.values(FACT_COUNT_COLUMNS).map((c) => [c, Number(r[c])])),
      })),
    );
  const quarters = await sum(true);
  if (quarters.length)
    await m.insert(
      MetricQuarterCounterEntity,
      quarters.map((r) => ({ ...base(r), quarter: Number(r.quarter) })),
    );
}

/**
 * Enters (or replaces) the realisation of one indicator of the unit's plan for a year, recording
 * who and when; the unit's operator or an admin. Answers the indicator as Unit.performance shows it.
 */
export async function enterIndicatorRealization(
  ctx: RequestContext,
  input: EnterRealizationInput,
): Promise<IndicatorResult> {
  assertCanWrite(ctx.caller, input.unitCode);
  assertYear(input.year);
  validateEntry(input);
  const provenance = provenanceOfWrite(ctx.caller, input.provenance);
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
      provenance,
    };
    // One statement (insert or replace on the unique key), so two entries at once cannot both find none and collide.
    await tx.manager.upsert(RealizationEntryEntity, row, ['unitCode', 'year', 'indicatorCode']);
  });
  const goals = await goalsByUnitYear(ctx).load({ unit: input.unitCode, year: input.year });
  const result = goals.flatMap((g) => g.indicators).find((i) => i.code === input.indicatorCode);
  if (!result) throw new Error(`indicator ${input.indicatorCode} was entered but is not in the unit's performance`);
  return result;
}

/** Rebuilds the unit's counters for a year from the recorded facts (admin only) and answers the figures. */
export async function recomputeRealizations(
  ctx: RequestContext,
  unitCode: string,
  year: number,
): Promise<UnitPerformance> {
  if (ctx.caller.role !== 'admin') throw new ForbiddenError('only an admin can recompute realisations');
  assertYear(year);
  await ctx.db.transaction(async (tx) => {
    await assertKnownUnit(tx.manager, unitCode);
    await recomputeCounters(tx.manager, { unitCode, year });
  });
  return { unitCode, year, goals: await goalsByUnitYear(ctx).load({ unit: unitCode, year }) };
}
