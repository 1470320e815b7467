import { byKeys, groupByKeys, RequestContext } from '@kesos/infra';
import { In } from 'typeorm';
import { StaffCountEntity, UnitEntity, WorkAreaProvinceEntity } from './unit.entity';

export const unitByCode = (ctx: RequestContext) =>
  ctx.loaders.get<string, UnitEntity | null>('unitByCode', async (codes) =>
    byKeys(codes, await ctx.db.dataSource.getRepository(UnitEntity).findBy({ code: In([...codes]) }), (u) => u.code),
  );

export const workAreaByUnit = (ctx: RequestContext) =>
  ctx.loaders.get<string, WorkAreaProvinceEntity[]>('workAreaByUnit', async (codes) =>
    groupByKeys(codes, await ctx.db.dataSource.getRepository(WorkAreaProvinceEntity).find({ where: { unitCode: In([...codes]) }, order: { position: 'ASC' } }), (w) => w.unitCode),
  );

export const staffByUnit = (ctx: RequestContext) =>
  ctx.loaders.get<string, StaffCountEntity[]>('staffByUnit', async (codes) =>
    groupByKeys(codes, await ctx.db.dataSource.getRepository(StaffCountEntity).find({ where: { unitCode: In([...codes]) }, order: { employment: 'ASC', gender: 'ASC' } }), (s) => s.unitCode),
  );
