import { percentage, summaryOfCounters } from '@kesos/infra';
import { ASSESSMENT_COUNTERS } from './accreditation-stats.rollup';
import { AccreditationResult, LksKind } from '../accreditation/accreditation.type';
import type { AccreditationStatsRow } from './accreditation-stats.type';

/** One grouped row as the database returns it: absent dimensions are undefined, sums may be strings or null. */
export interface RawAccreditationStatsRow {
  unitCode?: string;
  year?: number | string;
  result?: string;
  kind?: string;
  assessed: number | string | null;
  accredited: number | string | null;
}

const count = (v: number | string | null | undefined): number => Number(v ?? 0);

export function toAccreditationStatsRow(raw: RawAccreditationStatsRow): AccreditationStatsRow {
  const assessed = count(raw.assessed);
  const accredited = count(raw.accredited);
  return {
    unitCode: raw.unitCode ?? null,
    rank: null,
    year: raw.year === undefined ? null : Number(raw.year),
    result: raw.result === undefined ? null : AccreditationResult[raw.result as keyof typeof AccreditationResult],
    kind: raw.kind === undefined ? null : LksKind[raw.kind as keyof typeof LksKind],
    assessed,
    accredited,
    notAccredited: assessed - accredited,
    accreditationRate: percentage(accredited, assessed),
    evidence: summaryOfCounters(raw, ASSESSMENT_COUNTERS),
  };
}
