import type { RequestContext } from '@kesos/infra';
import { byKeys } from '@kesos/infra';
import { In } from 'typeorm';
import { ProgrammeEntity } from './programme.entity';

export const programmeById = (ctx: RequestContext) =>
  ctx.loaders.get<number, ProgrammeEntity | null>('programmeById', async (ids) =>
    byKeys(ids, await ctx.db.dataSource.getRepository(ProgrammeEntity).findBy({ id: In([...ids]) }), (p) => p.id),
  );
