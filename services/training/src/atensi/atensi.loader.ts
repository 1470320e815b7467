import type { RequestContext, UnitYear } from '@kesos/infra';
import { mergeProvenance, percentage, summarizeProvenance } from '@kesos/infra';
import { readProvenanceCounts, selectProvenanceCounts } from '../common/common.provenance';
import { AtensiCaseEntity } from './atensi.entity';
import type { AtensiServiceTypeSummary, AtensiSummary } from './atensi.type';
import { AtensiCaseStatus, AtensiServiceType } from './atensi.type';

const SERVICE_TYPES = Object.values(AtensiServiceType);

interface Counts {
  cases: number;
  closedCases: number;
  servedCases: number;
  peopleServed: number;
}

const summarise = (c: Counts) => ({
  ...c,
  openCases: c.cases - c.closedCases,
  servedRate: percentage(c.servedCases, c.closedCases),
});

/** One grouped query for every (unit, year) of a request; it also counts the cases per provenance. */
export const atensiSummaryByUnitYear = (ctx: RequestContext) =>
  ctx.loaders.get<UnitYear, AtensiSummary>('atensiSummaryByUnitYear', async (keys) => {
    const units = [...new Set(keys.map((k) => k.unit))];
    const years = [...new Set(keys.map((k) => k.year))];
    const query = ctx.db.dataSource
      .getRepository(AtensiCaseEntity)
      .createQueryBuilder('c')
      .select('c.unitCode', 'unitCode')
      .addSelect('c.year', 'year')
      .addSelect('c.serviceType', 'serviceType')
      .addSelect('COUNT(*)', 'cases')
      .addSelect('SUM(CASE WHEN c.status = :closed THEN 1 ELSE 0 END)', 'closedCases')
      // Booleans are stored as 1/0 on both MariaDB and SQLite; SQLite cannot bind a boolean parameter.
      .addSelect('SUM(CASE WHEN c.served = 1 THEN 1 ELSE 0 END)', 'servedCases')
      .addSelect('SUM(COALESCE(c.peopleServed, 0))', 'peopleServed')
      .where('c.unitCode IN (:...units)', { units })
      .andWhere('c.year IN (:...years)', { years })
      .setParameter('closed', AtensiCaseStatus.CLOSED)
      .groupBy('c.unitCode')
      .addGroupBy('c.year')
      .addGroupBy('c.serviceType');
    const rows = await selectProvenanceCounts(query, 'c').getRawMany<
      { unitCode: string; year: number | string; serviceType: AtensiServiceType } & Record<
        keyof Counts,
        string | number
      >
    >();
    const countsOf = new Map(
      rows.map((r) => [
        `${r.unitCode}|${Number(r.year)}|${r.serviceType}`,
        {
          cases: Number(r.cases),
          closedCases: Number(r.closedCases),
          servedCases: Number(r.servedCases),
          peopleServed: Number(r.peopleServed),
        },
      ]),
    );
    const provenanceOf = new Map(
      rows.map((r) => [`${r.unitCode}|${Number(r.year)}|${r.serviceType}`, readProvenanceCounts(r)]),
    );
    return keys.map(({ unit, year }) => {
      const byServiceType: AtensiServiceTypeSummary[] = SERVICE_TYPES.map((serviceType) => ({
        serviceType,
        ...summarise(
          countsOf.get(`${unit}|${year}|${serviceType}`) ?? {
            cases: 0,
            closedCases: 0,
            servedCases: 0,
            peopleServed: 0,
          },
        ),
        provenance: summarizeProvenance(provenanceOf.get(`${unit}|${year}|${serviceType}`) ?? {}),
      }));
      const total = byServiceType.reduce<Counts>(
        (t, s) => ({
          cases: t.cases + s.cases,
          closedCases: t.closedCases + s.closedCases,
          servedCases: t.servedCases + s.servedCases,
          peopleServed: t.peopleServed + s.peopleServed,
        }),
        { cases: 0, closedCases: 0, servedCases: 0, peopleServed: 0 },
      );
      return {
        year,
        ...summarise(total),
        byServiceType,
        provenance: mergeProvenance(byServiceType.map((t) => t.provenance)),
      };
    });
  });
