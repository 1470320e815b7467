import type { RequestContext } from '@kesos/infra';
import { byKeys, groupByKeys } from '@kesos/infra';
import { In } from 'typeorm';
import { EnrollmentEntity } from './enrollment.entity';

export const enrollmentById = (ctx: RequestContext) =>
  ctx.loaders.get<number, EnrollmentEntity | null>('enrollmentById', async (ids) =>
    byKeys(ids, await ctx.db.dataSource.getRepository(EnrollmentEntity).findBy({ id: In([...ids]) }), (e) => e.id),
  );

export const enrollmentsByParticipant = (ctx: RequestContext) =>
  ctx.loaders.get<number, EnrollmentEntity[]>('enrollmentsByParticipant', async (ids) =>
    groupByKeys(
      ids,
      await ctx.db.dataSource
        .getRepository(EnrollmentEntity)
        .find({ where: { participantId: In([...ids]) }, order: { id: 'ASC' } }),
      (e) => e.participantId,
    ),
  );
