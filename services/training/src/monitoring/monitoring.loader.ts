import type { RequestContext } from '@kesos/infra';
import { byKeys } from '@kesos/infra';
import { In } from 'typeorm';
import { AlumniMonitoringEntity } from './monitoring.entity';

export const monitoringByEnrollment = (ctx: RequestContext) =>
  ctx.loaders.get<number, AlumniMonitoringEntity | null>('monitoringByEnrollment', async (ids) =>
    byKeys(
      ids,
      await ctx.db.dataSource.getRepository(AlumniMonitoringEntity).findBy({ enrollmentId: In([...ids]) }),
      (m) => m.enrollmentId,
    ),
  );
