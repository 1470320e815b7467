import { percentage, RequestContext } from '@kesos/infra';
import { TrainingClassEntity } from '../class/class.entity';
import { EnrollmentEntity } from '../enrollment/enrollment.entity';
import type { TrainingVolumeYear } from './volume.type';

interface YearSum {
  unitCode: string;
  year: number | string;
  n: number | string | null;
}

/** Two GROUP BY queries for every unit asked in the request with the same year range. */
export const volumeByUnit = (ctx: RequestContext, fromYear: number, toYear: number) =>
  ctx.loaders.get<string, TrainingVolumeYear[]>(`trainingVolume:${fromYear}:${toYear}`, async (codes) => {
    const ds = ctx.db.dataSource;
    const targets: YearSum[] = await ds
      .getRepository(TrainingClassEntity)
      .createQueryBuilder('c')
      .select('c.unitCode', 'unitCode')
      .addSelect('c.year', 'year')
      .addSelect('SUM(c.targetParticipants)', 'n')
      .where('c.unitCode IN (:...codes)', { codes: [...codes] })
      .andWhere('c.year BETWEEN :fromYear AND :toYear', { fromYear, toYear })
      .groupBy('c.unitCode')
      .addGroupBy('c.year')
      .getRawMany();
    const realized: YearSum[] = await ds
      .getRepository(EnrollmentEntity)
      .createQueryBuilder('e')
      .innerJoin(TrainingClassEntity, 'c', 'c.id = e.classId')
      .select('c.unitCode', 'unitCode')
      .addSelect('c.year', 'year')
      .addSelect('COUNT(*)', 'n')
      .where('c.unitCode IN (:...codes)', { codes: [...codes] })
      .andWhere('c.year BETWEEN :fromYear AND :toYear', { fromYear, toYear })
      .andWhere("e.status = 'GRADUATED'")
      .groupBy('c.unitCode')
      .addGroupBy('c.year')
      .getRawMany();
    const key = (unit: string, year: number | string) => `${unit}:${Number(year)}`;
    const t = new Map(targets.map((r) => [key(r.unitCode, r.year), Number(r.n ?? 0)]));
    const g = new Map(realized.map((r) => [key(r.unitCode, r.year), Number(r.n ?? 0)]));
    return codes.map((code) =>
      Array.from({ length: toYear - fromYear + 1 }, (_, i) => {
        const year = fromYear + i;
        const target = t.get(key(code, year)) ?? 0;
        const done = g.get(key(code, year)) ?? 0;
        return { year, target, realized: done, achievement: percentage(done, target) };
      }),
    );
  });
