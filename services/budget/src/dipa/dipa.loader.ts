import { RequestContext } from '@kesos/infra';
import { In } from 'typeorm';
import { AccountEntity } from '../account/account.entity';
import { ExpenseType } from '../account/account.type';
import { ActivityEntity, BudgetLineEntity, OutputEntity, OutputTargetEntity, ProgrammeEntity } from '../line/line.entity';
import { OutputVolumeEntryEntity } from '../output/output.entity';
import { RealizationEntity } from '../realization/realization.entity';
import { LineChangeEntity, RevisionEntity } from '../revision/revision.entity';
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
}

/** Everything needed to answer a DIPA's figures, loaded in a fixed number of queries for any number of DIPAs. */
export interface DipaFigures {
  lines: LineFigure[];
  programmes: ProgrammeEntity[];
  activities: ActivityEntity[];
  outputs: OutputEntity[];
  volumeTargets: Map<number, number>;
  realizedVolumes: Map<number, number>;
}

/** Key of the DIPA loader: a unit and a range of fiscal years (one year: from = to). */
export interface UnitYears {
  unit: string;
  from: number;
  to: number;
}

const num = (v: unknown): number => Number(v ?? 0);

export const dipasByUnitYears = (ctx: RequestContext) =>
  ctx.loaders.get<UnitYears, DipaRow[]>('dipasByUnitYears', async (keys) => {
    const units = [...new Set(keys.map((k) => k.unit))];
    const from = Math.min(...keys.map((k) => k.from));
    const to = Math.max(...keys.map((k) => k.to));
    const raw: Record<string, unknown>[] = await ctx.db.dataSource
      .getRepository(DipaEntity)
      .createQueryBuilder('d')
      .innerJoin(SatkerEntity, 's', 's.code = d.satkerCode')
      .select(['d.id AS dipaId', 'd.year AS year', 'd.satkerCode AS satkerCode', 's.unitCode AS unitCode', 's.name AS name', 's.organisation AS organisation', 's.closedOn AS closedOn'])
      .where('s.unitCode IN (:...units)', { units })
      .andWhere('d.year BETWEEN :from AND :to', { from, to })
      .orderBy('d.year', 'ASC')
      .addOrderBy('d.satkerCode', 'ASC')
      .getRawMany();
    const rows: DipaRow[] = raw.map((r) => ({
      dipaId: num(r.dipaId),
      year: num(r.year),
      satkerCode: String(r.satkerCode),
      unitCode: String(r.unitCode),
      name: String(r.name),
      organisation: String(r.organisation),
      closedOn: r.closedOn ? String(r.closedOn) : null,
    }));
    return keys.map((k) => rows.filter((r) => r.unitCode === k.unit && r.year >= k.from && r.year <= k.to));
  });

export async function loadDipaFigures(ctx: RequestContext, dipaIds: readonly number[]): Promise<DipaFigures[]> {
  const ds = ctx.db.dataSource;
  const ids = [...dipaIds];
  const lines = await ds.getRepository(BudgetLineEntity).find({ where: { dipaId: In(ids) }, order: { id: 'ASC' } });
  const accounts = new Map((await ds.getRepository(AccountEntity).find()).map((a) => [a.code, a]));
  const changeSums: Record<string, unknown>[] = await ds
    .getRepository(LineChangeEntity)
    .createQueryBuilder('c')
    .innerJoin(BudgetLineEntity, 'l', 'l.id = c.lineId')
    .select(['c.lineId AS lineId', 'SUM(c.ceilingChange) AS ceiling', 'SUM(c.blockedChange) AS blocked'])
    .where('l.dipaId IN (:...ids)', { ids })
    .groupBy('c.lineId')
    .getRawMany();
  const realizedSums: Record<string, unknown>[] = await ds
    .getRepository(RealizationEntity)
    .createQueryBuilder('r')
    .innerJoin(BudgetLineEntity, 'l', 'l.id = r.lineId')
    .select(['r.lineId AS lineId', 'SUM(r.amount) AS realized'])
    .where('l.dipaId IN (:...ids)', { ids })
    .groupBy('r.lineId')
    .getRawMany();
  const programmes = await ds.getRepository(ProgrammeEntity).find({ where: { dipaId: In(ids) }, order: { code: 'ASC' } });
  const activities = await ds.getRepository(ActivityEntity).find({ where: { dipaId: In(ids) }, order: { code: 'ASC' } });
  const outputs = await ds.getRepository(OutputEntity).find({ where: { dipaId: In(ids) }, order: { code: 'ASC' } });
  const targets: Record<string, unknown>[] = await ds
    .getRepository(OutputTargetEntity)
    .createQueryBuilder('t')
    .innerJoin(RevisionEntity, 'v', 'v.id = t.revisionId')
    .select(['t.outputId AS outputId', 't.volumeTarget AS volumeTarget', 'v.number AS number'])
    .where('v.dipaId IN (:...ids)', { ids })
    .orderBy('v.number', 'ASC')
    .getRawMany();
  const volumes: Record<string, unknown>[] = await ds
    .getRepository(OutputVolumeEntryEntity)
    .createQueryBuilder('e')
    .innerJoin(OutputEntity, 'o', 'o.id = e.outputId')
    .select(['e.outputId AS outputId', 'SUM(e.quantity) AS volume'])
    .where('o.dipaId IN (:...ids)', { ids })
    .groupBy('e.outputId')
    .getRawMany();

  const changes = new Map(changeSums.map((c) => [num(c.lineId), { ceiling: num(c.ceiling), blocked: num(c.blocked) }]));
  const realized = new Map(realizedSums.map((r) => [num(r.lineId), num(r.realized)]));
  // Ordered by revision number, so the last write per output is the latest target.
  const volumeTargets = new Map(targets.map((t) => [num(t.outputId), num(t.volumeTarget)]));
  const realizedVolumes = new Map(volumes.map((v) => [num(v.outputId), num(v.volume)]));
  const figures: LineFigure[] = lines.map((line) => {
    const account = accounts.get(line.accountCode);
    if (!account) throw new Error(`line ${line.id} names account ${line.accountCode}, which is not in the chart of accounts`);
    const c = changes.get(line.id) ?? { ceiling: 0, blocked: 0 };
    return { line, accountName: account.name, expenseType: account.expenseType, ceiling: c.ceiling, blocked: c.blocked, realized: realized.get(line.id) ?? 0 };
  });
  return ids.map((id) => ({
    lines: figures.filter((f) => f.line.dipaId === id),
    programmes: programmes.filter((p) => p.dipaId === id),
    activities: activities.filter((a) => a.dipaId === id),
    outputs: outputs.filter((o) => o.dipaId === id),
    volumeTargets,
    realizedVolumes,
  }));
}

export const dipaFigures = (ctx: RequestContext) => ctx.loaders.get<number, DipaFigures>('dipaFigures', (ids) => loadDipaFigures(ctx, ids));
