import type { RequestContext } from '@kesos/infra';
import { mergeProvenance, percentage, summarizeProvenance } from '@kesos/infra';
import { readProvenanceCounts, selectProvenanceCounts } from '../common/common.provenance';
import { TrainingClassEntity } from '../class/class.entity';
import { ProgrammeEntity } from '../programme/programme.entity';
import type { ProgrammeVolume, TrainingVolumeYear } from './volume.type';

interface ProgrammeYearSum {
  unitCode: string;
  year: number | string;
  programmeCode: string;
  programmeName: string;
  target: number | string | null;
  graduates: number | string | null;
}

/**
 * One GROUP BY over the classes (targets and their graduate counters) per unit, year and programme
 * for every unit asked with the same range: it reads classes, never enrollments, so its cost does
 * not grow with the number of participants. The same statement counts the classes per provenance:
 * the records the figures are summed from.
 */
export const volumeByUnit = (ctx: RequestContext, fromYear: number, toYear: number) =>
  ctx.loaders.get<string, TrainingVolumeYear[]>(`trainingVolume:${fromYear}:${toYear}`, async (codes) => {
    const query = ctx.db.dataSource
      .createQueryBuilder()
      .from(TrainingClassEntity, 'c')
      .innerJoin(ProgrammeEntity, 'p', 'p.id = c.programmeId')
      .select('c.unitCode', 'unitCode')
      .addSelect('c.year', 'year')
      .addSelect('p.code', 'programmeCode')
      .addSelect('p.name', 'programmeName')
      .addSelect('SUM(c.targetParticipants)', 'target')
      .addSelect('SUM(c.graduates)', 'graduates')
      .where('c.unitCode IN (:...codes)', { codes: [...codes] })
      .andWhere('c.year BETWEEN :fromYear AND :toYear', { fromYear, toYear })
      .groupBy('c.unitCode')
      .addGroupBy('c.year')
      .addGroupBy('p.code')
      .addGroupBy('p.name');
    const sums = await selectProvenanceCounts(query, 'c').getRawMany<ProgrammeYearSum>();
    return codes.map((code) =>
      Array.from({ length: toYear - fromYear + 1 }, (_, i) => {
        const year = fromYear + i;
        const byProgramme: ProgrammeVolume[] = sums
          .filter((r) => r.unitCode === code && Number(r.year) === year)
          .map((r) => {
            const target = Number(r.target ?? 0);
            const realized = Number(r.graduates ?? 0);
            return {
              programmeCode: r.programmeCode,
              programmeName: r.programmeName,
              target,
              realized,
              achievement: percentage(realized, target),
              provenance: summarizeProvenance(readProvenanceCounts(r)),
            };
          })
          .sort((a, b) => a.programmeCode.localeCompare(b.programmeCode));
        const target = byProgramme.reduce((s, p) => s + p.target, 0);
        const realized = byProgramme.reduce((s, p) => s + p.realized, 0);
        return {
          year,
          target,
          realized,
          achievement: percentage(realized, target),
          byProgramme,
          provenance: mergeProvenance(byProgramme.map((p) => p.provenance)),
        };
      }),
    );
  });
