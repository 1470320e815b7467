import { lockedForUpdate, Provenance } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { RealizationEntity } from '../realization/realization.entity';
import { LineChangeEntity } from '../revision/revision.entity';
import { ActivityEntity, BudgetLineEntity, OutputEntity, ProgrammeEntity } from './line.entity';

/** The hierarchy of a DIPA: programme → activity → KRO/RO, and the lines (component, account) under the ROs. */
export interface DipaStructure {
  programmes: {
    code: string;
    name: string;
    activities: {
      code: string;
      name: string;
      note?: string | null;
      outputs: { kroCode: string; kroName: string; code: string; name: string; volumeUnit: string }[];
    }[];
  }[];
  /** `output` is an RO code of the programmes above, or null for an expense-type summary line. */
  lines: {
    output: string | null;
    component: string | null;
    componentName: string | null;
    account: string;
    goal: string | null;
    /** OPERATIONAL when left out. */
    provenance?: Provenance;
  }[];
}

/**
 * Writes a DIPA's hierarchy and lines (no amounts: those are the revisions' line changes);
 * answers the ids of the outputs by RO code and of the lines in the order given.
 */
export async function writeDipaStructure(
  m: EntityManager,
  dipaId: number,
  spec: DipaStructure,
): Promise<{ outputIds: Map<string, number>; lineIds: number[] }> {
  const outputIds = new Map<string, number>();
  for (const p of spec.programmes) {
    const programme = m.create(ProgrammeEntity, { dipaId, code: p.code, name: p.name });
    await m.insert(ProgrammeEntity, programme);
    for (const a of p.activities) {
      const activity = m.create(ActivityEntity, {
        dipaId,
        programmeId: programme.id,
        code: a.code,
        name: a.name,
        note: a.note ?? null,
      });
      await m.insert(ActivityEntity, activity);
      for (const o of a.outputs) {
        const output = m.create(OutputEntity, {
          dipaId,
          activityId: activity.id,
          kroCode: o.kroCode,
          kroName: o.kroName,
          code: o.code,
          name: o.name,
          volumeUnit: o.volumeUnit,
        });
        await m.insert(OutputEntity, output);
        outputIds.set(o.code, output.id);
      }
    }
  }
  return { outputIds, lineIds: await insertLines(m, dipaId, outputIds, spec.lines) };
}

/** Inserts lines under the given outputs (RO code → id); answers their ids in the order given. */
export async function insertLines(
  m: EntityManager,
  dipaId: number,
  outputIds: Map<string, number>,
  lines: DipaStructure['lines'],
): Promise<number[]> {
  const lineIds: number[] = [];
  for (const l of lines) {
    const outputId = l.output === null ? null : outputIds.get(l.output);
    if (outputId === undefined) throw new Error(`line names output ${l.output}, which the DIPA does not have`);
    const line = m.create(BudgetLineEntity, {
      dipaId,
      outputId,
      componentCode: l.component,
      componentName: l.componentName,
      accountCode: l.account,
      goalCode: l.goal,
      provenance: l.provenance ?? Provenance.OPERATIONAL,
    });
    await m.insert(BudgetLineEntity, line);
    lineIds.push(line.id);
  }
  return lineIds;
}

export interface LineBalance {
  ceiling: number;
  blocked: number;
  realized: number;
}

/** Current ceiling, blocked amount and realisation of lines, read inside the caller's transaction. */
export async function lineBalances(manager: EntityManager, lineIds: number[]): Promise<Map<number, LineBalance>> {
  const result = new Map<number, LineBalance>(lineIds.map((id) => [id, { ceiling: 0, blocked: 0, realized: 0 }]));
  if (!lineIds.length) return result;
  const changes: Record<string, unknown>[] = await manager
    .createQueryBuilder(LineChangeEntity, 'c')
    .select(['c.lineId AS lineId', 'SUM(c.ceilingChange) AS ceiling', 'SUM(c.blockedChange) AS blocked'])
    .where('c.lineId IN (:...lineIds)', { lineIds })
    .groupBy('c.lineId')
    .getRawMany();
  const spent: Record<string, unknown>[] = await manager
    .createQueryBuilder(RealizationEntity, 'r')
    .select(['r.lineId AS lineId', 'SUM(r.amount) AS realized'])
    .where('r.lineId IN (:...lineIds)', { lineIds })
    .groupBy('r.lineId')
    .getRawMany();
  for (const c of changes)
    Object.assign(result.get(Number(c.lineId))!, { ceiling: Number(c.ceiling), blocked: Number(c.blocked) });
  for (const s of spent) result.get(Number(s.lineId))!.realized = Number(s.realized);
  return result;
}

/**
 * Locks the lines for the rest of the transaction so two clerks cannot both spend the last of a
 * line's ceiling. SQLite (embedded mode) has no row locks, but its transactions are serialised.
 */
export async function lockLines(manager: EntityManager, lineIds: number[]): Promise<BudgetLineEntity[]> {
  if (!lineIds.length) return [];
  return lockedForUpdate(
    manager,
    manager.createQueryBuilder(BudgetLineEntity, 'l').where('l.id IN (:...lineIds)', { lineIds }).orderBy('l.id'),
  ).getMany();
}
