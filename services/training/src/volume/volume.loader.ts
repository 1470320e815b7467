import type { RequestContext } from '@kesos/infra';
import { percentage } from '@kesos/infra';
import { TrainingClassEntity } from '../class/class.entity';
import { EnrollmentEntity } from '../enrollment/enrollment.entity';
import { ProgrammeEntity } from '../programme/programme.entity';
import type { ProgrammeVolume, TrainingVolumeYear } from './volume.type';

interface ProgrammeYearSum {
  unitCode: string;
  year: number | string;
  programmeCode: string;
  programmeName: string;
  n: number | string | null;
}

/** Two GROUP BY queries (targets, graduates) per unit, year and programme for every unit asked with the same range. */
export const volumeByUnit = (ctx: RequestContext, fromYear: number, toYear: number) =>
  ctx.loaders.get<string, TrainingVolumeYear[]>(`trainingVolume:${fromYear}:${toYear}`, async (codes) => {
    const ds = ctx.db.dataSource;
    const grouped = (query: ReturnType<typeof ds.createQueryBuilder>, n: string) =>
      query
        .innerJoin(ProgrammeEntity, 'p', 'p.id = c.programmeId')
        .select('c.unitCode', 'unitCode')
        .addSelect('c.year', 'year')
        .addSelect('p.code', 'programmeCode')
        .addSelect('p.name', 'programmeName')
        .addSelect(n, 'n')
        .andWhere('c.unitCode IN (:...codes)', { codes: [...codes] })
        .andWhere('c.year BETWEEN :fromYear AND :toYear', { fromYear, toYear })
        .groupBy('c.unitCode')
        .addGroupBy('c.year')
        .addGroupBy('p.code')
        .addGroupBy('p.name')
        .getRawMany<ProgrammeYearSum>();
    const [targets, graduates] = await Promise.all([
      grouped(ds.createQueryBuilder().from(TrainingClassEntity, 'c'), 'SUM(c.targetParticipants)'),
      grouped(
        ds
          .createQueryBuilder()
          .from(EnrollmentEntity, 'e')
          .innerJoin(TrainingClassEntity, 'c', 'c.id = e.classId')
          .where("e.status = 'GRADUATED'"),
        'COUNT(*)',
      ),
    ]);
    const key = (unit: string, year: number | string, programme: string) => `${unit}:${Number(year)}:${programme}`;
    const t = new Map(targets.map((r) => [key(r.unitCode, r.year, r.programmeCode), Number(r.n ?? 0)]));
    const g = new Map(graduates.map((r) => [key(r.unitCode, r.year, r.programmeCode), Number(r.n ?? 0)]));
    return codes.map((code) =>
      Array.from({ length: toYear - fromYear + 1 }, (_, i) => {
        const year = fromYear + i;
        const byProgramme: ProgrammeVolume[] = targets
          .filter((r) => r.unitCode === code && Number(r.year) === year)
          .map((r) => {
            const target = t.get(key(code, year, r.programmeCode)) ?? 0;
            const realized = g.get(key(code, year, r.programmeCode)) ?? 0;
            return {
              programmeCode: r.programmeCode,
              programmeName: r.programmeName,
              target,
              realized,
              achievement: percentage(realized, target),
            };
          })
          .sort((a, b) => a.programmeCode.localeCompare(b.programmeCode));
        const target = byProgramme.reduce((s, p) => s + p.target, 0);
        const realized = byProgramme.reduce((s, p) => s + p.realized, 0);
        return { year, target, realized, achievement: percentage(realized, target), byProgramme };
      }),
    );
  });
