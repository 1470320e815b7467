import type { Provenance, RequestContext } from '@kesos/infra';
import { byKeys } from '@kesos/infra';
import { addProvenanceCounts, readProvenanceCounts, selectProvenanceCounts } from '../common/common.provenance';
import { In } from 'typeorm';
import { EnrollmentEntity } from '../enrollment/enrollment.entity';
import { TrainingClassEntity } from './class.entity';

export const classById = (ctx: RequestContext) =>
  ctx.loaders.get<number, TrainingClassEntity | null>('classById', async (ids) =>
    byKeys(ids, await ctx.db.dataSource.getRepository(TrainingClassEntity).findBy({ id: In([...ids]) }), (c) => c.id),
  );

export interface ClassCounts {
  enrollments: number;
  graduates: number;
  /** The enrollments counted, per provenance. */
  provenance: Record<Provenance, number>;
}

/** Enrollment counts of many classes, and what those enrollments are, in one GROUP BY. */
export const countsByClass = (ctx: RequestContext) =>
  ctx.loaders.get<number, ClassCounts>('countsByClass', async (ids) => {
    const query = ctx.db.dataSource
      .getRepository(EnrollmentEntity)
      .createQueryBuilder('e')
      .select('e.classId', 'classId')
      .addSelect('e.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('e.classId IN (:...ids)', { ids: [...ids] })
      .groupBy('e.classId')
      .addGroupBy('e.status');
    const rows = await selectProvenanceCounts(query, 'e').getRawMany<{
      classId: number | string;
      status: string;
      n: string | number;
    }>();
    const counts = new Map<number, ClassCounts>(
      ids.map((id) => [id, { enrollments: 0, graduates: 0, provenance: addProvenanceCounts([]) }]),
    );
    for (const r of rows) {
      const c = counts.get(Number(r.classId))!;
      c.enrollments += Number(r.n);
      if (r.status === 'GRADUATED') c.graduates += Number(r.n);
      c.provenance = addProvenanceCounts([c.provenance, readProvenanceCounts(r)]);
    }
    return ids.map((id) => counts.get(id)!);
  });
