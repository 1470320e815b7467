import { type ProvenanceCounts, rawNumber, rawTextOrNull, sumProvenanceCounts } from '@kesos/infra';
import type { RequestContext } from '@kesos/infra';
import { accountsByCode } from '../account/account.loader';
import type { ExpenseType } from '../account/account.type';
import type { ActivityEntity, BudgetLineEntity, OutputEntity, ProgrammeEntity } from '../line/line.entity';
import { linesOfDipas, structureOfDipas, volumeTargetsByOutput } from '../line/line.loader';
import { realizedVolumesByOutput } from '../output/output.loader';
import { realizedByLine } from '../realization/realization.loader';
import { ceilingChangesByLine } from '../revision/revision.loader';
import { SatkerEntity } from '../satker/satker.entity';
import { DipaEntity } from './dipa.entity';

/** A DIPA with its satker, as every budget read starts from it. */
export interface DipaRow {
  dipaId: number;
  year: number;
  satkerCode: string;
  unitCode: string;
  name: string;
  organisation: string;
  closedOn: string | null;
}

export interface LineFigure {
  line: BudgetLineEntity;
  accountName: string;
  expenseType: ExpenseType;
  ceiling: number;
  blocked: number;
  realized: number;
  /** The line's revision changes and transactions, counted by provenance. */
  records: ProvenanceCounts;
}

/** Everything needed to answer a DIPA's figures, loaded in a fixed number of queries for any number of DIPAs. */
export interface DipaFigures {
  lines: LineFigure[];
  programmes: ProgrammeEntity[];
  activities: ActivityEntity[];
  outputs: OutputEntity[];
  volumeTargets: Map<number, number>;
  realizedVolumes: Map<number, { volume: number; records: ProvenanceCounts }>;
}

/** Key of the DIPA loader: a unit and a range of fiscal years (one year: from = to). */
export interface UnitYears {
  unit: string;
  from: number;
  to: number;
}

export const dipasByUnitYears = (ctx: RequestContext) =>
  ctx.loaders.get<UnitYears, DipaRow[]>('dipasByUnitYears', async (keys) => {
    const units = [...new Set(keys.map((k) => k.unit))];
    const from = Math.min(...keys.map((k) => k.from));
    const to = Math.max(...keys.map((k) => k.to));
    const raw: Record<string, unknown>[] = await ctx.db.dataSource
      .getRepository(DipaEntity)
      .createQueryBuilder('d')
      .innerJoin(SatkerEntity, 's', 's.code = d.satkerCode')
      .select([
        'd.id AS dipaId',
        'd.year AS year',
        'd.satkerCode AS satkerCode',
        's.unitCode AS unitCode',
        's.name AS name',
        's.organisation AS organisation',
        's.closedOn AS closedOn',
      ])
      .where('s.unitCode IN (:...units)', { units })
      .andWhere('d.year BETWEEN :from AND :to', { from, to })
      .orderBy('d.year', 'ASC')
      .addOrderBy('d.satkerCode', 'ASC')
      .getRawMany();
    const rows: DipaRow[] = raw.map((r) => ({
      dipaId: rawNumber(r.dipaId),
      year: rawNumber(r.year),
      satkerCode: String(r.satkerCode),
      unitCode: String(r.unitCode),
      name: String(r.name),
      organisation: String(r.organisation),
      closedOn: rawTextOrNull(r.closedOn),
    }));
    return keys.map((k) => rows.filter((r) => r.unitCode === k.unit && r.year >= k.from && r.year <= k.to));
  });

/** The lines of the given DIPAs with their ceilings and realisation, in four queries for any number of DIPAs. */
async function loadLineFigures(ctx: RequestContext, dipaIds: readonly number[]): Promise<LineFigure[][]> {
  const ds = ctx.db.dataSource;
  const ids = [...dipaIds];
  const lines = await linesOfDipas(ds, ids);
  const accounts = await accountsByCode(ds);
  const changes = await ceilingChangesByLine(ds, ids);
  const realized = await realizedByLine(ds, ids);
  const figures: LineFigure[] = lines.map((line) => {
    const account = accounts.get(line.accountCode);
    if (!account)
      throw new Error(`line ${line.id} names account ${line.accountCode}, which is not in the chart of accounts`);
    const c = changes.get(line.id) ?? { ceiling: 0, blocked: 0, records: {} };
    const r = realized.get(line.id) ?? { realized: 0, records: {} };
    return {
      line,
      accountName: account.name,
      expenseType: account.expenseType,
      ceiling: c.ceiling,
      blocked: c.blocked,
      realized: r.realized,
      records: sumProvenanceCounts([c.records, r.records]),
    };
  });
  return ids.map((id) => figures.filter((f) => f.line.dipaId === id));
}

/**
 * A DIPA's lines with their figures: all that the totals (ceiling, realized, absorption, per
 * expense type and goal) need, without the programme structure and output volumes, whose entries
 * grow with every graduate.
 */
export const dipaLineFigures = (ctx: RequestContext) =>
  ctx.loaders.get<number, LineFigure[]>('dipaLineFigures', (ids) => loadLineFigures(ctx, ids));

export async function loadDipaFigures(ctx: RequestContext, dipaIds: readonly number[]): Promise<DipaFigures[]> {
  const ds = ctx.db.dataSource;
  const ids = [...dipaIds];
  const lines = await dipaLineFigures(ctx).loadMany(ids);
  const { programmes, activities, outputs } = await structureOfDipas(ds, ids);
  const volumeTargets = await volumeTargetsByOutput(ds, ids);
  const realizedVolumes = await realizedVolumesByOutput(ds, ids);
  return ids.map((id, i) => {
    const ofDipa = lines[i];
    if (ofDipa === undefined || ofDipa instanceof Error) throw ofDipa ?? new Error(`DIPA ${id} has no lines loaded`);
    return {
      lines: ofDipa,
      programmes: programmes.filter((p) => p.dipaId === id),
      activities: activities.filter((a) => a.dipaId === id),
      outputs: outputs.filter((o) => o.dipaId === id),
      volumeTargets,
      realizedVolumes,
    };
  });
}

export const dipaFigures = (ctx: RequestContext) =>
  ctx.loaders.get<number, DipaFigures>('dipaFigures', (ids) => loadDipaFigures(ctx, ids));
