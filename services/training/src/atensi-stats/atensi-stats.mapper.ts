import { percentage, summaryOfCounters } from '@kesos/infra';
import { CASE_COUNTERS } from './atensi-stats.rollup';
import { AtensiCaseStatus, AtensiServiceType } from '../atensi/atensi.type';
import type { AtensiStatsRow } from './atensi-stats.type';

/** One grouped row as the database returns it: absent dimensions are undefined, sums may be strings or null. */
export interface RawAtensiStatsRow {
  unitCode?: string;
  year?: number | string;
  serviceType?: string;
  status?: string;
  cases: number | string | null;
  closedCases: number | string | null;
  servedCases: number | string | null;
  peopleServed: number | string | null;
}

const count = (v: number | string | null | undefined): number => Number(v ?? 0);

export function toAtensiStatsRow(raw: RawAtensiStatsRow): AtensiStatsRow {
  const cases = count(raw.cases);
  const closedCases = count(raw.closedCases);
  const servedCases = count(raw.servedCases);
  return {
    unitCode: raw.unitCode ?? null,
    rank: null,
    year: raw.year === undefined ? null : Number(raw.year),
    serviceType:
      raw.serviceType === undefined ? null : AtensiServiceType[raw.serviceType as keyof typeof AtensiServiceType],
    status: raw.status === undefined ? null : AtensiCaseStatus[raw.status as keyof typeof AtensiCaseStatus],
    cases,
    openCases: cases - closedCases,
    closedCases,
    servedCases,
    peopleServed: count(raw.peopleServed),
    servedRate: percentage(servedCases, closedCases),
    evidence: summaryOfCounters(raw, CASE_COUNTERS),
  };
}
