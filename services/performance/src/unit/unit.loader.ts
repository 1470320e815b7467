import type { RequestContext } from '@kesos/infra';
import { KnownUnitEntity } from './known-unit.entity';

/** Whether each unit code was registered by the training subgraph: one query per request. */
export const knownUnits = (ctx: RequestContext) =>
  ctx.loaders.get<string, boolean>('knownUnit', async (codes) => {
    const rows = await ctx.db.dataSource.getRepository(KnownUnitEntity).find();
    const known = new Set(rows.map((r) => r.code));
    return codes.map((c) => known.has(c));
  });
