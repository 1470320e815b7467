import type { RequestContext } from '@kesos/infra';
import { byKeys } from '@kesos/infra';
import { In } from 'typeorm';
import { ParticipantEntity } from './participant.entity';

export const participantById = (ctx: RequestContext) =>
  ctx.loaders.get<number, ParticipantEntity | null>('participantById', async (ids) =>
    byKeys(ids, await ctx.db.dataSource.getRepository(ParticipantEntity).findBy({ id: In([...ids]) }), (p) => p.id),
  );
