import type { RequestContext } from '@kesos/infra';
import { byKeys, groupByKeys } from '@kesos/infra';
import { In } from 'typeorm';
import {
  CampusEntity,
  FacilityEntity,
  StaffCountEntity,
  StaffJobCountEntity,
  UnitEntity,
  WorkAreaProvinceEntity,
} from './unit.entity';

export const unitByCode = (ctx: RequestContext) =>
  ctx.loaders.get<string, UnitEntity | null>('unitByCode', async (codes) =>
    byKeys(codes, await ctx.db.dataSource.getRepository(UnitEntity).findBy({ code: In([...codes]) }), (u) => u.code),
  );

export const workAreaByUnit = (ctx: RequestContext) =>
  ctx.loaders.get<string, WorkAreaProvinceEntity[]>('workAreaByUnit', async (codes) =>
    groupByKeys(
      codes,
      await ctx.db.dataSource
        .getRepository(WorkAreaProvinceEntity)
        .find({ where: { unitCode: In([...codes]) }, order: { position: 'ASC' } }),
      (w) => w.unitCode,
    ),
  );

export const staffByUnit = (ctx: RequestContext) =>
  ctx.loaders.get<string, StaffCountEntity[]>('staffByUnit', async (codes) =>
    groupByKeys(
      codes,
      await ctx.db.dataSource
        .getRepository(StaffCountEntity)
        .find({ where: { unitCode: In([...codes]) }, order: { employment: 'ASC', gender: 'ASC' } }),
      (s) => s.unitCode,
    ),
  );

export const campusesByUnit = (ctx: RequestContext) =>
  ctx.loaders.get<string, CampusEntity[]>('campusesByUnit', async (codes) =>
    groupByKeys(
      codes,
      await ctx.db.dataSource
        .getRepository(CampusEntity)
        .find({ where: { unitCode: In([...codes]) }, order: { position: 'ASC' } }),
      (c) => c.unitCode,
    ),
  );

export const facilitiesByCampus = (ctx: RequestContext) =>
  ctx.loaders.get<number, FacilityEntity[]>('facilitiesByCampus', async (ids) =>
    groupByKeys(
      ids,
      await ctx.db.dataSource
        .getRepository(FacilityEntity)
        .find({ where: { campusId: In([...ids]) }, order: { position: 'ASC' } }),
      (f) => f.campusId,
    ),
  );

export const staffJobsByUnit = (ctx: RequestContext) =>
  ctx.loaders.get<string, StaffJobCountEntity[]>('staffJobsByUnit', async (codes) =>
    groupByKeys(
      codes,
      await ctx.db.dataSource
        .getRepository(StaffJobCountEntity)
        .find({ where: { unitCode: In([...codes]) }, order: { position: 'ASC' } }),
      (s) => s.unitCode,
    ),
  );
