import { percentage, summaryOfCounters } from '@kesos/infra';
import { CANDIDATE_COUNTERS } from './certification-stats.rollup';
import { CertificationCategory } from '../certification/certification.type';
import type { CertificationStatsRow } from './certification-stats.type';
import { CertificationOutcome } from './certification-stats.type';

/** One grouped row as the database returns it: absent dimensions are undefined, sums may be strings or null. */
export interface RawCertificationStatsRow {
  unitCode?: string;
  year?: number | string;
  category?: string;
  outcome?: string;
  candidates: number | string | null;
  assessed: number | string | null;
  competent: number | string | null;
}

const count = (v: number | string | null | undefined): number => Number(v ?? 0);

export function toCertificationStatsRow(raw: RawCertificationStatsRow): CertificationStatsRow {
  const assessed = count(raw.assessed);
  const competent = count(raw.competent);
  return {
    unitCode: raw.unitCode ?? null,
    rank: null,
    year: raw.year === undefined ? null : Number(raw.year),
    category:
      raw.category === undefined ? null : CertificationCategory[raw.category as keyof typeof CertificationCategory],
    outcome: raw.outcome === undefined ? null : CertificationOutcome[raw.outcome as keyof typeof CertificationOutcome],
    candidates: count(raw.candidates),
    assessed,
    competent,
    notYetCompetent: assessed - competent,
    competenceRate: percentage(competent, assessed),
    evidence: summaryOfCounters(raw, CANDIDATE_COUNTERS),
  };
}
